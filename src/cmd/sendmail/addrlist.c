/* RFC 5322 address lists as found in To:, Cc:, Bcc: ("Name <a@b>,
 * c@d (comment), group: e@f, g@h;"): each mailbox's addr-spec. */
#include <string.h>
#include "sendmail.h"

struct walk {
  const char *s;
  size_t len, i;
  char spec[1024];          /* the current element, comments removed */
  size_t slen;
  char angle[1024];         /* inside <...>, when there was one */
  size_t alen;
  int has_angle;
};

static void keep(char *buf, size_t *n, char c)
{
  if (*n < 1023) buf[(*n)++] = c;
}

static void skip_comment(struct walk *w)
{
  int depth = 0;
  for (; w->i < w->len; ++w->i) {
    char c = w->s[w->i];
    if (c == '\\') { ++w->i; continue; }
    if (c == '(') ++depth;
    if (c == ')' && --depth == 0) return;
  }
}

static int flush(struct walk *w, addr_fn fn, void *ctx)
{
  const char *p = w->has_angle ? w->angle : w->spec;
  size_t n = w->has_angle ? w->alen : w->slen;
  /* A source route "@a,@b:" before the address is dropped. */
  if (w->has_angle && n && p[0] == '@') {
    const char *colon = memchr(p, ':', n);
    if (colon) { n -= (size_t)(colon + 1 - p); p = colon + 1; }
  }
  while (n && (p[0] == ' ' || p[0] == '\t')) { ++p; --n; }
  while (n && (p[n - 1] == ' ' || p[n - 1] == '\t')) --n;
  int r = n ? fn(ctx, p, n) : 0;
  w->slen = w->alen = 0;
  w->has_angle = 0;
  return r;
}

static void quoted(struct walk *w, char *buf, size_t *n)
{
  keep(buf, n, '"');
  for (++w->i; w->i < w->len && w->s[w->i] != '"'; ++w->i) {
    if (w->s[w->i] == '\\' && w->i + 1 < w->len) keep(buf, n, w->s[w->i++]);
    keep(buf, n, w->s[w->i]);
  }
  keep(buf, n, '"');
}

int addrlist_each(const char *s, size_t len, addr_fn fn, void *ctx)
{
  struct walk w;
  memset(&w, 0, sizeof w);
  w.s = s;
  w.len = len;
  int in_angle = 0, r;
  for (; w.i < len; ++w.i) {
    char c = s[w.i];
    char *buf = in_angle ? w.angle : w.spec;
    size_t *n = in_angle ? &w.alen : &w.slen;
    if (c == '(') { skip_comment(&w); continue; }
    if (c == '"') { quoted(&w, buf, n); continue; }
    if (c == '\r' || c == '\n') c = ' ';
    if (in_angle) {
      if (c == '>') in_angle = 0;
      else keep(buf, n, c);
      continue;
    }
    if (c == '<') { in_angle = w.has_angle = 1; w.alen = 0; continue; }
    if (c == ':') { w.slen = 0; continue; }   /* a group's display name */
    if (c == ',' || c == ';') {
      if ((r = flush(&w, fn, ctx))) return r;
      continue;
    }
    keep(buf, n, c);
  }
  return flush(&w, fn, ctx);
}
