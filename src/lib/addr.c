/* The RFC 5321 path / RFC 5322 addr-spec parser: the relay decisions of
 * smtpd rest on it, so it is strict and reports what it saw in flags. */
#include <string.h>
#include "addr.h"
#include "addr_syntax.h"
#include "utf8.h"

struct parse {
  const char *s;
  size_t len;
  size_t pos;
  struct addr *a;
};

static int ctl(unsigned char c) { return c < 0x20 || c == 0x7f; }

/* One character of UTF-8 at the current position: its length, 0 when
 * it is not valid. Flags the address as non-ASCII. */
static size_t take_utf8(struct parse *p)
{
  size_t n = utf8_char(p->s + p->pos, p->len - p->pos);
  if (n) p->a->flags |= ADDR_UTF8;
  return n;
}

static int quoted_local(struct parse *p)
{
  ++p->pos;   /* the opening quote */
  p->a->flags |= ADDR_QUOTED;
  while (p->pos < p->len) {
    unsigned char c = p->s[p->pos];
    if (c == '"') { ++p->pos; return 0; }
    if (c == '\\') {
      if (++p->pos >= p->len) break;
      c = p->s[p->pos];
      if (ctl(c)) return -ADDR_E8BIT;
      if (c >= 0x80) return take_utf8(p) ? -ADDR_ESYNTAX : -ADDR_E8BIT;
    } else if (ctl(c)) return -ADDR_E8BIT;
    if (c >= 0x80) {
      size_t n = take_utf8(p);
      if (!n) return -ADDR_E8BIT;
      if (!stralloc_catb(&p->a->local, p->s + p->pos, n)) return -ADDR_ENOMEM;
      p->pos += n;
      continue;
    }
    if (!stralloc_append(&p->a->local, (const char *)&c)) return -ADDR_ENOMEM;
    ++p->pos;
  }
  return -ADDR_ESYNTAX;
}

static int dot_local(struct parse *p)
{
  size_t start = p->pos, atom = 0;
  while (p->pos < p->len) {
    unsigned char c = p->s[p->pos];
    size_t n;
    if (c == '.') {
      if (!atom) return -ADDR_ESYNTAX;
      atom = 0;
      n = 1;
    } else if (c >= 0x80) {
      if (!(n = take_utf8(p))) return -ADDR_E8BIT;
      atom += n;
    } else if (addr_atext(c)) {
      n = 1;
      ++atom;
    } else if (ctl(c)) return -ADDR_E8BIT;
    else break;
    p->pos += n;
  }
  if (!atom) return -ADDR_ESYNTAX;
  return stralloc_catb(&p->a->local, p->s + start, p->pos - start) ? 0 : -ADDR_ENOMEM;
}

static int local_part(struct parse *p)
{
  size_t start = p->pos;
  int r = (p->pos < p->len && p->s[p->pos] == '"') ? quoted_local(p) : dot_local(p);
  if (r) return r;
  if (p->pos - start > 64) return -ADDR_ETOOLONG;
  const struct addr *a = p->a;
  if (memchr(a->local.s, '%', a->local.len)) p->a->flags |= ADDR_PERCENT;
  if (memchr(a->local.s, '!', a->local.len)) p->a->flags |= ADDR_BANG;
  if (memchr(a->local.s, '@', a->local.len)) p->a->flags |= ADDR_AT_LOCAL;
  return 0;
}

static int domain_char(unsigned char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
      || c == '-' || c == '.' || c == '_';
}

/* The extent of a domain or address literal at the current position:
 * its length, or -ADDR_E*. */
static long domain_extent(struct parse *p)
{
  size_t start = p->pos;
  if (p->pos < p->len && p->s[p->pos] == '[') {
    while (++p->pos < p->len && p->s[p->pos] != ']') {
      unsigned char c = p->s[p->pos];
      if (ctl(c) || c >= 0x80) return -ADDR_E8BIT;
      /* no '@' or '"' either, so addr_at and any other splitter of a
       * stored address find the right '@' */
      if (c == '[' || c == '\\' || c == ' ' || c == '@' || c == '"') return -ADDR_ESYNTAX;
    }
    if (p->pos >= p->len) return -ADDR_ESYNTAX;
    ++p->pos;
    return (long)(p->pos - start);
  }
  while (p->pos < p->len) {
    unsigned char c = p->s[p->pos];
    if (c >= 0x80) {
      size_t n = take_utf8(p);
      if (!n) return -ADDR_E8BIT;
      p->pos += n;
    } else if (domain_char(c)) ++p->pos;
    else if (ctl(c)) return -ADDR_E8BIT;
    else break;
  }
  if (p->pos == start) return -ADDR_ESYNTAX;
  return (long)(p->pos - start);
}

