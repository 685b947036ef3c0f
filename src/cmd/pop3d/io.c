/* pop3d's client I/O: buffered lines in, buffered responses out, flushed
 * when the client has nothing more pipelined. */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "fmt.h"
#include "pop3d.h"
#include "write_timeout.h"

static long long now_ms(void)
{
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* The timeout counts from the start of a line, not from the last
 * octet: a client sending one octet a minute does not hold the
 * session any longer than a silent one. */
static int fill(struct in *in, long long deadline)
{
  struct pollfd p = {in->fd, POLLIN, 0};
  int r;
  do {
    long long left = deadline - now_ms();
    r = left > 0 ? poll(&p, 1, (int)left) : 0;
  } while (r < 0 && errno == EINTR);
  if (r <= 0) return -1;
  ssize_t n;
  do n = read(in->fd, in->buf, sizeof in->buf); while (n < 0 && errno == EINTR);
  if (n < 0) return -1;
  in->pos = 0;
  in->len = (size_t)n;
  return n > 0;
}

int in_line(struct in *in, char *line, size_t size, size_t *len)
{
  size_t n = 0;
  int toolong = 0;
  long long deadline = now_ms() + (long long)in->timeout * 1000;
  for (;;) {
    if (in->pos == in->len) {
      int r = fill(in, deadline);
      if (r <= 0) return n || toolong ? (r < 0 ? -1 : 0) : r;
    }
    char *start = in->buf + in->pos;
    char *nl = memchr(start, '\n', in->len - in->pos);
    size_t chunk = nl ? (size_t)(nl - start) : in->len - in->pos;
    if (n + chunk >= size) toolong = 1;
    else { memcpy(line + n, start, chunk); n += chunk; }
    in->pos += chunk + (nl ? 1 : 0);
    if (nl) break;
  }
  if (toolong) return 2;
  if (n && line[n - 1] == '\r') --n;
  line[n] = 0;
  *len = n;
  return 1;
}

int in_pending(const struct in *in)
{
  return in->pos < in->len;
}

/* A client that stops reading (in the middle of a RETR, or pipelining
 * commands without reading the answers) fails the session after
 * o->timeout seconds in which it accepted nothing. */
void out_flush(struct out *o)
{
  if (o->len && !o->failed) {
    if (write_timeout(o->fd, o->buf, o->len, o->timeout) < 0) {
      o->failed = 1;
      o->timedout = errno == ETIMEDOUT;
    } else {
      o->total += o->len;
    }
  }
  o->len = 0;
}

void out_put(struct out *o, const char *s, size_t n)
{
  while (n) {
    if (o->len == sizeof o->buf) out_flush(o);
    if (o->failed) return;
    size_t room = sizeof o->buf - o->len;
    size_t k = n < room ? n : room;
    memcpy(o->buf + o->len, s, k);
    o->len += k;
    s += k;
    n -= k;
  }
}

void out_puts(struct out *o, const char *s)
{
  out_put(o, s, strlen(s));
}

void out_ulong(struct out *o, unsigned long long n)
{
  char buf[FMT_ULONG] = "";
  size_t len = fmt_ulonglong(buf, n);
  out_put(o, buf, len);
}
