#include <string.h>
#include "addr_syntax.h"
#include "domains.h"
#include "domline.h"

static int blank(char c) { return c == ' ' || c == '\t'; }

int domline_domain(const char *s, size_t len, int wildcard_ok, stralloc *key, const char **err)
{
  size_t skip = len && s[0] == '.';
  if (skip && !wildcard_ok) { *err = "a wildcard is not allowed here"; return 0; }
  if (len - skip > 255) { *err = "domain name too long"; return 0; }
  if (!addr_is_hostname(s + skip, len - skip) && (skip || !addr_is_literal(s, len))) {
    *err = "not a domain name";
    return 0;
  }
  if (!stralloc_copyb(key, s, len) || !stralloc_0(key)) return -1;
  --key->len;
  return domain_key(key, key->s) ? 1 : -1;
}

/* The next blank-separated word: its start and length, or 0 when none. */
static size_t word(const char *line, size_t len, size_t *pos, size_t *start)
{
  while (*pos < len && blank(line[*pos])) ++*pos;
  *start = *pos;
  while (*pos < len && !blank(line[*pos])) ++*pos;
  return *pos - *start;
}

int domline_parse(const char *line, size_t len, int flags, stralloc *key, stralloc *value,
                  const char **err)
{
  size_t pos = 0, s1, s2, s3;
  size_t n1 = word(line, len, &pos, &s1);
  size_t n2 = word(line, len, &pos, &s2);
  size_t n3 = word(line, len, &pos, &s3);
  value->len = 0;
  if (!n1) { *err = "no domain"; return 0; }
  if (n3 || (n2 && !(flags & DOMLINE_ALIAS))) { *err = "more than one domain on a line"; return 0; }
  int r = domline_domain(line + s1, n1, 1, key, err);
  if (r <= 0 || !n2) return r;
  stralloc canon = {0};
  r = domline_domain(line + s2, n2, 0, &canon, err);
  if (r > 0 && !stralloc_copy(value, &canon)) r = -1;
  if (r > 0 && key->len == canon.len && !memcmp(key->s, canon.s, key->len)) {
    *err = "a domain cannot be an alias of itself";
    r = 0;
  }
  stralloc_free(&canon);
  return r;
}
