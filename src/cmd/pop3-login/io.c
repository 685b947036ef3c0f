/* pop3-login's client I/O. */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "login.h"

static long long now_ms(void)
{
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* -2 when the deadline passed. */
static int getbyte(char *c, long long deadline)
{
  struct pollfd p = {0, POLLIN, 0};
  int r;
  do {
    long long left = deadline - now_ms();
    r = left > 0 ? poll(&p, 1, (int)left) : 0;
  } while (r < 0 && errno == EINTR);
  if (r <= 0) return r < 0 ? -1 : -2;
  ssize_t n;
  do n = read(0, c, 1); while (n < 0 && errno == EINTR);
  return n == 1 ? 1 : 0;
}

/* A line must be complete within the timeout of its first octet, and
 * the whole AUTHORIZATION state within LOGIN_SESSION_LINES timeouts: a
 * client dribbling octets, or sending CAPA for ever, holds no process
 * longer than a silent one. */
int login_read_line(struct login *l, char *line, size_t size, size_t *len)
{
  size_t n = 0;
  int toolong = 0;
  char c;
  long long start = now_ms();
  if (!l->end) l->end = start + (long long)l->timeout * 1000 * LOGIN_SESSION_LINES;
  long long deadline = start + (long long)l->timeout * 1000;
  if (deadline > l->end) deadline = l->end;
  for (;;) {
    int r = getbyte(&c, deadline);
    if (r == -2) return -1;
    if (r <= 0) return 0;
    if (c == '\n') break;
    if (n + 1 >= size) toolong = 1;
    else line[n++] = c;
  }
  if (toolong) return 2;
  if (n && line[n - 1] == '\r') --n;
  line[n] = 0;
  *len = n;
  return 1;
}

void login_reply(const char *text)
{
  size_t n = strlen(text);
  char buf[512];
  if (n + 2 <= sizeof buf) {
    memcpy(buf, text, n);
    memcpy(buf + n, "\r\n", 2);
    login_write(buf, n + 2);   /* one write: one segment */
  } else {
    login_write(text, n);
    login_write("\r\n", 2);
  }
}
