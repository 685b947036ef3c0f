#include "fmt.h"
#include "mime.h"
#include "mime_int.h"

/* BODY and BODYSTRUCTURE (RFC 3501 7.4.2), shaped like Dovecot's:
 * types and parameters as the message wrote them, lower-case defaults. */

static const char *const hnames[] = {
  "content-type", "content-transfer-encoding", "content-id", "content-description",
  "content-md5", "content-disposition", "content-language", "content-location"
};
enum { H_TYPE, H_CTE, H_ID, H_DESC, H_MD5, H_DISP, H_LANG, H_LOC, H_N };

struct bctx {
  const struct mime_msg *m;
  stralloc *out;
  stralloc tmp, val;
  int ext;
};

struct fields { const char *v[H_N]; size_t n[H_N]; };

static void collect(const struct bctx *c, int node, struct fields *f)
{
  const struct mime_part *p = &c->m->part[node];
  const char *h = c->m->buf + p->hdr;
  size_t len = p->body - p->hdr, pos = 0;
  struct mime_field fl;
  int i;
  int mime = 0, message = p->parent < 0 || c->m->part[p->parent].kind == MIME_MESSAGE;
  for (i = 0; i < H_N; ++i) f->v[i] = 0, f->n[i] = 0;
  while (mime_field_next(h, len, &pos, &fl)) {
    if (fl.namelen == 12 && mime_ieq(fl.name, 12, "mime-version")) mime = 1;
    if (fl.namelen < 10 || fl.namelen > 25 || !mime_ieq(fl.name, 8, "content-")) continue;
    for (i = 0; i < H_N; ++i)
      if (!f->v[i] && mime_ieq(fl.name, fl.namelen, hnames[i])) { f->v[i] = fl.value; f->n[i] = fl.valuelen; break; }
  }
  /* a message without MIME-Version or Content-Type is not MIME: its
   * other Content- fields are not shown (as Dovecot does) */
  if (message && !mime && !f->v[H_TYPE])
    for (i = 0; i < H_N; ++i) f->v[i] = 0, f->n[i] = 0;
}

static int cat(struct bctx *c, const char *s) { return stralloc_cats(c->out, s) ? 0 : -1; }

static int str(struct bctx *c, const char *s, size_t n) { return mime_imap_string(c->out, s, n); }

static int num(struct bctx *c, unsigned long long n)
{
  char b[FMT_ULONG + 1];
  b[0] = ' ';
  return stralloc_catb(c->out, b, 1 + fmt_ulonglong(b + 1, n)) ? 0 : -1;
}

/* An unstructured field as an nstring (unfolded, surrounding space trimmed). */
static int nstring(struct bctx *c, const char *v, size_t n)
{
  size_t e = n;
  if (!v) return cat(c, "NIL");
  while (e && (v[e - 1] == ' ' || v[e - 1] == '\t')) --e;
  c->tmp.len = 0;
  if (mime_unfold(&c->tmp, v, e) < 0) return -1;
  return str(c, c->tmp.s ? c->tmp.s : "", c->tmp.len);
}

/* RFC 2231 continuations ("name*0*", "name*1") are merged into one
 * "name*" (or "name") and listed after the plain parameters. */
#define MAXSEG 64
struct seg { const char *name; size_t base; unsigned int idx; int ext; size_t off, len; };

static int is_segment(const struct mime_param *p, struct seg *g)
{
  size_t i = 0, e = p->namelen;
  unsigned int idx = 0;
  while (i < e && p->name[i] != '*') ++i;
  if (i + 1 >= e || p->name[i + 1] < '0' || p->name[i + 1] > '9') return 0;
  g->name = p->name; g->base = i;
  g->ext = p->name[e - 1] == '*';
  if (g->ext) --e;
  for (++i; i < e; ++i) {
    if (p->name[i] < '0' || p->name[i] > '9' || idx > 100000) return 0;
    idx = idx * 10 + (unsigned int)(p->name[i] - '0');
  }
  g->idx = idx;
  return 1;
}

