#include <string.h>
#include "imapsearch.h"
#include "mime_int.h"

/* Evaluation of one message: the message is read only when a content
 * key is reached, its header and body texts decoded once and kept for
 * the other keys of the same message. */

/* The message went away while searching: no match, whatever NOT says. */
#define GONE (-3)

static int load(struct search_prog *p)
{
  if (!p->have_buf) {
    p->have_buf = -1;
    if (p->cb->message && p->cb->message(p->cb->ctx, &p->buf, &p->len) == 0) {
      p->have_buf = 1;
      p->hdrlen = mime_header_end(p->buf, p->len);
    }
  }
  return p->have_buf > 0;
}

static const char *field_name(const struct search_node *n)
{
  switch (n->key) {
    case SK_FROM: return "from";
    case SK_TO: return "to";
    case SK_CC: return "cc";
    case SK_BCC: return "bcc";
    case SK_SUBJECT: return "subject";
    default: return n->str ? n->str : "";
  }
}

/* Decoded, folded text of a raw header value (or of a whole header) into p->tmp. */
static int folded(struct search_prog *p, const char *v, size_t len)
{
  p->tmp2.len = p->tmp.len = 0;
  if (mime_unfold(&p->tmp2, v, len) < 0) return -1;
  if (mime_decode_words(&p->tmp, p->tmp2.s, p->tmp2.len) < 0) return -1;
  p->tmp2.len = 0;
  if (search_fold(&p->tmp2, p->tmp.s, p->tmp.len) < 0) return -1;
  return 0;
}

static int header_key(struct search_prog *p, const struct search_node *n)
{
  const char *name = field_name(n);
  struct mime_field f;
  size_t pos = 0;
  while (mime_field_next(p->buf, p->hdrlen, &pos, &f)) {
    if (!f.namelen || !mime_ieq(f.name, f.namelen, name)) continue;
    if (!n->foldlen) return 1;
    if (folded(p, f.value, f.valuelen) < 0) return -1;
    if (p->tmp2.len && memmem(p->tmp2.s, p->tmp2.len, n->fold, n->foldlen)) return 1;
  }
  return 0;
}

static int head_text(struct search_prog *p)
{
  if (p->have_head) return 0;
  if (folded(p, p->buf, p->hdrlen) < 0) return -1;
  p->head.len = 0;
  if (!stralloc_catb(&p->head, p->tmp2.s, p->tmp2.len)) return -1;
  p->have_head = 1;
  return 0;
}

/* The decoded text of the leaves (p->body) and, for TEXT, the headers
 * of the parts inside the message (part_heads). */
static int body_text(struct search_prog *p)
{
  size_t i;
  if (p->have_body) return 0;
  if (mime_parse(&p->msg, p->buf, p->len) < 0) return -1;
  p->tmp.len = 0;
  for (i = 0; i < p->msg.nparts; ++i)
    if (p->msg.part[i].kind == MIME_LEAF) {
      if (mime_part_text(&p->tmp, &p->msg, (int)i) < 0) return -1;
      if (!stralloc_cats(&p->tmp, "\n")) return -1;
    }
  p->body.len = 0;
  if (search_fold(&p->body, p->tmp.s, p->tmp.len) < 0) return -1;
  p->have_body = 1;
  return 0;
}

/* Appends the headers of the parts inside the message to p->head. */
static int part_heads(struct search_prog *p)
{
  size_t i;
  if (body_text(p) < 0) return -1;
  for (i = 1; i < p->msg.nparts; ++i) {
    const struct mime_part *q = &p->msg.part[i];
    if (q->body <= q->hdr) continue;
    if (folded(p, p->buf + q->hdr, q->body - q->hdr) < 0) return -1;
    if (!stralloc_cats(&p->head, "\n") || !stralloc_catb(&p->head, p->tmp2.s, p->tmp2.len)) return -1;
  }
  return 0;
}

static int in(const stralloc *t, const struct search_node *n)
{
  return !n->foldlen || (t->len && memmem(t->s, t->len, n->fold, n->foldlen));
}

static int sent(struct search_prog *p, const struct search_node *n)
{
  struct mime_field f;
  long long utc;
  long day = 0;                   /* no or bad Date: 1-Jan-1970, as Dovecot has it */
  int zone;
  if (!mime_field_find(p->buf, p->hdrlen, "date", &f) || !mime_date_parse(f.value, f.valuelen, &utc, &day, &zone))
    day = 0;
  if (n->key == SK_SENTBEFORE) return day < n->day;
  if (n->key == SK_SENTON) return day == n->day;
  return day >= n->day;
}

static int content(struct search_prog *p, const struct search_node *n)
{
  if (n->key == SK_LARGER || n->key == SK_SMALLER) {
    long long size = p->cb->size ? p->cb->size(p->cb->ctx) : -1;
    if (size < 0) {
      if (!load(p)) return GONE;
      size = (long long)mime_crlf_size(p->buf, p->len);
    }
    return n->key == SK_LARGER ? (unsigned long long)size > n->num : (unsigned long long)size < n->num;
  }
  if (!load(p)) return GONE;
  switch (n->key) {
    case SK_SENTBEFORE: case SK_SENTON: case SK_SENTSINCE:
      return sent(p, n);
    case SK_BODY:
      return body_text(p) < 0 ? -1 : in(&p->body, n);
    case SK_TEXT:
      if (head_text(p) < 0) return -1;
      if (in(&p->head, n)) return 1;
      if (body_text(p) < 0) return -1;
      if (in(&p->body, n)) return 1;
      /* the headers of the parts are text of the message too */
      if (p->have_head == 1) {
        if (part_heads(p) < 0) return -1;
        p->have_head = 2;
      }
      return in(&p->head, n);
    default:
      return header_key(p, n);
  }
}

static int eval(struct search_prog *p, const struct search_node *n)
{
  const struct search_node *k;
  int cost, r;
  switch (n->key) {
    case SK_ALL:
      return 1;
    case SK_AND: case SK_OR:
      /* cheap operands first: most messages are decided without reading them */
      for (cost = 0; cost <= 3; ++cost)
        for (k = n->kids; k; k = k->next) {
          if (k->cost != cost) continue;
          r = eval(p, k);
          if (r < 0) return r;
          if (n->key == SK_AND && !r) return 0;
          if (n->key == SK_OR && r) return 1;
        }
      return n->key == SK_AND;
    case SK_NOT:
      if (!n->kids) return 0;
      r = eval(p, n->kids);
      return r < 0 ? r : !r;
    default:
      if (n->key <= SK_CALLBACK_LAST) return p->cb->state(p->cb->ctx, n);
      return content(p, n);
  }
}

int search_eval(struct search_prog *p, const struct search_cb *cb)
{
  int r;
  p->cb = cb;
  p->have_buf = p->have_body = p->have_head = 0;
  p->buf = 0;
  p->len = p->hdrlen = 0;
  r = eval(p, p->root);
  return r == GONE ? 0 : r;
}
