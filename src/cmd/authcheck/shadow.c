#include <errno.h>
#include <shadow.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "authcheck.h"
#include "account_mod.h"
#include "die.h"
#include "pwhash.h"

/* An account past its shadow(5) expiry date may not log in. */
static int expired(const struct spwd *sp)
{
  return sp->sp_expire > 0 && time(0) / 86400 >= sp->sp_expire;
}

static int verify(const struct authcheck *a, const struct spwd *sp)
{
  return !expired(sp) && pwhash_check(sp->sp_pwdp, a->secret, a->secretlen);
}

static int from_file(const struct authcheck *a, const char *file)
{
  FILE *f = fopen(file, "re");
  if (!f) { warn_sys("unable to read ", file); return -1; }
  char buf[4096];
  struct spwd sp, *res;
  int r = 0, e;
  while ((e = fgetspent_r(f, &sp, buf, sizeof buf, &res)) == 0)
    if (!strcmp(sp.sp_namp, a->acct.user.s)) { r = verify(a, &sp); break; }
  if (e && e != ENOENT) { errno = e; warn_sys("unable to read ", file); r = -1; }
  explicit_bzero(buf, sizeof buf);
  fclose(f);
  return r;
}

static int from_system(const struct authcheck *a)
{
  char buf[4096];
  struct spwd sp, *res = 0;
  errno = 0;
  int e = getspnam_r(a->acct.user.s, &sp, buf, sizeof buf, &res);
  int r;
  if (res) r = verify(a, res);
  else if (e == 0 || e == ENOENT) r = 0;
  else { errno = e; warn_sys("unable to read the shadow database"); r = -1; }
  explicit_bzero(buf, sizeof buf);
  return r;
}

int check_shadow(struct authcheck *a)
{
  if (a->cram || a->apop) return 0;
  int r = account_module_lookup(&a->acct, &a->conf, "authshadow", a->login);
  if (r <= 0) return r;
  const char *file = authconf_get(&a->conf, "AUTHSHADOW_SHADOW");
  return file ? from_file(a, file) : from_system(a);
}
