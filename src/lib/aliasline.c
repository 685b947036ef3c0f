#include <stdlib.h>
#include <string.h>
#include "addr.h"
#include "aliasline.h"
#include "domline.h"

static int blank(char c) { return c == ' ' || c == '\t'; }

static void trim(const char **s, size_t *len)
{
  while (*len && blank(**s)) { ++*s; --*len; }
  while (*len && blank((*s)[*len - 1])) --*len;
}

/* Where the next ',' or ':' (stop) outside double quotes is, or len. */
static size_t until(const char *s, size_t len, char stop)
{
  int quoted = 0;
  for (size_t i = 0; i < len; ++i) {
    if (quoted && s[i] == '\\') ++i;
    else if (s[i] == '"') quoted = !quoted;
    else if (!quoted && s[i] == stop) return i;
  }
  return len;
}

static int address_target(stralloc *targets, const char *s, size_t len, const char **err)
{
  struct addr a = {0};
  int r = addr_parse(&a, s, len), ok = 1;
  if (r < 0) { *err = r == -ADDR_ETOOLONG ? "address too long" : "not an address"; ok = 0; }
  else if (a.flags & ADDR_NULL) { *err = "empty target"; ok = 0; }
  else if (a.flags & ADDR_BAD_DOMAIN) { *err = "bad domain in target"; ok = 0; }
  if (ok) {
    addr_domain_canon(&a.domain);
    ok = addr_format(targets, &a) && stralloc_0(targets) ? 1 : -1;
  }
  addr_free(&a);
  return ok;
}

/* A whole target written in quotes: "|prog a, b" or "/path, odd". */
static int quoted_target(stralloc *targets, const char *s, size_t len, const char **err)
{
  stralloc t = {0};
  size_t i = 1;
  for (; i < len && s[i] != '"'; ++i) {
    if (s[i] == '\\' && i + 1 < len) ++i;
    if (!stralloc_append(&t, s + i)) { free(t.s); return -1; }
  }
  int r;
  if (i + 1 != len) { *err = "text after a quoted target"; r = 0; }
  else if (t.len && (t.s[0] == '|' || t.s[0] == '/')) r = stralloc_cat(targets, &t) && stralloc_0(targets) ? 1 : -1;
  else r = address_target(targets, t.s ? t.s : "", t.len, err);
  free(t.s);
  return r;
}

static int one_target(stralloc *targets, const char *s, size_t len, const char **err)
{
  if (memchr(s, 0, len)) { *err = "NUL in target"; return 0; }
  if (len > 1 && s[0] == '"' && until(s, len, '@') == len) return quoted_target(targets, s, len, err);
  if (s[0] == '|' || s[0] == '/' || !strncmp(s, ":include:", len < 9 ? len : 9)) {
    if (s[0] == ':' && (len < 10 || s[9] != '/')) { *err = ":include: needs an absolute path"; return 0; }
    return stralloc_catb(targets, s, len) && stralloc_0(targets) ? 1 : -1;
  }
  return address_target(targets, s, len, err);
}

int alias_targets_parse(stralloc *targets, const char *s, size_t len, const char **err)
{
  while (len) {
    size_t n;
    trim(&s, &len);
    if (!len) break;
    if (s[0] == '|') n = len;   /* a program takes the rest of the line */
    else n = until(s, len, ',');
    const char *t = s;
    size_t tlen = n;
    trim(&t, &tlen);
    if (!tlen) { *err = "empty target"; return 0; }
    if (t[0] == '|' && tlen == 1) { *err = "no program after '|'"; return 0; }
    int r = one_target(targets, t, tlen, err);
    if (r <= 0) return r;
    s += n;
    len -= n;
    if (len) { ++s; --len; }   /* the comma; a trailing one continues on the next line */
  }
  return 1;
}

static int name(struct alias_line *l, const char *s, size_t len, const char **err)
{
  if (!len) { *err = "no alias name before ':'"; return 0; }
  if (s[0] == '@') {
    l->virtual_domain = 1;
    return domline_domain(s + 1, len - 1, 0, &l->domain, err);
  }
  struct addr a = {0};
  int r = addr_parse(&a, s, len);
  if (r < 0 || (a.flags & (ADDR_NULL | ADDR_ROUTE))) { *err = "alias name is not an address"; r = 0; }
  else if (a.flags & ADDR_BAD_DOMAIN) { *err = "bad domain in alias name"; r = 0; }
  else {
    for (size_t i = 0; i < a.local.len; ++i)
      if (a.local.s[i] >= 'A' && a.local.s[i] <= 'Z') a.local.s[i] += 'a' - 'A';
    addr_domain_canon(&a.domain);
    r = addr_quote_local(&l->local, a.local.s, a.local.len) && stralloc_copy(&l->domain, &a.domain) ? 1 : -1;
  }
  addr_free(&a);
  return r;
}

int alias_line_parse(struct alias_line *l, const char *line, size_t len, const char **err)
{
  l->continued = l->virtual_domain = 0;
  l->local.len = l->domain.len = l->targets.len = 0;
  if (len && blank(line[0])) {
    l->continued = 1;
    return alias_targets_parse(&l->targets, line, len, err);
  }
  size_t colon = until(line, len, ':');
  if (colon == len) { *err = "no ':' after the alias name"; return 0; }
  const char *n = line;
  size_t nlen = colon;
  trim(&n, &nlen);
  int r = name(l, n, nlen, err);
  if (r <= 0) return r;
  return alias_targets_parse(&l->targets, line + colon + 1, len - colon - 1, err);
}

void alias_line_free(struct alias_line *l)
{
  free(l->local.s);
  free(l->domain.s);
  free(l->targets.s);
  memset(l, 0, sizeof *l);
}
