#include <string.h>
#include "mime.h"

/* The IMAP view of a Maildir file shows every bare LF as CR LF. */

size_t mime_crlf_size(const char *buf, size_t len)
{
  const char *p, *e;
  size_t n = len;
  if (!len) return 0;
  p = buf; e = buf + len;
  while (p < e && (p = memchr(p, '\n', (size_t)(e - p)))) {
    if (p == buf || p[-1] != '\r') ++n;
    ++p;
  }
  return n;
}

/* Appends view bytes [v, v+n) of a chunk that starts at view offset at,
 * clipped to [origin, stop). */
static int emit(stralloc *out, const char *s, size_t n, size_t at, size_t origin, size_t stop)
{
  size_t a = at < origin ? origin - at : 0;
  size_t b = at + n > stop ? (stop > at ? stop - at : 0) : n;
  if (a >= b) return 0;
  return stralloc_catb(out, s + a, b - a) ? 0 : -1;
}

int mime_crlf_copy(stralloc *out, const char *buf, size_t len, size_t origin, size_t count)
{
  const char *p, *e;
  size_t at = 0;
  size_t stop = count > (size_t)-1 - origin ? (size_t)-1 : origin + count;
  if (!len) return 0;
  p = buf; e = buf + len;
  while (p < e && at < stop) {
    const char *lf = memchr(p, '\n', (size_t)(e - p));
    const char *q = lf ? lf : e;
    int bare = lf && (lf == buf || lf[-1] != '\r');
    size_t n = (size_t)(q - p);
    if (emit(out, p, n, at, origin, stop) < 0) return -1;
    at += n;
    if (!lf) break;
    if (bare) {
      if (emit(out, "\r\n", 2, at, origin, stop) < 0) return -1;
      at += 2;
    } else {
      if (emit(out, "\n", 1, at, origin, stop) < 0) return -1;
      at += 1;
    }
    p = lf + 1;
  }
  return 0;
}
