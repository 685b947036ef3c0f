#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include "mime.h"
#include "mime_int.h"

/* One pass over the message: each line is looked at once for boundary
 * delimiters of every enclosing multipart (innermost first), so a
 * broken inner multipart is closed by an outer boundary, as RFC 2046
 * readers do. */

struct pctx {
  struct mime_msg *m;
  const char *b; size_t len;
  size_t boff[MIME_MAX_DEPTH], blen[MIME_MAX_DEPTH];  /* boundaries, in m->scratch */
  unsigned int nb;
  int err;
  size_t claimed;              /* a line end given to the next boundary, or (size_t)-1 */
};

static int new_node(struct pctx *c, int parent, int prev, size_t hdr, unsigned int depth)
{
  struct mime_msg *m = c->m;
  struct mime_part *p;
  if (m->nparts == m->apart) {
    size_t a = m->apart ? m->apart * 2 : 16;
    struct mime_part *np = realloc(m->part, a * sizeof *np);
    if (!np) { c->err = 1; return -1; }
    m->part = np;
    m->apart = a;
  }
  p = &m->part[m->nparts];
  memset(p, 0, sizeof *p);
  p->hdr = hdr;
  p->parent = parent;
  p->child = p->next = -1;
  p->depth = (unsigned char)depth;
  if (prev >= 0) m->part[prev].next = (int)m->nparts;
  else if (parent >= 0) m->part[parent].child = (int)m->nparts;
  if (parent >= 0) m->part[parent].nchild++;
  return (int)m->nparts++;
}

/* Index of the boundary the line at pos opens (innermost first), or -1. */
static int boundary_at(const struct pctx *c, size_t pos, int *close)
{
  unsigned int i = c->nb;
  size_t room;
  if (c->len - pos < 2 || c->b[pos] != '-' || c->b[pos + 1] != '-') return -1;
  room = c->len - pos - 2;
  while (i-- > 0) {
    size_t n = c->blen[i];
    if (room >= n && !memcmp(c->b + pos + 2, c->m->scratch.s + c->boff[i], n)) {
      *close = room >= n + 2 && c->b[pos + 2 + n] == '-' && c->b[pos + 3 + n] == '-';
      return (int)i;
    }
  }
  return -1;
}

/* A boundary line with nothing but "--" and spaces after the boundary
 * (not just a prefix of a longer line). */
static int whole_boundary(const struct pctx *c, size_t pos)
{
  int close, i = boundary_at(c, pos, &close);
  size_t e;
  if (i < 0) return 0;
  e = pos + 2 + c->blen[i] + (close ? 2 : 0);
  while (e < c->len && (c->b[e] == ' ' || c->b[e] == '\t')) ++e;
  return e >= c->len || c->b[e] == '\r' || c->b[e] == '\n';
}

/* Whether the header hdr..body has fields and then an empty line (an
 * empty header keeps its blank line, as in Dovecot). */
static int blank_before(const struct pctx *c, size_t hdr, size_t body)
{
  size_t n = body - hdr;
  const char *e = c->b + body;
  if (n < 2 || e[-1] != '\n') return 0;
  if (e[-2] == '\n') return 1;
  return n > 3 && e[-2] == '\r' && e[-3] == '\n';
}

static size_t next_line(const struct pctx *c, size_t pos)
{
  const char *nl = memchr(c->b + pos, '\n', c->len - pos);
  return nl ? (size_t)(nl - c->b) + 1 : c->len;
}

/* Start of the first line from pos on that is a boundary, or len. */
static size_t scan_to_boundary(const struct pctx *c, size_t pos)
{
  int close;
  if (!c->nb) return c->len;
  while (pos < c->len) {
    if (c->b[pos] == '-' && boundary_at(c, pos, &close) >= 0) return pos;
    pos = next_line(c, pos);
  }
  return c->len;
}

/* Body start of the header at pos; a boundary line also ends a header. */
static size_t header_end(const struct pctx *c, size_t pos)
{
  int close;
  while (pos < c->len) {
    char ch = c->b[pos];
    if (ch == '\n') return pos + 1;
    if (ch == '\r' && pos + 1 < c->len && c->b[pos + 1] == '\n') return pos + 2;
    if (ch == '-' && c->nb && boundary_at(c, pos, &close) >= 0) return pos;
    pos = next_line(c, pos);
  }
  return c->len;
}

/* Decides what a part is from its header; pushes a multipart's boundary. */
static int classify(struct pctx *c, size_t hdr, size_t body, unsigned int depth, int digest)
{
  struct mime_ct ct;
  size_t vl, base;
  const char *v = mime_hdr_value(c->b + hdr, body - hdr, "content-type", &vl);
  if (depth + 1 >= MIME_MAX_DEPTH || c->m->nparts >= MIME_MAX_PARTS) {
    c->m->limited = 1;
    return MIME_LEAF;
  }
  if (!v || !vl) return digest ? MIME_MESSAGE : MIME_LEAF;
  mime_ct_parse(v, vl, &ct);
  if (mime_ieq(ct.type, ct.typelen, "message"))
    return mime_ieq(ct.sub, ct.sublen, "rfc822") || mime_ieq(ct.sub, ct.sublen, "global")
           ? MIME_MESSAGE : MIME_LEAF;
  if (!mime_ieq(ct.type, ct.typelen, "multipart")) return MIME_LEAF;
  base = c->m->scratch.len;
  switch (mime_param_find(ct.params, ct.paramslen, "boundary", &c->m->scratch)) {
    case -1: c->err = 1; return MIME_LEAF;
    case 0: return MIME_MULTIPART + 32;          /* no boundary: no parts */
  }
  if (c->m->scratch.len == base) return MIME_MULTIPART + 32;
  c->boff[c->nb] = base;
  c->blen[c->nb] = c->m->scratch.len - base;
  c->nb++;
  return mime_ieq(ct.sub, ct.sublen, "digest") ? MIME_MULTIPART + 16 : MIME_MULTIPART;
}

