#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "account_mod.h"
#include "cdbw.h"
#include "die.h"
#include "home.h"
#include "pwfile.h"
#include "scan.h"
#include "userdb_rec.h"

static int set0(stralloc *sa, const char *s, size_t len)
{
  return stralloc_copyb(sa, s, len) && stralloc_0(sa) && (--sa->len, 1);
}

static int scan_id(const char *s, size_t len, unsigned long *out)
{
  return len && len < 12 && scan_ulong(s, out) == len && *out < 0xffffffffUL;
}

/* Does the comma-separated list hold an item named name (up to '=')? */
static int has_option(const char *list, size_t len, const char *name, size_t nlen)
{
  size_t pos = 0;
  while (pos < len) {
    const char *item = list + pos;
    const char *comma = memchr(item, ',', len - pos);
    size_t ilen = comma ? (size_t)(comma - item) : len - pos;
    pos += ilen + 1;
    const char *eq = memchr(item, '=', ilen);
    size_t n = eq ? (size_t)(eq - item) : ilen;
    if (n == nlen && !memcmp(item, name, n)) return 1;
  }
  return 0;
}

int account_merge_options(struct account *acct, const char *defaults,
                          const char *own, size_t ownlen)
{
  stralloc *o = &acct->options;
  o->len = 0;
  size_t dlen = defaults ? strlen(defaults) : 0, pos = 0;
  while (pos < dlen) {
    const char *item = defaults + pos;
    const char *comma = memchr(item, ',', dlen - pos);
    size_t ilen = comma ? (size_t)(comma - item) : dlen - pos;
    pos += ilen + 1;
    const char *eq = memchr(item, '=', ilen);
    size_t n = eq ? (size_t)(eq - item) : ilen;
    if (!ilen || has_option(own, ownlen, item, n)) continue;
    if ((o->len && !stralloc_append(o, ",")) || !stralloc_catb(o, item, ilen)) return 0;
  }
  if (ownlen && ((o->len && !stralloc_append(o, ",")) || !stralloc_catb(o, own, ownlen))) return 0;
  return stralloc_0(o) && (--o->len, 1);
}

int account_from_userdb(struct account *acct, const struct authconf *conf,
                        const char *address, const char *rec, size_t len)
{
  const char *v, *home;
  size_t vlen, homelen;
  unsigned long uid, gid;
  if (!userdb_field(rec, len, "uid", &v, &vlen) || !scan_id(v, vlen, &uid)
      || !userdb_field(rec, len, "gid", &v, &vlen) || !scan_id(v, vlen, &gid)
      || !userdb_field(rec, len, "home", &home, &homelen) || !homelen) {
    errno = EINVAL;
    return -1;
  }
  acct->uid = (uid_t)uid;
  acct->gid = (gid_t)gid;
  size_t alen = strlen(address);
  if (!set0(&acct->address, address, alen) || !set0(&acct->user, address, alen)
      || !set0(&acct->home, home, homelen)) goto nomem;
  if (userdb_field(rec, len, "mail", &v, &vlen) && vlen) {
    if (!set0(&acct->maildir, v, vlen)) goto nomem;
  } else if (!set0(&acct->maildir, home, homelen) || !stralloc_cats(&acct->maildir, "/Maildir")
             || !stralloc_0(&acct->maildir)) goto nomem;
  else --acct->maildir.len;
  if (!userdb_field(rec, len, "quota", &v, &vlen)) { v = ""; vlen = 0; }
  if (!set0(&acct->quota, v, vlen)) goto nomem;
  if (!userdb_field(rec, len, "options", &v, &vlen)) { v = ""; vlen = 0; }
  if (!account_merge_options(acct, authconf_get(conf, "DEFAULTOPTIONS"), v, vlen)) goto nomem;
  return 1;
nomem:
  errno = ENOMEM;
  return -1;
}