static int segcmp(const struct seg *a, const struct seg *b)
{
  size_t i, n = a->base < b->base ? a->base : b->base;
  for (i = 0; i < n; ++i) {
    unsigned char x = (unsigned char)a->name[i], y = (unsigned char)b->name[i];
    if (x >= 'A' && x <= 'Z') x += 32;
    if (y >= 'A' && y <= 'Z') y += 32;
    if (x != y) return x < y ? -1 : 1;
  }
  if (a->base != b->base) return a->base < b->base ? -1 : 1;
  return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static int merged(struct bctx *c, struct seg *g, unsigned int n, int *any)
{
  unsigned int i, j;
  for (i = 1; i < n; ++i)
    for (j = i; j > 0 && segcmp(&g[j - 1], &g[j]) > 0; --j) {
      struct seg t = g[j]; g[j] = g[j - 1]; g[j - 1] = t;
    }
  for (i = 0; i < n; i = j) {
    int ext = 0;
    c->tmp.len = 0;
    for (j = i; j < n && (j == i || (g[j].base == g[i].base && !segcmp(&g[j], &(struct seg){ g[i].name, g[i].base, g[j].idx, 0, 0, 0 }))); ++j) {
      ext |= g[j].ext;
      if (g[j].len && !stralloc_catb(&c->tmp, c->val.s + g[j].off, g[j].len)) return -1;
    }
    if (cat(c, (*any)++ ? " " : "(") < 0) return -1;
    if (!stralloc_cats(c->out, "\"") || !stralloc_catb(c->out, g[i].name, g[i].base)) return -1;
    if (cat(c, ext ? "*\" " : "\" ") < 0) return -1;
    if (str(c, c->tmp.s ? c->tmp.s : "", c->tmp.len) < 0) return -1;
  }
  return 0;
}

/* ("name" "value" ...) or NIL; text parts get charset us-ascii by default. */
static int params(struct bctx *c, const char *s, size_t n, int text)
{
  size_t pos = 0, start;
  struct mime_param p;
  struct seg g[MAXSEG];
  unsigned int ng = 0;
  int r, any = 0, charset = 0;
  c->val.len = 0;
  for (;;) {
    start = c->val.len;
    r = mime_param_next(s, n, &pos, &p, &c->val);
    if (r < 0) return -1;
    if (!r) break;
    if (is_segment(&p, &g[ng])) {
      g[ng].off = start;
      g[ng].len = c->val.len - start;
      if (ng < MAXSEG - 1) ++ng;
      continue;
    }
    if (cat(c, any++ ? " " : "(") < 0) return -1;
    if (mime_ieq(p.name, p.namelen, "charset")) charset = 1;
    if (str(c, p.name, p.namelen) < 0 || cat(c, " ") < 0) return -1;
    if (str(c, c->val.s ? c->val.s + start : "", c->val.len - start) < 0) return -1;
  }
  if (ng && merged(c, g, ng, &any) < 0) return -1;
  if (text && !charset) return cat(c, any ? " \"charset\" \"us-ascii\")" : "(\"charset\" \"us-ascii\")");
  return cat(c, any ? ")" : "NIL");
}

static int disposition(struct bctx *c, const struct fields *f)
{
  struct mime_ct d;
  if (!f->v[H_DISP]) return cat(c, "NIL");
  mime_ct_parse(f->v[H_DISP], f->n[H_DISP], &d);
  if (!d.typelen && !d.paramslen) return cat(c, "NIL");
  if (cat(c, "(") < 0 || str(c, d.type, d.typelen) < 0 || cat(c, " ") < 0) return -1;
  if (params(c, d.params, d.paramslen, 0) < 0) return -1;
  return cat(c, ")");
}

static int language(struct bctx *c, const struct fields *f)
{
  const char *v = f->v[H_LANG];
  size_t n = f->n[H_LANG], pos = 0, e;
  int count = 0;
  if (!v) return cat(c, "NIL");
  for (;;) {
    pos = mime_skip_cfws(v, n, pos);
    while (pos < n && v[pos] == ',') pos = mime_skip_cfws(v, n, pos + 1);
    if (pos >= n) break;
    e = mime_token(v, n, pos, ",()");
    if (e == pos) { ++pos; continue; }
    if (cat(c, count++ ? " " : "(") < 0 || str(c, v + pos, e - pos) < 0) return -1;
    pos = e;
  }
  return cat(c, count ? ")" : "NIL");
}

static int extension(struct bctx *c, const struct fields *f, int leaf)
{
  if (leaf) {
    if (cat(c, " ") < 0 || nstring(c, f->v[H_MD5], f->n[H_MD5]) < 0) return -1;
  }
  if (cat(c, " ") < 0 || disposition(c, f) < 0) return -1;
  if (cat(c, " ") < 0 || language(c, f) < 0) return -1;
  if (cat(c, " ") < 0) return -1;
  return nstring(c, f->v[H_LOC], f->n[H_LOC]);
}

static int body(struct bctx *c, int node);

static int multipart(struct bctx *c, int node, const struct fields *f, const struct mime_ct *ct)
{
  int k;
  if (cat(c, "(") < 0) return -1;
  for (k = c->m->part[node].child; k >= 0; k = c->m->part[k].next)
    if (body(c, k) < 0) return -1;
  if (c->m->part[node].child < 0) {
    if (cat(c, "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0") < 0) return -1;
    if (cat(c, c->ext ? " NIL NIL NIL NIL)" : ")") < 0) return -1;
  }
  if (cat(c, " ") < 0 || str(c, ct->sub, ct->sublen) < 0) return -1;
  if (c->ext) {
    if (cat(c, " ") < 0 || params(c, ct->params, ct->paramslen, 0) < 0) return -1;
    if (extension(c, f, 0) < 0) return -1;
  }
  return cat(c, ")");
}

static int leaf(struct bctx *c, int node, const struct fields *f, struct mime_ct *ct)
{
  const struct mime_part *p = &c->m->part[node];
  int text = mime_ieq(ct->type, ct->typelen, "text");
  if (cat(c, "(") < 0 || str(c, ct->type, ct->typelen) < 0 || cat(c, " ") < 0) return -1;
  if (str(c, ct->sub, ct->sublen) < 0 || cat(c, " ") < 0) return -1;
  if (params(c, ct->params, ct->paramslen, text) < 0 || cat(c, " ") < 0) return -1;
  if (nstring(c, f->v[H_ID], f->n[H_ID]) < 0 || cat(c, " ") < 0) return -1;
  if (nstring(c, f->v[H_DESC], f->n[H_DESC]) < 0 || cat(c, " ") < 0) return -1;
  {
    size_t s = f->v[H_CTE] ? mime_skip_cfws(f->v[H_CTE], f->n[H_CTE], 0) : 0;
    size_t e = f->v[H_CTE] ? mime_token(f->v[H_CTE], f->n[H_CTE], s, "()") : 0;
    /* 7bit is the default and shown as such, whatever its case */
    if (!f->v[H_CTE] || mime_ieq(f->v[H_CTE] + s, e - s, "7bit")) {
      if (cat(c, "\"7bit\"") < 0) return -1;
    } else if (str(c, f->v[H_CTE] + s, e - s) < 0) return -1;
  }
  if (num(c, p->body_size) < 0) return -1;
  if (p->kind == MIME_MESSAGE) {
    const struct mime_part *k = &c->m->part[p->child];
    if (cat(c, " ") < 0 || mime_envelope(c->out, c->m->buf + k->hdr, k->body - k->hdr) < 0) return -1;
    if (cat(c, " ") < 0 || body(c, p->child) < 0) return -1;
  }
  if ((text || p->kind == MIME_MESSAGE) && num(c, p->lines) < 0) return -1;
  if (c->ext && extension(c, f, 1) < 0) return -1;
  return cat(c, ")");
}

/* text/plain with at most charset=us-ascii is shown as the default. */
static int plain_default(struct bctx *c, const struct mime_ct *ct)
{
  size_t pos = 0;
  struct mime_param p;
  int r, n = 0;
  if (!mime_ieq(ct->type, ct->typelen, "text") || !mime_ieq(ct->sub, ct->sublen, "plain")) return 0;
  for (;;) {
    c->val.len = 0;
    r = mime_param_next(ct->params, ct->paramslen, &pos, &p, &c->val);
    if (r <= 0) return r == 0;
    if (n++ || !mime_ieq(p.name, p.namelen, "charset")) return 0;
    if (!mime_ieq(c->val.s, c->val.len, "us-ascii")) return 0;
  }
}

static int body(struct bctx *c, int node)
{
  struct fields f;
  struct mime_ct ct;
  collect(c, node, &f);
  if (f.v[H_TYPE]) mime_ct_parse(f.v[H_TYPE], f.n[H_TYPE], &ct);
  if (!f.v[H_TYPE] || !ct.typelen || !ct.sublen || plain_default(c, &ct)) {
    int dig = c->m->part[node].digest && !f.v[H_TYPE];
    ct.type = dig ? "message" : "text"; ct.typelen = dig ? 7 : 4;
    ct.sub = dig ? "rfc822" : "plain"; ct.sublen = dig ? 6 : 5;
    ct.params = ""; ct.paramslen = 0;
  }
  if (c->m->part[node].kind == MIME_MULTIPART) return multipart(c, node, &f, &ct);
  return leaf(c, node, &f, &ct);
}

int mime_bodystructure(stralloc *out, const struct mime_msg *m, int node, int extended)
{
  struct bctx c = { m, out, {0}, {0}, extended };
  int r = node >= 0 && (size_t)node < m->nparts ? body(&c, node) : -1;
  stralloc_free(&c.tmp);
  stralloc_free(&c.val);
  return r;
}
