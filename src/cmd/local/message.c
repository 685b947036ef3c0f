#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "exitcode.h"
#include "local.h"
#include "write_all.h"

/* A message that already carries Delivered-To: for this recipient has
 * been here before: delivering it again would loop forever. */
int message_loop_check(struct lctx *c)
{
  char buf[8192];
  stralloc line = {0};
  int loop = 0, done = 0;
  size_t rlen = strlen(c->recipient);
  if (lseek(0, 0, SEEK_SET) < 0) return say(c, EXIT_TEMP, "4.3.0 unable to rewind the message");
  while (!done) {
    ssize_t n = read(0, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return say(c, EXIT_TEMP, "4.3.0 unable to read the message");
    if (n == 0) break;
    for (ssize_t i = 0; i < n && !done; ++i) {
      if (buf[i] != '\n') { if (line.len < 1024) stralloc_append(&line, buf + i); continue; }
      if (line.len == 0) { done = 1; break; }
      if (line.len > 13 && !strncasecmp(line.s, "Delivered-To:", 13)) {
        const char *v = line.s + 13;
        size_t vlen = line.len - 13;
        while (vlen && (*v == ' ' || *v == '\t')) { ++v; --vlen; }
        while (vlen && (v[vlen - 1] == ' ' || v[vlen - 1] == '\r')) --vlen;
        if (vlen == rlen && !strncasecmp(v, c->recipient, rlen)) loop = 1;
      }
      line.len = 0;
    }
  }
  stralloc_free(&line);
  if (loop) return say(c, EXIT_PERM, "5.4.6 mail loop: this message was already delivered to ", c->recipient);
  return 0;
}

/* mboxrd: a line starting with any number of '>' then "From " gets one
 * more '>', so readers can undo the quoting exactly. */
static int quoted_line(int out, const char *line, size_t len)
{
  size_t gt = 0;
  while (gt < len && line[gt] == '>') ++gt;
  if (len - gt >= 5 && !memcmp(line + gt, "From ", 5) && write_all(out, ">", 1) < 0) return -1;
  return write_all(out, line, len);
}

static int quoted_copy(int out, const char *buf, size_t n, stralloc *partial)
{
  size_t start = 0;
  for (size_t i = 0; i < n; ++i) {
    if (buf[i] != '\n') continue;
    if (partial->len) {
      if (!stralloc_catb(partial, buf + start, i + 1 - start)) return -1;
      if (quoted_line(out, partial->s, partial->len) < 0) return -1;
      partial->len = 0;
    } else if (quoted_line(out, buf + start, i + 1 - start) < 0) return -1;
    start = i + 1;
  }
  return stralloc_catb(partial, buf + start, n - start) ? 0 : -1;
}

/* Copies the message from fd 0 to out, after Return-Path: and
 * Delivered-To: when headers is set. 1 ok and it ended with a newline,
 * 0 ok without one, -1 error (errno). */
int message_copy(struct lctx *c, int out, int headers, int mbox_quote)
{
  if (lseek(0, 0, SEEK_SET) < 0) return -1;
  if (headers && (write_all(out, c->rpline.s, c->rpline.len) < 0 ||
                  write_all(out, c->dtline.s, c->dtline.len) < 0)) return -1;
  char buf[65536];
  stralloc pend = {0};
  int r = 0;
  char last = '\n';
  for (;;) {
    ssize_t n = read(0, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) { r = -1; break; }
    if (n == 0) break;
    last = buf[n - 1];
    if (mbox_quote ? quoted_copy(out, buf, (size_t)n, &pend) < 0
                   : write_all(out, buf, (size_t)n) < 0) { r = -1; break; }
  }
  if (!r && pend.len && quoted_line(out, pend.s, pend.len) < 0) r = -1;
  stralloc_free(&pend);
  return r < 0 ? -1 : last == '\n';
}
