#include <string.h>
#include "mime.h"
#include "mime_int.h"

/* BODY[section] (RFC 3501 6.4.5): part numbers, HEADER, TEXT, MIME,
 * HEADER.FIELDS[.NOT]. */

static int keyword(const char *s, size_t len, size_t *pos, const char *kw)
{
  size_t n = strlen(kw);
  if (len - *pos < n || !mime_ieq(s + *pos, n, kw)) return 0;
  *pos += n;
  return 1;
}

/* The "(name name ...)" list of HEADER.FIELDS: atoms and quoted strings. */
static int field_list(struct mime_section *sec, const char *s, size_t len, size_t pos,
                      stralloc *store, const char **names, size_t *lens, unsigned int max)
{
  size_t base = store->len, p;
  unsigned int n = 0;
  if (pos >= len || s[pos] != ' ') return 0;
  if (++pos >= len || s[pos] != '(') return 0;
  ++pos;
  for (;;) {
    if (pos >= len) return 0;
    if (s[pos] == ')') break;
    if (n && s[pos++] != ' ') return 0;
    if (pos >= len) return 0;
    if (n >= max) return 0;
    if (s[pos] == '"') {
      size_t e = mime_quoted(s, len, pos, store);
      if (e == (size_t)-1) return -1;
      if (s[e - 1] != '"' || e - pos < 2) return 0;
      pos = e;
    } else {
      size_t e = mime_token(s, len, pos, "()\"{%*\\]");
      if (e == pos) return 0;
      if (!stralloc_catb(store, s + pos, e - pos)) return -1;
      pos = e;
    }
    if (!stralloc_0(store)) return -1;
    ++n;
  }
  if (!n || pos + 1 != len) return 0;
  for (p = base; p < store->len; p += strlen(store->s + p) + 1) {
    names[sec->nfields] = store->s + p;
    lens[sec->nfields] = strlen(store->s + p);
    sec->nfields++;
  }
  sec->field = names;
  sec->fieldlen = lens;
  return 1;
}

int mime_section_parse(struct mime_section *sec, const char *s, size_t len,
                       stralloc *store, const char **names, size_t *lens, unsigned int maxfields)
{
  size_t pos = 0;
  memset(sec, 0, sizeof *sec);
  while (pos < len && s[pos] >= '0' && s[pos] <= '9') {
    unsigned long v = 0;
    if (s[pos] == '0') return 0;
    while (pos < len && s[pos] >= '0' && s[pos] <= '9') {
      v = v * 10 + (unsigned long)(s[pos++] - '0');
      if (v > 100000000) return 0;
    }
    if (sec->nparts >= MIME_MAX_DEPTH) return 0;
    sec->part[sec->nparts++] = (unsigned int)v;
    if (pos == len) return 1;
    if (s[pos++] != '.') return 0;
    if (pos == len) return 0;
  }
  if (pos == len) return 1;                      /* BODY[] */
  if (keyword(s, len, &pos, "HEADER.FIELDS.NOT")) {
    sec->kind = MIME_SEC_FIELDS_NOT;
    return field_list(sec, s, len, pos, store, names, lens, maxfields);
  }
  if (keyword(s, len, &pos, "HEADER.FIELDS")) {
    sec->kind = MIME_SEC_FIELDS;
    return field_list(sec, s, len, pos, store, names, lens, maxfields);
  }
  if (keyword(s, len, &pos, "HEADER")) sec->kind = MIME_SEC_HEADER;
  else if (keyword(s, len, &pos, "TEXT")) sec->kind = MIME_SEC_TEXT;
  else if (keyword(s, len, &pos, "MIME")) {
    if (!sec->nparts) return 0;
    sec->kind = MIME_SEC_MIME;
  } else return 0;
  return pos == len;
}

