#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "authcheck.h"
#include "account_mod.h"
#include "cdbw.h"
#include "die.h"
#include "home.h"
#include "pwfile.h"
#include "pwhash.h"
#include "userdb_rec.h"

/* The account's password record from userdbshadow.cdb: 1, 0 none, -1. */
static int userdb_secrets(const struct account *acct, stralloc *rec)
{
  stralloc path = {0};
  if (!home_path(&path, "etc/userdbshadow.cdb")) { errno = ENOMEM; return -1; }
  int r = cdb_lookup(path.s, acct->address.s, acct->address.len, rec);
  if (r < 0) warn_sys("unable to read ", path.s);
  free(path.s);
  return r;
}

/* userdb(8): SERVICEpw (imappw, pop3pw ...) wins over systempw. */
static int userdb_password_ok(const struct authcheck *a, const stralloc *rec)
{
  stralloc name = {0}, hash = {0};
  int ok = 0;
  if (stralloc_copys(&name, a->service) && stralloc_cats(&name, "pw") && stralloc_0(&name)) {
    if (userdb_field_sa(rec->s, rec->len, name.s, &hash) || userdb_field_sa(rec->s, rec->len, "systempw", &hash))
      ok = pwhash_check(hash.s, a->secret, a->secretlen);
  }
  free(name.s);
  free(hash.s);
  return ok;
}

/* Stand-ins that make a digest check cost what a real one does, when
 * the login or its secret is unknown; they match nothing that counts. */
#define DUMMY_HMACMD5PW "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
#define DUMMY_APOPPW "no-such-secret"

/* CRAM-MD5 or APOP against the record's secret (or a stand-in). */
static int digest_ok(const struct authcheck *a, const stralloc *rec, stralloc *secret)
{
  const char *field = a->cram ? "hmac-md5pw" : "apoppw";
  int have = rec && userdb_field_sa(rec->s, rec->len, field, secret);
  int ok = a->cram
    ? hmacmd5pw_check(have ? secret->s : DUMMY_HMACMD5PW, a->challenge, a->challengelen, a->secret)
    : apoppw_check(have ? secret->s : DUMMY_APOPPW, have ? secret->len : sizeof DUMMY_APOPPW - 1,
                   a->challenge, a->challengelen, a->secret);
  return have && ok;
}

void digest_unknown(struct authcheck *a)
{
  stralloc path = {0}, rec = {0}, secret = {0};
  if (home_path(&path, "etc/userdbshadow.cdb")) (void)cdb_lookup(path.s, a->login, strlen(a->login), &rec);
  (void)digest_ok(a, 0, &secret);
  free(path.s);
  free(rec.s);
  free(secret.s);
}

int check_userdb(struct authcheck *a)
{
  int r = account_module_lookup(&a->acct, &a->conf, "authuserdb", a->login);
  if (r <= 0) return r;
  stralloc rec = {0}, secret = {0};
  r = userdb_secrets(&a->acct, &rec);
  if (r == 1) {
    if (a->cram || a->apop)
      r = digest_ok(a, &rec, &secret);
    else
      r = userdb_password_ok(a, &rec);
  }
  if (rec.s) explicit_bzero(rec.s, rec.a);
  if (secret.s) explicit_bzero(secret.s, secret.a);
  free(rec.s);
  free(secret.s);
  return r;
}

int check_pwd(struct authcheck *a)
{
  if (a->cram || a->apop) return 0;
  int r = account_module_lookup(&a->acct, &a->conf, "authpwd", a->login);
  if (r <= 0) return r;
  struct pwent pw = {0};
  r = pwfile_lookup(&pw, authconf_get(&a->conf, "AUTHPWD_PASSWD"), a->login);
  if (r == 1) r = pwhash_check(pw.passwd.s, a->secret, a->secretlen);
  pwfile_free(&pw);
  return r;
}

/* Without a password: the first module that knows the account. */
static int lookup_only(struct authcheck *a, const char *module)
{
  return account_module_lookup(&a->acct, &a->conf, module, a->login);
}

static const struct {
  const char *name;
  int (*check)(struct authcheck *);
} checkers[] = {
  { "authuserdb", check_userdb },
  { "authpwd", check_pwd },
  { "authshadow", check_shadow },
  { "authpam", check_pam },
};

static int check_one(struct authcheck *a, const char *module)
{
  if (a->external) {
    int r = lookup_only(a, module);
    return r == -2 ? 0 : r;
  }
  for (size_t i = 0; i < sizeof checkers / sizeof checkers[0]; ++i)
    if (!strcmp(checkers[i].name, module)) return checkers[i].check(a);
  warn("unknown module in authmodulelist: ", module);
  return 0;
}

int check_all(struct authcheck *a)
{
  size_t pos = 0;
  const char *module;
  while ((module = authconf_module(&a->conf, &pos))) {
    int r = check_one(a, module);
    const char *debug = authconf_get(&a->conf, "DEBUG_LOGIN");
    if (debug && strcmp(debug, "0"))
      log_line("debug: ", module, r == 1 ? ": accepted" : r == 0 ? ": refused" : ": temporary failure");
    if (r == 1) { a->module = module; return 1; }
    if (r < 0) return -1;
  }
  return 0;
}
