/* pop3-login's client I/O. */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>
#include "login.h"
#include "write_timeout.h"

static int getbyte(struct login *l, char *c)
{
  struct pollfd p = {0, POLLIN, 0};
  int r;
  do r = poll(&p, 1, (int)l->timeout * 1000); while (r < 0 && errno == EINTR);
  if (r <= 0) return r < 0 ? -1 : -2;
  ssize_t n;
  do n = read(0, c, 1); while (n < 0 && errno == EINTR);
  return n == 1 ? 1 : 0;
}

int login_read_line(struct login *l, char *line, size_t size, size_t *len)
{
  size_t n = 0;
  int toolong = 0;
  char c;
  for (;;) {
    int r = getbyte(l, &c);
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

void login_write(const char *s, size_t n)
{
  while (n) {
    ssize_t w = write_timeout(1, s, n, LOGIN_WRITE_TIMEOUT);
    if (w <= 0) _exit(0);   /* the client is gone, or stopped reading */
    s += w;
    n -= (size_t)w;
  }
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