static int lookup_userdb(struct account *acct, const struct authconf *conf, const char *name)
{
  stralloc path = {0}, rec = {0}, key = {0};
  int r = -1;
  if (!home_path(&path, "etc/userdb.cdb") || !stralloc_copys(&key, name)) { errno = ENOMEM; goto out; }
  r = cdb_lookup(path.s, key.s, key.len, &rec);
  if (r == 0) {
    /* Domains are case-insensitive: try again with the domain folded. */
    char *at = memchr(key.s, '@', key.len);
    int changed = 0;
    for (char *p = at; p && p < key.s + key.len; ++p)
      if (*p >= 'A' && *p <= 'Z') { *p += 'a' - 'A'; changed = 1; }
    if (changed) r = cdb_lookup(path.s, key.s, key.len, &rec);
  }
  if (r == 1) {
    if (!stralloc_0(&key)) { errno = ENOMEM; r = -1; goto out; }
    r = account_from_userdb(acct, conf, key.s, rec.s, rec.len);
    if (r < 0 && errno == EINVAL) warn("userdb.cdb entry for ", key.s, " lacks uid, gid or home");
  }
out:
  free(path.s); free(rec.s); free(key.s);
  return r;
}

static int lookup_passwd(struct account *acct, const struct authconf *conf, const char *name)
{
  struct pwent pw = {0};
  int r = pwfile_lookup(&pw, authconf_get(conf, "AUTHPWD_PASSWD"), name);
  if (r == 1) {
    acct->uid = pw.uid;
    acct->gid = pw.gid;
    if (!set0(&acct->address, name, strlen(name)) || !set0(&acct->user, pw.name.s, pw.name.len)
        || !set0(&acct->home, pw.home.s, pw.home.len)
        || !set0(&acct->maildir, pw.home.s, pw.home.len) || !stralloc_cats(&acct->maildir, "/Maildir")
        || !stralloc_0(&acct->maildir) || !set0(&acct->quota, "", 0)
        || !account_merge_options(acct, authconf_get(conf, "DEFAULTOPTIONS"), "", 0)) {
      errno = ENOMEM;
      r = -1;
    } else {
      --acct->maildir.len;
    }
  }
  pwfile_free(&pw);
  return r;
}

/* Every module that can answer without a password. SQL and LDAP modules
 * join this table as clients of the authdaemon socket. */
static const struct {
  const char *name;
  int (*lookup)(struct account *, const struct authconf *, const char *);
} modules[] = {
  { "authuserdb", lookup_userdb },
  { "authpwd", lookup_passwd },
  { "authshadow", lookup_passwd },
  { "authpam", lookup_passwd },
};

int account_module_lookup(struct account *acct, const struct authconf *conf,
                          const char *module, const char *name)
{
  for (size_t i = 0; i < sizeof modules / sizeof modules[0]; ++i)
    if (!strcmp(modules[i].name, module)) return modules[i].lookup(acct, conf, name);
  return -2;
}

int account_lookup_conf(struct account *acct, const struct authconf *conf, const char *name)
{
  size_t pos = 0;
  const char *module;
  int r = 0;
  while (r == 0 && (module = authconf_module(conf, &pos))) {
    r = account_module_lookup(acct, conf, module, name);
    if (r == -2) { warn("unknown module in authmodulelist: ", module); r = 0; }
  }
  return r;
}

int account_lookup(struct account *acct, const char *name)
{
  struct authconf conf;
  if (!authconf_read(&conf)) return -1;
  int r = account_lookup_conf(acct, &conf, name);
  int e = errno;
  authconf_free(&conf);
  errno = e;
  return r;
}

int account_option(const struct account *acct, const char *name)
{
  const char *list = acct->options.s;
  size_t len = acct->options.len, pos = 0, nlen = strlen(name);
  while (list && pos < len) {
    const char *item = list + pos;
    const char *comma = memchr(item, ',', len - pos);
    size_t ilen = comma ? (size_t)(comma - item) : len - pos;
    pos += ilen + 1;
    if (ilen < nlen || memcmp(item, name, nlen)) continue;
    if (ilen == nlen) return 1;
    if (item[nlen] != '=') continue;
    /* name=1, name=yes: set; name=0, name=no, name=: not. */
    char c = ilen > nlen + 1 ? item[nlen + 1] : '0';
    return c == '1' || c == 'y' || c == 'Y';
  }
  return 0;
}

void account_free(struct account *acct)
{
  free(acct->address.s); free(acct->user.s); free(acct->home.s);
  free(acct->maildir.s); free(acct->quota.s); free(acct->options.s);
  memset(acct, 0, sizeof *acct);
}
