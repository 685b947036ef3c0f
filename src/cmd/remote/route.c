#include <ctype.h>
#include <errno.h>
#include <string.h>
#include "conf.h"
#include "fmt.h"
#include "route.h"
#include "scan.h"

struct search {
  const char *domain;
  size_t best_rank;          /* 0 none; higher is a closer match */
  stralloc value;
  stralloc where;
};

/* Rank of a key for the domain: exact match beats a longer ".suffix",
 * which beats a shorter one, which beats the default ":". */
static size_t rank(const char *key, size_t klen, const char *domain)
{
  size_t dlen = strlen(domain);
  if (klen == 0) return 1;
  if (klen == dlen && !strncasecmp(key, domain, klen)) return 1000000;
  if (key[0] == '.' && klen < dlen && !strncasecmp(key, domain + dlen - klen, klen)) return 1 + klen;
  return 0;
}

static int consider(void *ctx, const char *file, unsigned long lineno, const char *line, size_t len)
{
  struct search *s = ctx;
  const char *colon = memchr(line, ':', len);
  size_t start = 0;
  while (start < len && isspace((unsigned char)line[start])) ++start;
  if (!colon) {
    char num[FMT_ULONG];
    num[fmt_ulong(num, lineno)] = 0;
    stralloc_copys(&s->where, file);
    stralloc_cats(&s->where, ":");
    stralloc_cats(&s->where, num);
    stralloc_cats(&s->where, ": missing ':' after the domain");
    stralloc_0(&s->where);
    return 2;
  }
  size_t klen = (size_t)(colon - line) - start;
  while (klen && isspace((unsigned char)line[start + klen - 1])) --klen;
  size_t r = rank(line + start, klen, s->domain);
  if (r > s->best_rank) {
    s->best_rank = r;
    stralloc_copyb(&s->value, colon + 1, len - (size_t)(colon + 1 - line));
    stralloc_0(&s->value);
  }
  return 0;
}

int route_parse_value(struct route *rt, const char *value)
{
  rt->host.len = 0;
  rt->security = SEC_NONE;
  unsigned long port = 0;
  const char *p = value;
  for (;;) {
    while (*p && isspace((unsigned char)*p)) ++p;
    if (!*p) break;
    const char *w = p;
    while (*p && !isspace((unsigned char)*p)) ++p;
    size_t wlen = (size_t)(p - w);
    if (w[0] == '/') {
      if (wlen == 18 && !strncasecmp(w, "/SECURITY=STARTTLS", 18)) rt->security = SEC_STARTTLS;
      else if (wlen == 15 && !strncasecmp(w, "/SECURITY=SMTPS", 15)) rt->security = SEC_SMTPS;
      else if (wlen == 14 && !strncasecmp(w, "/SECURITY=NONE", 14)) rt->security = SEC_NONE;
      else return -1;
      continue;
    }
    if (rt->host.len) return -1;
    const char *comma = memchr(w, ',', wlen);
    size_t hlen = comma ? (size_t)(comma - w) : wlen;
    if (comma) {
      size_t n = scan_ulong(comma + 1, &port);
      if (n == 0 || n != wlen - hlen - 1 || port == 0 || port > 65535) return -1;
    }
    if (hlen == 0) return -1;
    for (size_t i = 0; i < hlen; ++i) {
      unsigned char ch = (unsigned char)w[i];
      if (!(isalnum(ch) || ch == '.' || ch == '-' || ch == '_' || ch == '[' || ch == ']' || ch == ':')) return -1;
    }
    if (!stralloc_copyb(&rt->host, w, hlen)) return -1;
  }
  rt->port = port ? (unsigned short)port : (rt->security == SEC_SMTPS ? 465 : 25);
  stralloc_0(&rt->host);
  --rt->host.len;
  stralloc_copy(&rt->auth_key, &rt->host);
  if (port) {
    char num[FMT_ULONG];
    stralloc_cats(&rt->auth_key, ",");
    stralloc_catb(&rt->auth_key, num, fmt_ulong(num, port));
  }
  stralloc_0(&rt->auth_key);
  --rt->auth_key.len;
  return 0;
}

int route_lookup(struct route *rt, const char *path, const char *domain, stralloc *why)
{
  struct search s = { .domain = domain };
  int r = conf_each_line(path, consider, &s);
  if (r == -1 && errno != ENOENT) return -1;
  if (r == 2) { stralloc_copy(why, &s.where); stralloc_free(&s.value); stralloc_free(&s.where); return -2; }
  if (s.best_rank == 0) stralloc_copys(&s.value, "");
  stralloc_0(&s.value);
  int bad = route_parse_value(rt, s.value.s);
  if (bad) {
    stralloc_copys(why, path);
    stralloc_cats(why, ": cannot parse the route for ");
    stralloc_cats(why, domain);
    stralloc_0(why);
  }
  stralloc_free(&s.value);
  stralloc_free(&s.where);
  return bad ? -2 : 0;
}
