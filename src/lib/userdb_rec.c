#include <string.h>
#include "userdb_rec.h"

int userdb_field_next(const char *rec, size_t len, size_t *pos,
                      const char **name, size_t *nlen, const char **val, size_t *vlen)
{
  while (*pos < len) {
    const char *f = rec + *pos;
    const char *bar = memchr(f, '|', len - *pos);
    size_t flen = bar ? (size_t)(bar - f) : len - *pos;
    *pos += flen + (bar ? 1 : 0);
    if (!flen) continue;
    const char *eq = memchr(f, '=', flen);
    *name = f;
    *nlen = eq ? (size_t)(eq - f) : flen;
    *val = eq ? eq + 1 : f + flen;
    *vlen = eq ? flen - *nlen - 1 : 0;
    return 1;
  }
  return 0;
}

int userdb_field(const char *rec, size_t len, const char *name,
                 const char **val, size_t *vlen)
{
  size_t pos = 0, want = strlen(name), nlen;
  const char *n;
  while (userdb_field_next(rec, len, &pos, &n, &nlen, val, vlen))
    if (nlen == want && !memcmp(n, name, want)) return 1;
  return 0;
}

int userdb_field_sa(const char *rec, size_t len, const char *name, stralloc *out)
{
  const char *v;
  size_t vlen;
  out->len = 0;
  if (!userdb_field(rec, len, name, &v, &vlen)) return 0;
  if (!stralloc_copyb(out, v, vlen) || !stralloc_0(out)) return 0;
  --out->len;
  return 1;
}

int userdb_field_secret(const char *name, size_t len)
{
  return len >= 2 && name[len - 2] == 'p' && name[len - 1] == 'w';
}

int userdb_fields_select(stralloc *out, const char *rec, size_t len, int secret)
{
  size_t pos = 0, nlen, vlen;
  const char *n, *v;
  int first = 1;
  while (userdb_field_next(rec, len, &pos, &n, &nlen, &v, &vlen)) {
    if (userdb_field_secret(n, nlen) != !!secret) continue;
    if (!first && !stralloc_append(out, "|")) return 0;
    if (!stralloc_catb(out, n, (size_t)(v + vlen - n))) return 0;
    first = 0;
  }
  return 1;
}
