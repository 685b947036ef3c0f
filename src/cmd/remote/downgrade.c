#include <ctype.h>
#include <string.h>
#include "remote.h"

/* The 7-bit downgrade Courier performs for a peer without 8BITMIME:
 * every leaf part with 8-bit content is re-encoded quoted-printable;
 * multipart and message/rfc822 structure is kept and walked. */

struct part {
  const char *head; size_t headlen;   /* header block, through its blank line */
  const char *body; size_t bodylen;
};

static void split(struct part *p, const char *msg, size_t len)
{
  size_t i = 0;
  p->head = msg;
  for (;;) {
    const char *nl = memchr(msg + i, '\n', len - i);
    if (!nl) { p->headlen = len; p->body = msg + len; p->bodylen = 0; return; }
    size_t linelen = (size_t)(nl - (msg + i));
    i += linelen + 1;
    if (linelen == 0 || (linelen == 1 && msg[i - 2] == '\r')) break;
  }
  p->headlen = i;
  p->body = msg + i;
  p->bodylen = len - i;
}

/* The unfolded value of a header field: 1 found. */
static int field(const struct part *p, const char *name, stralloc *value)
{
  size_t nlen = strlen(name), i = 0;
  value->len = 0;
  while (i < p->headlen) {
    const char *line = p->head + i;
    const char *nl = memchr(line, '\n', p->headlen - i);
    size_t linelen = nl ? (size_t)(nl - line) : p->headlen - i;
    if (linelen > nlen && !strncasecmp(line, name, nlen) && line[nlen] == ':') {
      stralloc_catb(value, line + nlen + 1, linelen - nlen - 1);
      i += linelen + 1;
      while (i < p->headlen && (p->head[i] == ' ' || p->head[i] == '\t')) {
        const char *c = p->head + i;
        const char *cn = memchr(c, '\n', p->headlen - i);
        size_t cl = cn ? (size_t)(cn - c) : p->headlen - i;
        stralloc_catb(value, c, cl);
        i += cl + 1;
      }
      stralloc_0(value);
      --value->len;
      return 1;
    }
    i += linelen + 1;
  }
  return 0;
}

static int boundary_of(const char *ctype, stralloc *boundary)
{
  const char *b = strcasestr(ctype, "boundary=");
  if (!b) return 0;
  b += 9;
  size_t n;
  if (*b == '"') { ++b; const char *e = strchr(b, '"'); if (!e) return 0; n = (size_t)(e - b); }
  else { n = strcspn(b, " ;\t\r"); }
  if (n == 0 || n > 70) return 0;
  return stralloc_copyb(boundary, b, n) && stralloc_0(boundary) && (--boundary->len, 1);
}

static int is_8bit(const char *s, size_t n)
{
  for (size_t i = 0; i < n; ++i) if ((unsigned char)s[i] > 127) return 1;
  return 0;
}

static void qp_encode(stralloc *out, const char *s, size_t n)
{
  static const char hex[] = "0123456789ABCDEF";
  size_t col = 0;
  for (size_t i = 0; i < n; ++i) {
    unsigned char ch = (unsigned char)s[i];
    if (ch == '\n') { stralloc_cats(out, "\n"); col = 0; continue; }
    if (ch == '\r' && i + 1 < n && s[i + 1] == '\n') continue;
    int at_eol = i + 1 == n || s[i + 1] == '\n' || (s[i + 1] == '\r' && i + 2 < n && s[i + 2] == '\n');
    int literal = (ch >= 33 && ch <= 126 && ch != '=') || ((ch == ' ' || ch == '\t') && !at_eol);
    size_t width = literal ? 1 : 3;
    if (col + width > 75) { stralloc_cats(out, "=\n"); col = 0; }
    if (literal) stralloc_append(out, (const char *)&ch);
    else { char enc[3] = { '=', hex[ch >> 4], hex[ch & 15] }; stralloc_catb(out, enc, 3); }
    col += width;
  }
}

/* Headers minus Content-Transfer-Encoding (and its continuation lines). */
static void copy_head_without_cte(stralloc *out, const struct part *p)
{
  size_t i = 0;
  int skipping = 0;
  while (i < p->headlen) {
    const char *line = p->head + i;
    const char *nl = memchr(line, '\n', p->headlen - i);
    size_t linelen = nl ? (size_t)(nl - line) + 1 : p->headlen - i;
    int is_blank = linelen <= 2 && (line[0] == '\n' || line[0] == '\r');
    if (is_blank) { stralloc_cats(out, "Content-Transfer-Encoding: quoted-printable\n"); stralloc_catb(out, line, linelen); break; }
    if (line[0] != ' ' && line[0] != '\t') skipping = !strncasecmp(line, "Content-Transfer-Encoding:", 26);
    if (!skipping) stralloc_catb(out, line, linelen);
    i += linelen;
  }
  if (i >= p->headlen) stralloc_cats(out, "Content-Transfer-Encoding: quoted-printable\n\n");
}

static int entity(stralloc *out, const char *msg, size_t len, int depth);

static int multipart(stralloc *out, const struct part *p, const char *boundary, int depth)
{
  size_t blen = strlen(boundary);
  stralloc_catb(out, p->head, p->headlen);
  const char *s = p->body, *end = p->body + p->bodylen;
  const char *part_start = 0;
  while (s < end) {
    const char *nl = memchr(s, '\n', (size_t)(end - s));
    const char *next = nl ? nl + 1 : end;
    int delim = (size_t)(end - s) >= blen + 2 && s[0] == '-' && s[1] == '-' && !memcmp(s + 2, boundary, blen);
    if (delim) {
      if (part_start && entity(out, part_start, (size_t)(s - part_start), depth + 1) < 0) return -1;
      stralloc_catb(out, s, (size_t)(next - s));
      int closing = (size_t)(end - s) >= blen + 4 && s[blen + 2] == '-' && s[blen + 3] == '-';
      if (closing) { stralloc_catb(out, next, (size_t)(end - next)); return 0; }
      part_start = next;
    } else if (!part_start) {
      stralloc_catb(out, s, (size_t)(next - s));   /* preamble */
    }
    s = next;
  }
  if (part_start) return entity(out, part_start, (size_t)(end - part_start), depth + 1);
  return 0;
}

static int entity(stralloc *out, const char *msg, size_t len, int depth)
{
  struct part p;
  stralloc ctype = {0}, boundary = {0};
  split(&p, msg, len);
  field(&p, "Content-Type", &ctype);
  stralloc_0(&ctype);
  const char *t = ctype.s;
  while (*t == ' ' || *t == '\t') ++t;
  int r = 0;
  if (depth < 20 && !strncasecmp(t, "multipart/", 10) && boundary_of(t, &boundary)) {
    r = multipart(out, &p, boundary.s, depth);
  } else if (depth < 20 && !strncasecmp(t, "message/rfc822", 14)) {
    stralloc_catb(out, p.head, p.headlen);
    r = entity(out, p.body, p.bodylen, depth + 1);
  } else if (is_8bit(p.body, p.bodylen)) {
    copy_head_without_cte(out, &p);
    qp_encode(out, p.body, p.bodylen);
  } else {
    stralloc_catb(out, msg, len);
  }
  stralloc_free(&ctype);
  stralloc_free(&boundary);
  return r;
}

int downgrade_8bit(stralloc *out, const char *msg, size_t len)
{
  out->len = 0;
  if (!stralloc_ready(out, len + len / 4 + 64)) return -1;
  return entity(out, msg, len, 0);
}