static int domain(struct parse *p)
{
  size_t start = p->pos;
  long n = domain_extent(p);
  if (n < 0) return (int)n;
  if (n > 255) return -ADDR_ETOOLONG;
  const char *d = p->s + start;
  if (d[0] == '[') {
    p->a->flags |= ADDR_LITERAL;
    if (!addr_is_literal(d, (size_t)n)) p->a->flags |= ADDR_BAD_DOMAIN;
  } else if (!addr_is_hostname(d, (size_t)n)) p->a->flags |= ADDR_BAD_DOMAIN;
  return stralloc_catb(&p->a->domain, d, (size_t)n) ? 0 : -ADDR_ENOMEM;
}

/* "@a,@b:" before the mailbox: obsolete, ignored as RFC 5321 says. */
static int route(struct parse *p)
{
  struct addr *a = p->a;
  for (;;) {
    ++p->pos;   /* the '@' */
    long n = domain_extent(p);
    if (n < 0) return (int)n;
    if (p->pos >= p->len) return -ADDR_ESYNTAX;
    char c = p->s[p->pos++];
    if (c == ':') break;
    if (c != ',' || p->pos >= p->len || p->s[p->pos] != '@') return -ADDR_ESYNTAX;
  }
  a->flags = (a->flags & ~(unsigned)ADDR_UTF8) | ADDR_ROUTE;
  return 0;
}

static int mailbox(struct parse *p)
{
  int r;
  if (p->pos < p->len && p->s[p->pos] == '@' && (r = route(p))) return r;
  if ((r = local_part(p))) return r;
  if (p->pos < p->len && p->s[p->pos] == '@') {
    ++p->pos;
    return domain(p);
  }
  p->a->flags |= ADDR_NODOMAIN;
  return 0;
}

static int start(struct parse *p, struct addr *a, const char *s, size_t len)
{
  p->s = s;
  p->len = len;
  p->pos = 0;
  p->a = a;
  a->local.len = a->domain.len = 0;
  a->flags = 0;
  return stralloc_ready(&a->local, 1) && stralloc_ready(&a->domain, 1);
}

static int finish(struct parse *p, int r)
{
  struct addr *a = p->a;
  /* both parts stay NUL-terminated even after an error */
  if (!stralloc_0(&a->local) || !stralloc_0(&a->domain)) return -ADDR_ENOMEM;
  --a->local.len;
  --a->domain.len;
  return r ? r : (int)p->pos;
}

int addr_parse_path(struct addr *a, const char *s, size_t len)
{
  struct parse p;
  if (!start(&p, a, s, len)) return -ADDR_ENOMEM;
  while (p.pos < len && s[p.pos] == ' ') ++p.pos;
  if (p.pos >= len || s[p.pos] != '<') return finish(&p, -ADDR_ESYNTAX);
  size_t open = p.pos++;
  int r = 0;
  if (p.pos < len && s[p.pos] == '>') a->flags |= ADDR_NULL;
  else r = mailbox(&p);
  if (!r && (p.pos >= len || s[p.pos] != '>')) r = -ADDR_ESYNTAX;
  if (!r && ++p.pos - open > 256) r = -ADDR_ETOOLONG;
  return finish(&p, r);
}

int addr_parse(struct addr *a, const char *s, size_t len)
{
  struct parse p;
  if (!start(&p, a, s, len)) return -ADDR_ENOMEM;
  int r = 0;
  if (!len) a->flags |= ADDR_NULL;
  else r = mailbox(&p);
  if (!r && p.pos != len) r = -ADDR_ESYNTAX;
  if (!r && len > 256) r = -ADDR_ETOOLONG;
  return finish(&p, r);
}
