#include <string.h>
#include "mime.h"
#include "mime_int.h"

/* RFC 5322 address lists as IMAP address structures, tolerant of the
 * broken forms real mail carries: bare local parts, unclosed quotes
 * and brackets, missing group terminators. */

#define SPECIALS "()<>[]:;@\\,.\""

struct addr {
  const char *v; size_t len, pos;
  stralloc name, local, domain, adl, comment, tmp;
  stralloc *out;
  int n;
  int (*fn)(void *, const struct mime_addr *);
  void *ctx;
  int stop;
  int broken;                /* an unterminated quoted string or domain literal */
};

static int call(struct addr *a, const stralloc *name, const stralloc *adl,
                const stralloc *mbox, const stralloc *host)
{
  struct mime_addr x;
  int r;
  x.name = name && name->len ? name->s : 0; x.namelen = x.name ? name->len : 0;
  x.adl = adl && adl->len ? adl->s : 0; x.adllen = x.adl ? adl->len : 0;
  x.mailbox = mbox ? (mbox->s ? mbox->s : "") : 0; x.mailboxlen = mbox ? mbox->len : 0;
  x.host = host ? (host->s ? host->s : "") : 0; x.hostlen = host ? host->len : 0;
  r = a->fn(a->ctx, &x);
  if (r > 0) a->stop = 1;
  return r < 0 ? -1 : 0;
}

static int word(struct addr *a, stralloc *sa, int spaced)
{
  size_t p = a->pos, e;
  if (spaced && sa->len && !stralloc_append(sa, " ")) return -1;
  if (a->v[p] == '"') {
    e = mime_quoted(a->v, a->len, p, sa);
    if (e == (size_t)-1) return -1;
    if (e == p + 1 || a->v[e - 1] != '"') a->broken = 1;
  } else {
    e = mime_token(a->v, a->len, p, SPECIALS);
    if (e == p) e = p + 1;
    if (!stralloc_catb(sa, a->v + p, e - p)) return -1;
  }
  a->pos = e;
  return 0;
}

/* Display name and local part candidates, up to a special. */
static int phrase(struct addr *a)
{
  a->name.len = a->local.len = 0;
  for (;;) {
    char c;
    size_t was = a->pos;
    a->pos = mime_skip_cfws(a->v, a->len, a->pos);
    if (a->pos >= a->len) return 0;
    c = a->v[a->pos];
    if (c != '"' && c != '.' && strchr("()<>[]:;@\\,", c)) return 0;
    if (a->pos > was && a->name.len && !stralloc_append(&a->name, " ")) return -1;
    if (c == '.') {
      if (!stralloc_append(&a->name, ".") || !stralloc_append(&a->local, ".")) return -1;
      ++a->pos;
      continue;
    }
    {
      size_t p = a->pos;
      if (word(a, &a->name, 0) < 0) return -1;
      a->pos = p;
      if (word(a, &a->local, 0) < 0) return -1;
    }
  }
}

/* Domain (or route) text up to one of stop, whitespace and comments dropped. */
static int domain(struct addr *a, stralloc *sa, const char *stop)
{
  sa->len = 0;
  a->comment.len = 0;
  for (;;) {
    size_t p = a->pos;
    while (p < a->len && (a->v[p] == ' ' || a->v[p] == '\t' || a->v[p] == '\r' || a->v[p] == '\n')) ++p;
    if (p < a->len && a->v[p] == '(') {
      size_t e = mime_skip_cfws(a->v, a->len, p);
      size_t ce = e;
      while (ce > p && a->v[ce - 1] != ')') --ce;
      a->comment.len = 0;
      if (ce > p + 1 && !stralloc_catb(&a->comment, a->v + p + 1, ce - p - 2)) return -1;
    }
    a->pos = mime_skip_cfws(a->v, a->len, a->pos);
    if (a->pos >= a->len || strchr(stop, a->v[a->pos])) return 0;
    if (a->v[a->pos] == '[') {
      size_t e = a->pos;
      while (e < a->len && a->v[e] != ']') ++e;
      if (e < a->len) ++e;
      else a->broken = 2;            /* the domain alone is lost */
      if (!stralloc_catb(sa, a->v + a->pos, e - a->pos)) return -1;
      a->pos = e;
    } else if (word(a, sa, 0) < 0) return -1;
  }
}

