#include <errno.h>
#include <grp.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "authcheck.h"
#include "die.h"
#include "fmt.h"

static int put(const char *name, const char *value)
{
  if (value && *value) return setenv(name, value, 1) == 0;
  unsetenv(name);
  return 1;
}

int session_env(const struct authcheck *a)
{
  const struct account *acct = &a->acct;
  /* Spent: it vouched for this login, and the account needs it no more. */
  unsetenv("SSL_PEER_LOGIN_PROOF");
  return put("USER", acct->user.s) && put("HOME", acct->home.s)
      && put("MAILDIR", acct->maildir.s) && put("MAILDIRQUOTA", acct->quota.s)
      && put("AUTHENTICATED", acct->address.s) && put("AUTHADDR", acct->address.s)
      && put("OPTIONS", acct->options.s);
}

static char *num(char *buf, unsigned long n)
{
  buf[fmt_ulong(buf, n)] = 0;
  return buf;
}

/* System accounts keep their supplementary groups (the system's group
 * database knows them); virtual accounts have none. */
static int set_groups(const struct authcheck *a)
{
  int system_db = a->module && strcmp(a->module, "authuserdb") && !authconf_get(&a->conf, "AUTHPWD_PASSWD");
  if (system_db) return initgroups(a->acct.user.s, a->acct.gid);
  return setgroups(1, &a->acct.gid);
}

void session_drop(const struct authcheck *a)
{
  char u[FMT_ULONG], g[FMT_ULONG];
  uid_t uid = a->acct.uid;
  gid_t gid = a->acct.gid;
  if (geteuid() == 0) {
    if (set_groups(a) < 0 || setgid(gid) < 0 || setuid(uid) < 0)
      die_sys(111, "unable to switch to uid ", num(u, uid), " gid ", num(g, gid));
  } else if (uid != geteuid() || uid != getuid() || gid != getegid() || gid != getgid()) {
    die(111, "unable to switch to uid ", num(u, uid), " gid ", num(g, gid), ": not running as root");
  }
  if (getuid() != uid || geteuid() != uid || getgid() != gid || getegid() != gid)
    die(111, "unable to switch to uid ", num(u, uid), " gid ", num(g, gid));
}
