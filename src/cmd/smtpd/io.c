/* Client I/O: buffered reads with a timeout, replies buffered until
 * smtpd is about to wait for input, so pipelined commands get their
 * replies in one write (RFC 2920). */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>
#include "smtpd.h"

void in_init(struct smtp_in *in, int fd, unsigned timeout)
{
  in->fd = fd;
  in->timeout = timeout;
  in->pos = in->len = 0;
  in->eof = in->timedout = 0;
  in->out = 0;
}

static int in_fill(struct smtp_in *in)
{
  if (in->eof) return 0;
  if (in->pos == in->len) in->pos = in->len = 0;
  if (in->out) buffer_flush(in->out);
  for (;;) {
    struct pollfd p = { in->fd, POLLIN, 0 };
    int r = poll(&p, 1, in->timeout ? (int)in->timeout * 1000 : -1);
    if (r < 0 && errno == EINTR) continue;
    if (r == 0) { in->eof = in->timedout = 1; return 0; }
    ssize_t n = read(in->fd, in->buf + in->len, sizeof in->buf - in->len);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (n <= 0) { in->eof = 1; return 0; }
    in->len += (size_t)n;
    return 1;
  }
}

/* One line without its LF (a CR before it stays, for the caller to
 * judge). Lines longer than max are read to their end and cut, with
 * *too_long set. Returns 1 for a line, 0 at end of input. */
int in_line(struct smtp_in *in, stralloc *line, size_t max, int *too_long)
{
  line->len = 0;
  *too_long = 0;
  for (;;) {
    if (in->pos == in->len && !in_fill(in)) return 0;
    char *start = in->buf + in->pos;
    size_t avail = in->len - in->pos;
    char *nl = memchr(start, '\n', avail);
    size_t take = nl ? (size_t)(nl - start) : avail;
    size_t room = line->len < max ? max - line->len : 0;
    if (take > room) *too_long = 1;
    if (!stralloc_catb(line, start, take < room ? take : room)) return 0;
    in->pos += take + (nl ? 1 : 0);
    if (nl) return 1;
    if (in->pos == in->len && in->len == sizeof in->buf) in->pos = in->len = 0;
  }
}

/* Up to max raw bytes (BDAT); 0 at end of input. */
ssize_t in_bytes(struct smtp_in *in, char *dst, size_t max)
{
  if (in->pos == in->len && !in_fill(in)) return 0;
  size_t n = in->len - in->pos;
  if (n > max) n = max;
  memcpy(dst, in->buf + in->pos, n);
  in->pos += n;
  return (ssize_t)n;
}

void in_forget(struct smtp_in *in)
{
  explicit_bzero(in->buf, in->pos);
}

void in_discard(struct smtp_in *in)
{
  in->pos = in->len = 0;
}

void out_flush(struct session *s)
{
  buffer_flush(&s->out);
}

void reply3(struct session *s, const char *a, const char *b, const char *c)
{
  buffer_puts(&s->out, a);
  if (b) buffer_puts(&s->out, b);
  if (c) buffer_puts(&s->out, c);
  buffer_puts(&s->out, "\r\n");
}

void reply2(struct session *s, const char *a, const char *b) { reply3(s, a, b, 0); }
void reply(struct session *s, const char *text) { reply3(s, text, 0, 0); }
