#include "mime.h"
#include "mime_int.h"

/* The text a person reads in a leaf: transfer encoding and charset undone. */
int mime_part_text(stralloc *out, const struct mime_msg *m, int node)
{
  const struct mime_part *p;
  const char *h, *ct, *cte;
  size_t hl, ctl = 0, ctel = 0, base;
  struct mime_ct t;
  stralloc raw = {0}, cs = {0};
  int r = -1;
  if (node < 0 || (size_t)node >= m->nparts) return 0;
  p = &m->part[node];
  if (p->kind != MIME_LEAF) return 0;
  h = m->buf + p->hdr;
  hl = p->body - p->hdr;
  ct = mime_hdr_value(h, hl, "content-type", &ctl);
  if (ct) {
    mime_ct_parse(ct, ctl, &t);
    if (t.typelen && !mime_ieq(t.type, t.typelen, "text")) return 0;
    if (p->digest && !t.typelen) return 0;
  } else if (p->digest) return 0;
  cte = mime_hdr_value(h, hl, "content-transfer-encoding", &ctel);
  if (mime_decode_body(&raw, cte, ctel, m->buf + p->body, p->end - p->body) < 0) goto done;
  base = cs.len;
  if (ct && mime_param_find(t.params, t.paramslen, "charset", &cs) < 0) goto done;
  r = mime_to_utf8(out, cs.s, cs.len - base, raw.s, raw.len);
done:
  stralloc_free(&raw);
  stralloc_free(&cs);
  return r;
}