static size_t entity(struct pctx *c, int parent, int prev, size_t pos, unsigned int depth, int digest);

/* The parts of multipart node me; returns where its body stops. */
static size_t parts(struct pctx *c, int me, size_t body, unsigned int depth, int digest, size_t *minend)
{
  unsigned int mine = c->nb - 1;
  int close, prev = -1;
  size_t p = scan_to_boundary(c, body);
  while (p < c->len && !c->err) {
    if (boundary_at(c, p, &close) != (int)mine) break;
    if (close || c->m->nparts >= MIME_MAX_PARTS) {
      if (!close) c->m->limited = 1;
      c->nb = mine;
      /* the close delimiter's line end stays in the multipart, as in Dovecot */
      *minend = next_line(c, p);
      return scan_to_boundary(c, *minend);
    }
    {
      int kid = (int)c->m->nparts;
      p = entity(c, me, prev, next_line(c, p), depth + 1, digest);
      prev = kid;
    }
  }
  c->nb = mine;
  return p;
}

static void sizes(struct pctx *c, int me, size_t stop, size_t minend)
{
  struct mime_part *p = &c->m->part[me];
  size_t end = stop;
  unsigned long lines = 0;
  /* a header that runs into the boundary keeps its last line end */
  if (stop < c->len && p->body < stop) {
    if (end > p->body && c->b[end - 1] == '\n') --end;
    if (end > p->body && c->b[end - 1] == '\r') --end;
  }
  if (end < minend) end = minend;
  if (end < p->body) end = p->body;
  p->end = end;
  p->hdr_size = mime_crlf_size(c->b + p->hdr, p->body - p->hdr);
  /* one pass for the size and the line count of the body */
  {
    const char *b = c->b, *q = b + p->body, *e = b + end;
    size_t bare = 0;
    while (q < e && (q = memchr(q, '\n', (size_t)(e - q)))) {
      ++lines;
      if (q == b + p->body || q[-1] != '\r') ++bare;
      ++q;
    }
    p->body_size = end - p->body + bare;
  }
  p->lines = lines;
}

static size_t entity(struct pctx *c, int parent, int prev, size_t pos, unsigned int depth, int digest)
{
  int me = new_node(c, parent, prev, pos, depth), kind;
  size_t body, stop, minend = 0;
  if (me < 0) return c->len;
  if (pos == c->claimed) {
    body = pos;                /* only the boundary's line end is left: an empty entity */
  } else {
    body = header_end(c, pos);
    /* a part's blank line right before a boundary is the boundary's own
     * line end (an encapsulated message keeps it, as in Dovecot) */
    if (c->nb && parent >= 0 && c->m->part[parent].kind == MIME_MULTIPART && body > pos && body < c->len &&
        blank_before(c, pos, body) && whole_boundary(c, body)) {
      body -= body - pos >= 2 && c->b[body - 2] == '\r' ? 2 : 1;
      c->claimed = body;
    }
  }
  c->m->part[me].body = body;
  c->m->part[me].digest = (unsigned char)digest;
  kind = classify(c, pos, body, depth, digest);
  c->m->part[me].kind = (unsigned char)(kind & 15);
  if (kind == MIME_MULTIPART + 32)
    stop = scan_to_boundary(c, body);
  else if ((kind & 15) == MIME_MULTIPART)
    stop = parts(c, me, body, depth, kind > 15, &minend);
  else if (kind == MIME_MESSAGE) {
    int kid = (int)c->m->nparts;
    stop = entity(c, me, -1, body, depth + 1, 0);
    if (!c->err) minend = c->m->part[kid].end;
  } else
    stop = scan_to_boundary(c, body);
  sizes(c, me, stop, minend);
  return stop;
}

int mime_parse(struct mime_msg *m, const char *buf, size_t len)
{
  struct pctx c;
  c.m = m; c.b = buf; c.len = len; c.nb = 0; c.err = 0; c.claimed = (size_t)-1;
  m->buf = buf; m->len = len;
  m->nparts = 0;
  m->limited = 0;
  m->scratch.len = 0;
  entity(&c, -1, -1, 0, 0, 0);
  if (c.err) { errno = ENOMEM; return -1; }
  return 0;
}

void mime_free(struct mime_msg *m)
{
  free(m->part);
  m->part = 0;
  m->nparts = m->apart = 0;
  stralloc_free(&m->scratch);
}