static int emit(struct addr *a, const stralloc *name, const stralloc *adl,
                const stralloc *mbox, const stralloc *host)
{
  stralloc *o = a->out;
  if (a->fn) { a->n++; return call(a, name, adl, mbox, host); }
  if (!a->n++ && !stralloc_cats(o, "(")) return -1;
  if (!stralloc_cats(o, "(")) return -1;
  if (name && name->len) {
    if (mime_imap_human(o, &a->tmp, name->s, name->len) < 0) return -1;
  } else if (!stralloc_cats(o, "NIL")) return -1;
  if (!stralloc_cats(o, " ")) return -1;
  if (mime_imap_string(o, adl && adl->len ? adl->s : 0, adl ? adl->len : 0) < 0) return -1;
  if (!stralloc_cats(o, " ")) return -1;
  if (mime_imap_string(o, mbox ? (mbox->s ? mbox->s : "") : 0, mbox ? mbox->len : 0) < 0) return -1;
  if (!stralloc_cats(o, " ")) return -1;
  if (mime_imap_string(o, host ? (host->s ? host->s : "") : 0, host ? host->len : 0) < 0) return -1;
  return stralloc_cats(o, ")") ? 0 : -1;
}

static int missing(stralloc *sa, const char *what)
{
  if (sa->len) return 0;
  return stralloc_copys(sa, what) ? 0 : -1;
}

/* <[@route,@route:]local@domain> after the display name in a->name. */
static int angle(struct addr *a)
{
  stralloc name = a->name;           /* phrase() reuses the buffers: swap */
  int r;
  a->name = a->adl;
  a->adl.s = 0; a->adl.len = a->adl.a = 0;
  ++a->pos;
  a->pos = mime_skip_cfws(a->v, a->len, a->pos);
  if (a->pos < a->len && a->v[a->pos] == '@') {
    if (domain(a, &a->adl, ":>") < 0) goto nomem;
    if (a->pos < a->len && a->v[a->pos] == ':') ++a->pos;
  }
  if (phrase(a) < 0) goto nomem;
  a->domain.len = 0;
  if (a->pos < a->len && a->v[a->pos] == '@') {
    ++a->pos;
    if (domain(a, &a->domain, ">,;<") < 0) goto nomem;
  }
  while (a->pos < a->len && a->v[a->pos] != '>' && a->v[a->pos] != ',') ++a->pos;
  if (a->pos < a->len && a->v[a->pos] == '>') ++a->pos;
  else if (!stralloc_copys(&a->domain, "SYNTAX_ERROR")) goto nomem;   /* no closing '>' */
  if (a->broken) a->domain.len = 0;
  if (a->broken == 1) a->local.len = 0;
  if (missing(&a->local, "MISSING_MAILBOX") < 0 || missing(&a->domain, "MISSING_DOMAIN") < 0) goto nomem;
  r = emit(a, &name, &a->adl, &a->local, &a->domain);
  stralloc_free(&a->name);
  a->name = name;
  return r;
nomem:
  stralloc_free(&a->name);
  a->name = name;
  return -1;
}

/* One mailbox (after its phrase was read), or a group when in_group is 0. */
static int mailbox(struct addr *a, int *in_group)
{
  char c;
  if (phrase(a) < 0) return -1;
  c = a->pos < a->len ? a->v[a->pos] : 0;
  if (c == '<') return angle(a);
  if (c == ':' && !*in_group) {
    ++a->pos;
    *in_group = 1;
    return emit(a, 0, 0, &a->name, 0);
  }
  if (c == '@') {
    ++a->pos;
    if (domain(a, &a->domain, ",;<>@") < 0) return -1;
    if (a->broken) a->domain.len = 0;
    if (a->broken == 1) a->local.len = 0;
    if (missing(&a->local, "MISSING_MAILBOX") < 0 || missing(&a->domain, "MISSING_DOMAIN") < 0) return -1;
    return emit(a, &a->comment, 0, &a->local, &a->domain);   /* "a@b (Name)" */
  }
  if (a->broken == 1) a->local.len = 0;
  if (a->local.len || a->broken) {
    if (missing(&a->local, "MISSING_MAILBOX") < 0) return -1;
    if (!stralloc_copys(&a->domain, "MISSING_DOMAIN")) return -1;
    if (emit(a, 0, 0, &a->local, &a->domain) < 0) return -1;
  }
  if (a->pos < a->len && c != ',' && c != ';') ++a->pos;   /* a stray special */
  return 0;
}

