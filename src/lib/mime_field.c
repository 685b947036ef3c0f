#include <string.h>
#include "mime.h"
#include "mime_int.h"

size_t mime_header_end(const char *buf, size_t len)
{
  size_t pos = 0;
  while (pos < len) {
    const char *nl;
    if (buf[pos] == '\n') return pos + 1;
    if (buf[pos] == '\r' && pos + 1 < len && buf[pos + 1] == '\n') return pos + 2;
    nl = memchr(buf + pos, '\n', len - pos);
    if (!nl) return len;
    pos = (size_t)(nl - buf) + 1;
  }
  return len;
}

/* Position just past the line starting at pos (its LF included). */
static size_t line_next(const char *s, size_t len, size_t pos)
{
  const char *nl = memchr(s + pos, '\n', len - pos);
  return nl ? (size_t)(nl - s) + 1 : len;
}

static int is_blank_line(const char *s, size_t len, size_t pos)
{
  return s[pos] == '\n' || (s[pos] == '\r' && (pos + 1 == len || s[pos + 1] == '\n'));
}

int mime_field_next(const char *hdr, size_t len, size_t *pos, struct mime_field *f)
{
  size_t p = *pos, end, vend, i;
  if (p >= len || is_blank_line(hdr, len, p)) return 0;
  end = line_next(hdr, len, p);
  while (end < len && (hdr[end] == ' ' || hdr[end] == '\t')) end = line_next(hdr, len, end);
  f->raw = hdr + p;
  f->rawlen = end - p;
  vend = end;
  if (vend > p && hdr[vend - 1] == '\n') --vend;
  if (vend > p && hdr[vend - 1] == '\r') --vend;
  for (i = p; i < vend && hdr[i] != ':' && hdr[i] != '\n'; ++i) ;
  if (i < vend && hdr[i] == ':') {
    size_t n = i;
    while (n > p && (hdr[n - 1] == ' ' || hdr[n - 1] == '\t')) --n;
    f->name = hdr + p;
    f->namelen = n - p;
    ++i;
    while (i < vend && (hdr[i] == ' ' || hdr[i] == '\t' || hdr[i] == '\r' || hdr[i] == '\n')) ++i;
    f->value = hdr + i;
    f->valuelen = vend - i;
  } else {
    f->name = hdr + p;
    f->namelen = 0;
    f->value = hdr + p;
    f->valuelen = vend - p;
  }
  *pos = end;
  return 1;
}

int mime_ieq(const char *a, size_t alen, const char *b)
{
  size_t i;
  for (i = 0; i < alen; ++i) {
    unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
    if (!y) return 0;
    if (x >= 'A' && x <= 'Z') x += 32;
    if (y >= 'A' && y <= 'Z') y += 32;
    if (x != y) return 0;
  }
  return b[alen] == 0;
}

int mime_field_find(const char *hdr, size_t len, const char *name, struct mime_field *f)
{
  size_t pos = 0;
  while (mime_field_next(hdr, len, &pos, f))
    if (f->namelen && mime_ieq(f->name, f->namelen, name)) return 1;
  return 0;
}

const char *mime_hdr_value(const char *hdr, size_t len, const char *name, size_t *vlen)
{
  struct mime_field f;
  if (!mime_field_find(hdr, len, name, &f)) return 0;
  *vlen = f.valuelen;
  return f.value;
}

int mime_unfold(stralloc *out, const char *value, size_t len)
{
  size_t i, start = 0;
  if (!len) return 0;
  if (!stralloc_readyplus(out, len)) return -1;
  for (i = 0; i < len; ++i) {
    char c = value[i];
    if (c == '\r' || c == '\n' || c == 0) {
      if (!stralloc_catb(out, value + start, i - start)) return -1;
      if (c == 0 && !stralloc_append(out, " ")) return -1;
      start = i + 1;
    }
  }
  return stralloc_catb(out, value + start, len - start) ? 0 : -1;
}

size_t mime_skip_cfws(const char *s, size_t len, size_t pos)
{
  while (pos < len) {
    char c = s[pos];
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') { ++pos; continue; }
    if (c != '(') break;
    {
      int depth = 0;
      for (; pos < len; ++pos) {
        if (s[pos] == '\\' && pos + 1 < len) { ++pos; continue; }
        if (s[pos] == '(') ++depth;
        else if (s[pos] == ')' && --depth == 0) { ++pos; break; }
      }
    }
  }
  return pos;
}

size_t mime_token(const char *s, size_t len, size_t pos, const char *stop)
{
  while (pos < len) {
    unsigned char c = (unsigned char)s[pos];
    /* letters and digits are never in a stop set: skip the lookup */
    if (((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9')) { ++pos; continue; }
    if (c <= ' ' || c == 127 || strchr(stop, c)) break;
    ++pos;
  }
  return pos;
}

size_t mime_quoted(const char *s, size_t len, size_t pos, stralloc *out)
{
  size_t start;
  ++pos;
  start = pos;
  while (pos < len && s[pos] != '"') {
    if (s[pos] == '\\' && pos + 1 < len) {
      if (out && !stralloc_catb(out, s + start, pos - start)) return (size_t)-1;
      ++pos;
      start = pos;
    } else if (s[pos] == '\r' || s[pos] == '\n') {
      /* folding inside a quoted string is removed */
      if (out && !stralloc_catb(out, s + start, pos - start)) return (size_t)-1;
      start = pos + 1;
    }
    ++pos;
  }
  if (out && !stralloc_catb(out, s + start, pos - start)) return (size_t)-1;
  return pos < len ? pos + 1 : pos;
}
