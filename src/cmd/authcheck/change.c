#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "authcheck.h"
#include "cdbw.h"
#include "die.h"
#include "home.h"
#include "pwhash.h"
#include "userdb_rec.h"
#include "userdb_src.h"

/* The new fields: systempw, and hmac-md5pw when the account had one, so
 * CRAM-MD5 keeps working with the new password. */
static int new_fields(const struct authcheck *a, stralloc *args)
{
  stralloc hash = {0}, path = {0}, rec = {0};
  int ok = pwhash_make(&hash, 0, a->newpw)
        && stralloc_copys(args, "systempw=") && stralloc_cat(args, &hash) && stralloc_0(args)
        && home_path(&path, "etc/userdbshadow.cdb");
  const char *v;
  size_t vlen;
  if (ok && cdb_lookup(path.s, a->acct.address.s, a->acct.address.len, &rec) == 1
      && userdb_field(rec.s, rec.len, "hmac-md5pw", &v, &vlen))
    ok = hmacmd5pw_make(&hash, a->newpw, a->newpwlen)
      && stralloc_cats(args, "hmac-md5pw=") && stralloc_cat(args, &hash) && stralloc_0(args);
  if (rec.s) explicit_bzero(rec.s, rec.a);
  free(hash.s); free(path.s); free(rec.s);
  return ok;
}

static int rewrite(const struct authcheck *a, const stralloc *args)
{
  stralloc src = {0}, file = {0}, cdb = {0}, shadow = {0}, err = {0};
  int r = 111;
  if (!home_path(&src, "etc/userdb") || !home_path(&cdb, "etc/userdb.cdb")
      || !home_path(&shadow, "etc/userdbshadow.cdb")) { warn("out of memory"); goto out; }
  if (userdb_lock() < 0) { warn_sys("unable to lock ", src.s); goto out; }
  int found = userdb_src_find(src.s, a->acct.address.s, &file);
  if (found < 0) { warn_sys("unable to read ", src.s); goto out; }
  if (found == 0) { warn(a->acct.address.s, " is in userdb.cdb but not in ", src.s); r = 100; goto out; }
  if (userdb_edit(file.s, a->acct.address.s, USERDB_SET, args->s, args->len) < 0) {
    warn_sys("unable to rewrite ", file.s);
    goto out;
  }
  int c = userdb_compile(src.s, cdb.s, shadow.s, &err);
  if (c == 0) warn("password changed in ", file.s, " but not compiled: ", err.s);
  else if (c < 0) warn_sys("password changed in ", file.s, " but not compiled");
  else r = 0;
out:
  free(src.s); free(file.s); free(cdb.s); free(shadow.s); free(err.s);
  return r;
}

int change_password(struct authcheck *a)
{
  int r = check_userdb(a);
  if (r < 0) return 111;
  if (r == 0) return 1;
  a->module = "authuserdb";
  if (!strcmp(a->service, "webmail") && account_option(&a->acct, "wbnochangepass")) return 100;
  if (strchr(a->newpw, '\n') || strchr(a->newpw, '|')) return 100;
  stralloc args = {0};
  if (!new_fields(a, &args)) { warn_sys("unable to hash the new password"); free(args.s); return 111; }
  r = rewrite(a, &args);
  explicit_bzero(args.s, args.a);
  free(args.s);
  return r;
}