/* Skips to the next ',' (or the group's ';'), over quotes and comments. */
static void skip_rest(struct addr *a, int in_group)
{
  while (a->pos < a->len) {
    char c = a->v[a->pos];
    if (c == ',' || (in_group && c == ';')) return;
    if (c == '"') { a->pos = mime_quoted(a->v, a->len, a->pos, 0); continue; }
    if (c == '(') { a->pos = mime_skip_cfws(a->v, a->len, a->pos); continue; }
    ++a->pos;
  }
}

static int empty_element(struct addr *a)
{
  stralloc mb = {0}, host = {0};
  int r = stralloc_copys(&mb, "MISSING_MAILBOX") && stralloc_copys(&host, "MISSING_DOMAIN")
          ? emit(a, 0, 0, &mb, &host) : -1;
  stralloc_free(&mb);
  stralloc_free(&host);
  return r;
}

static int list(struct addr *a)
{
  int in_group = 0, before = a->n;
  while (!a->stop) {
    a->pos = mime_skip_cfws(a->v, a->len, a->pos);
    if (a->pos >= a->len) break;
    if (a->v[a->pos] == ',') {
      /* an empty element ("a@b, , c@d", "Cc: ,") is an invalid address */
      if (a->n == before && empty_element(a) < 0) return -1;
      ++a->pos;
      before = a->n;
      continue;
    }
    if (a->v[a->pos] == ';') {
      ++a->pos;
      if (in_group && emit(a, 0, 0, 0, 0) < 0) return -1;
      in_group = 0;
      before = -1;                 /* "group:;, next" has no empty element */
      continue;
    }
    a->broken = 0;
    {
      int was_group = in_group;
      if (mailbox(a, &in_group) < 0) return -1;
      if (in_group == was_group) skip_rest(a, in_group);   /* "Joe <a@b> junk": junk ignored */
    }
  }
  if (in_group && !a->stop && emit(a, 0, 0, 0, 0) < 0) return -1;
  return 0;
}

int mime_addr_list(stralloc *out, const char *const *v, const size_t *len, unsigned int count)
{
  struct addr a;
  unsigned int i;
  int r = 0;
  memset(&a, 0, sizeof a);
  a.out = out;
  for (i = 0; i < count && r == 0; ++i) {      /* repeated fields add up */
    a.v = v[i]; a.len = len[i]; a.pos = 0;
    if (a.v) r = list(&a);
  }
  if (r == 0) {
    if (a.n) { if (!stralloc_cats(out, ")")) r = -1; }
    else if (!stralloc_cats(out, "NIL")) r = -1;
  }
  stralloc_free(&a.name); stralloc_free(&a.local);
  stralloc_free(&a.domain); stralloc_free(&a.adl);
  stralloc_free(&a.comment); stralloc_free(&a.tmp);
  return r;
}

int mime_addr_each(const char *value, size_t len,
                   int (*fn)(void *ctx, const struct mime_addr *a), void *ctx)
{
  struct addr a;
  int r;
  memset(&a, 0, sizeof a);
  a.v = value; a.len = len; a.fn = fn; a.ctx = ctx;
  r = value ? list(&a) : 0;
  stralloc_free(&a.name); stralloc_free(&a.local);
  stralloc_free(&a.domain); stralloc_free(&a.adl);
  stralloc_free(&a.comment); stralloc_free(&a.tmp);
  return r;
}
