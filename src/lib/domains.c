/* Domain classification over the compiled tables; see domains.h. */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "addr.h"
#include "cdbw.h"
#include "domains.h"
#include "home.h"
#include "ip6.h"
#include "me.h"

/* [IPv6:0:0::1] and [ipv6:::1] are one address: one key. */
static int literal6_canon(stralloc *key)
{
  char text[64], ip[16], out[IP6_FMT + 8];
  size_t n = key->len;
  if (n < 8 || memcmp(key->s, "[ipv6:", 6) || key->s[n - 1] != ']' || n - 7 >= sizeof text) return 1;
  memcpy(text, key->s + 6, n - 7);
  text[n - 7] = 0;
  if (scan_ip6(text, ip) != n - 7) return 1;
  size_t len = fmt_ip6(out, ip);
  return stralloc_copys(key, "[ipv6:") && stralloc_catb(key, out, len) && stralloc_cats(key, "]")
      && stralloc_0(key) && (--key->len, 1);
}

int domain_key(stralloc *key, const char *domain)
{
  if (!stralloc_copys(key, domain) || !stralloc_0(key)) return 0;
  --key->len;
  addr_domain_canon(key);
  return literal6_canon(key);
}

int domain_table_lookup(const char *table, const char *domain, stralloc *value)
{
  stralloc path = {0}, key = {0};
  int r = -1;
  if (!home_path(&path, table) || !domain_key(&key, domain)) { errno = ENOMEM; goto out; }
  r = cdb_lookup(path.s, key.s, key.len, value);
  /* ".rest" for each shorter suffix: a.b.c tries .b.c then .c */
  for (size_t i = 1; r == 0 && i < key.len; ++i)
    if (key.s[i] == '.' && i + 1 < key.len)
      r = cdb_lookup(path.s, key.s + i, key.len - i, value);
out:
  stralloc_free(&path);
  stralloc_free(&key);
  return r;
}

int domain_class(const char *domain, stralloc *canonical)
{
  stralloc value = {0};
  int r = domain_table_lookup("etc/locals.cdb", domain, &value);
  int cls = DOMAIN_LOCAL;
  if (r == 1 && value.len == 1 && value.s[0] == '@') cls = DOMAIN_HOSTED;
  if (r == 0) {
    r = domain_table_lookup("etc/hosteddomains.cdb", domain, &value);
    cls = DOMAIN_HOSTED;
  }
  if (r < 0) { stralloc_free(&value); return -1; }
  if (r == 0) cls = DOMAIN_FOREIGN;
  int ok = (cls == DOMAIN_HOSTED && value.len && value.s[0] != '@')
      ? domain_key(canonical, value.s) : domain_key(canonical, domain);
  stralloc_free(&value);
  if (!ok) { errno = ENOMEM; return -1; }
  return cls;
}

int domain_accepted(const char *domain)
{
  stralloc path = {0}, value = {0};
  if (!home_path(&path, "etc/esmtpacceptmailfor.cdb")) { errno = ENOMEM; return -1; }
  int exists = access(path.s, F_OK) == 0;
  stralloc_free(&path);
  int r;
  if (exists) r = domain_table_lookup("etc/esmtpacceptmailfor.cdb", domain, &value);
  else if ((r = me_name(&value)) > 0) {
    stralloc key = {0};
    if (!domain_key(&key, domain)) { errno = ENOMEM; r = -1; }
    else r = !strcmp(key.s, value.s);
    stralloc_free(&key);
  }
  stralloc_free(&value);
  return r;
}