int mime_section_node(const struct mime_msg *m, const unsigned int *part, unsigned int nparts)
{
  int cur = 0, is_msg = 1, stayed = 0;
  unsigned int i;
  if (!m->nparts) return -1;
  for (i = 0; i < nparts; ++i) {
    const struct mime_part *p = &m->part[cur];
    if (!is_msg && p->kind == MIME_MESSAGE) {
      cur = p->child;
      p = &m->part[cur];
      is_msg = 1;
      stayed = 0;
    }
    if (p->kind == MIME_MULTIPART) {
      unsigned int n = part[i];
      int k = p->child;
      while (k >= 0 && --n) k = m->part[k].next;
      if (k < 0) return -1;
      cur = k;
      is_msg = stayed = 0;
    } else if (part[i] == 1 && !stayed) {
      is_msg = 0;                 /* 1 of a single part is the part itself, once */
      stayed = 1;
    } else return -1;
  }
  return cur;
}

static int wanted(const struct mime_section *sec, const struct mime_field *f)
{
  unsigned int i;
  int hit = 0;
  for (i = 0; i < sec->nfields && !hit; ++i)
    hit = f->namelen == sec->fieldlen[i] && mime_ieq(f->name, f->namelen, sec->field[i]);
  if (sec->kind == MIME_SEC_FIELDS) return hit && f->namelen;
  return !hit;
}

/* Whether the header of p ends with an empty line. */
static int blank_ended(const struct mime_msg *m, const struct mime_part *p)
{
  size_t n = p->body - p->hdr;
  const char *e = m->buf + p->body;
  if (!n || e[-1] != '\n') return 0;
  if (n == 1 || e[-2] == '\n') return 1;
  return e[-2] == '\r' && (n == 2 || e[-3] == '\n');
}

static int fields(stralloc *out, const struct mime_msg *m, int node, const struct mime_section *sec,
                  size_t origin, size_t count, size_t *total)
{
  const struct mime_part *p = &m->part[node];
  stralloc t = {0};
  struct mime_field f;
  size_t pos = 0;
  int r = -1;
  while (mime_field_next(m->buf + p->hdr, p->body - p->hdr, &pos, &f))
    if (wanted(sec, &f) && mime_crlf_copy(&t, f.raw, f.rawlen, 0, (size_t)-1) < 0) goto done;
  if (t.len && t.s[t.len - 1] != '\n' && !stralloc_cats(&t, "\r\n")) goto done;
  /* FIELDS always ends with the blank line; FIELDS.NOT keeps the header's own */
  if ((sec->kind == MIME_SEC_FIELDS || blank_ended(m, p)) && !stralloc_cats(&t, "\r\n")) goto done;
  if (total) *total = t.len;
  r = mime_crlf_copy(out, t.s, t.len, origin, count) < 0 ? -1 : 1;
done:
  stralloc_free(&t);
  return r;
}

int mime_section_fetch(stralloc *out, const struct mime_msg *m, const struct mime_section *sec,
                       size_t origin, size_t count, size_t *total)
{
  int node = mime_section_node(m, sec->part, sec->nparts);
  size_t a, b;
  if (node < 0) return 0;
  if (sec->kind != MIME_SEC_ALL && sec->kind != MIME_SEC_MIME && sec->nparts) {
    if (m->part[node].kind != MIME_MESSAGE) return 0;
    node = m->part[node].child;
  }
  switch (sec->kind) {
    case MIME_SEC_ALL:
      if (!sec->nparts) { a = 0; b = m->len; }
      else { a = m->part[node].body; b = m->part[node].end; }
      break;
    case MIME_SEC_HEADER: case MIME_SEC_MIME:
      a = m->part[node].hdr; b = m->part[node].body;
      break;
    case MIME_SEC_TEXT:
      a = m->part[node].body; b = m->part[node].end;
      break;
    case MIME_SEC_FIELDS: case MIME_SEC_FIELDS_NOT:
      return fields(out, m, node, sec, origin, count, total);
    default:
      return 0;
  }
  if (total) *total = mime_crlf_size(m->buf + a, b - a);
  return mime_crlf_copy(out, m->buf + a, b - a, origin, count) < 0 ? -1 : 1;
}
