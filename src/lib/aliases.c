/* Alias lookups in etc/aliases.cdb; see aliases.h. */
#include <errno.h>
#include <string.h>
#include "addr.h"
#include "aliases.h"
#include "cdbw.h"
#include "domains.h"
#include "home.h"

struct alias_lookup {
  stralloc path;
  stralloc key;
  stralloc local;    /* lower-cased local part */
  stralloc domain;   /* as given, canonical form */
  stralloc canon;    /* what domain_class made of it */
  int cls;
};

static int lower_copy(stralloc *out, const char *s, size_t len)
{
  if (!stralloc_copyb(out, s, len) || !stralloc_0(out)) return 0;
  --out->len;
  for (size_t i = 0; i < out->len; ++i)
    if (out->s[i] >= 'A' && out->s[i] <= 'Z') out->s[i] += 'a' - 'A';
  return 1;
}

static int try_key(struct alias_lookup *l, const char *domain, stralloc *targets)
{
  l->key.len = 0;
  if (!addr_quote_local(&l->key, l->local.s, l->local.len)) return -1;
  if (domain && (!stralloc_append(&l->key, "@") || !stralloc_cats(&l->key, domain))) return -1;
  return cdb_lookup(l->path.s, l->key.s, l->key.len, targets);
}

int aliases_virtual(stralloc *out, const char *user, size_t ulen, const char *local, size_t llen)
{
  size_t at = addr_at(user, ulen);
  return stralloc_catb(out, user, at)
      && (at && user[at - 1] == '!' ? 1 : stralloc_append(out, "-"))
      && stralloc_catb(out, local, llen)
      && stralloc_catb(out, user + at, ulen - at);
}

static int virtual_target(struct alias_lookup *l, stralloc *targets)
{
  stralloc user = {0};
  size_t n = targets->len && !targets->s[targets->len - 1] ? targets->len - 1 : targets->len;
  if (!stralloc_copyb(&user, targets->s, n)) return -1;
  targets->len = 0;
  int ok = aliases_virtual(targets, user.s, user.len, l->local.s, l->local.len) && stralloc_0(targets);
  stralloc_free(&user);
  return ok ? 1 : -1;
}

static int try_domain(struct alias_lookup *l, const char *domain, stralloc *targets)
{
  if (!stralloc_copys(&l->key, "@") || !stralloc_cats(&l->key, domain)) return -1;
  int r = cdb_lookup(l->path.s, l->key.s, l->key.len, targets);
  return r == 1 ? virtual_target(l, targets) : r;
}

static int lookup(struct alias_lookup *l, stralloc *targets)
{
  int r;
  if (l->cls < 0) return try_key(l, 0, targets);
  if (l->cls == DOMAIN_LOCAL) {
    if ((r = try_key(l, 0, targets))) return r;
    return try_domain(l, l->domain.s, targets);
  }
  if ((r = try_key(l, l->domain.s, targets))) return r;
  if (strcmp(l->canon.s, l->domain.s) && (r = try_key(l, l->canon.s, targets))) return r;
  if ((r = try_domain(l, l->domain.s, targets))) return r;
  if (strcmp(l->canon.s, l->domain.s)) return try_domain(l, l->canon.s, targets);
  return 0;
}

int aliases_lookup(const char *address, stralloc *targets)
{
  struct alias_lookup l = {0};
  struct addr a = {0};
  int r = -1;
  if (addr_parse(&a, address, strlen(address)) < 0 || (a.flags & ADDR_NULL)) { r = 0; goto out; }
  if (!home_path(&l.path, "etc/aliases.cdb")) goto nomem;
  if (!lower_copy(&l.local, a.local.s, a.local.len)) goto nomem;
  if (a.flags & ADDR_NODOMAIN) l.cls = -2;
  else {
    if (!domain_key(&l.domain, a.domain.s)) goto nomem;
    if ((l.cls = domain_class(l.domain.s, &l.canon)) < 0) goto out;
  }
  r = lookup(&l, targets);
  goto out;
nomem:
  errno = ENOMEM;
out:
  addr_free(&a);
  stralloc_free(&l.path);
  stralloc_free(&l.key);
  stralloc_free(&l.local);
  stralloc_free(&l.domain);
  stralloc_free(&l.canon);
  return r;
}
