#include <errno.h>
#include <poll.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "imap_parse.h"

void imap_in_init(struct imap_in *in, int fd, int bytewise, int timeout_ms)
{
  in->fd = fd;
  in->bytewise = bytewise;
  in->timeout_ms = timeout_ms;
  in->pos = in->len = 0;
}

size_t imap_in_pending(const struct imap_in *in) { return in->len - in->pos; }

void imap_in_drop(struct imap_in *in) { in->pos = in->len = 0; }

int imap_in_getc(struct imap_in *in, char *c)
{
  while (in->pos >= in->len) {
    if (in->timeout_ms > 0) {
      struct pollfd p = { .fd = in->fd, .events = POLLIN };
      int r = poll(&p, 1, in->timeout_ms);
      if (r < 0 && errno == EINTR) continue;
      if (r < 0) return -1;
      if (r == 0) { errno = ETIMEDOUT; return -1; }
    }
    ssize_t r = read(in->fd, in->buf, in->bytewise ? 1 : sizeof in->buf);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return -1;
    if (r == 0) return 0;
    in->pos = 0;
    in->len = (size_t)r;
  }
  *c = in->buf[in->pos++];
  return 1;
}

/* Reads through the next LF into raw; returns 1, 0 (EOF), -1 (error),
 * or 2 when the line passed max: the rest of it is then discarded. */
static int read_line(struct imap_in *in, stralloc *raw, size_t max)
{
  size_t start = raw->len;
  char c;
  for (;;) {
    int r = imap_in_getc(in, &c);
    if (r <= 0) return r;
    if (raw->len - start >= max) {
      while (c != '\n') { r = imap_in_getc(in, &c); if (r <= 0) return r; }
      return 2;
    }
    if (!stralloc_append(raw, &c)) return -1;
    if (c == '\n') return 1;
  }
}

/* A line ending "{123}" or "{123+}" (before CRLF) announces a literal:
 * returns its size and sets *nonsync, or -1 when there is none. */
static long long literal_at_end(const char *s, size_t start, size_t len, int *nonsync)
{
  size_t e = len;
  if (e > start && s[e - 1] == '\n') --e;
  if (e > start && s[e - 1] == '\r') --e;
  if (e <= start || s[e - 1] != '}') return -1;
  --e;
  *nonsync = 0;
  if (e > start && s[e - 1] == '+') { *nonsync = 1; --e; }
  size_t d = e;
  while (d > start && s[d - 1] >= '0' && s[d - 1] <= '9') --d;
  if (d == e || d == start || s[d - 1] != '{' || e - d > 12) return -1;
  long long n = 0;
  for (size_t i = d; i < e; ++i) n = n * 10 + (s[i] - '0');
  return n;
}

/* APPEND's message literals may be large; every other literal is small. */
static int is_append(const stralloc *raw)
{
  const char *s = raw->s, *end = raw->s + raw->len;
  while (s < end && *s != ' ') ++s;
  while (s < end && *s == ' ') ++s;
  return end - s > 7 && !strncasecmp(s, "APPEND ", 7);
}

static int read_literal(struct imap_in *in, stralloc *raw, size_t n)
{
  if (!stralloc_readyplus(raw, n)) return -1;
  while (n--) {
    char c;
    int r = imap_in_getc(in, &c);
    if (r <= 0) return r == 0 ? 0 : -1;
    raw->s[raw->len++] = c;
  }
  return 1;
}

int imap_read_command(struct imap_in *in, struct imap_cmd *cmd, const struct imap_limits *lim,
                      imap_cont_fn cont, void *ctx)
{
  size_t plain = 0;   /* bytes other than literals */
  size_t literals = 0;   /* the limit holds for all of a command's literals together */
  cmd->raw.len = 0;
  for (;;) {
    size_t start = cmd->raw.len;
    size_t room = lim->command_max > plain ? lim->command_max - plain : 0;
    int r = read_line(in, &cmd->raw, room < lim->line_max ? room : lim->line_max);
    if (r < 0 || (r == 0 && start > 0)) return IMAP_READ_FATAL;
    if (r == 0) return IMAP_READ_EOF;
    if (r == 2) return IMAP_READ_TOOLONG;
    plain += cmd->raw.len - start;
    int nonsync;
    long long n = literal_at_end(cmd->raw.s, start, cmd->raw.len, &nonsync);
    if (n < 0) return IMAP_READ_OK;
    size_t max = is_append(&cmd->raw) ? lim->append_max : lim->literal_max;
    if ((unsigned long long)n > max - literals) return nonsync ? IMAP_READ_FATAL : IMAP_READ_TOOBIG;
    literals += (size_t)n;
    if (!nonsync && cont && cont(ctx) < 0) return IMAP_READ_FATAL;
    r = read_literal(in, &cmd->raw, (size_t)n);
    if (r <= 0) return IMAP_READ_FATAL;
  }
}
