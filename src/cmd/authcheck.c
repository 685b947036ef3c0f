/* authcheck: the one gate to accounts (doc/INTERFACES.md section 4).
 * Credentials on fd 3, checkpassword style; installed setuid root, so
 * nothing from the environment is trusted but AUTHCHECK_* and the TLS
 * program's SSL_PEER_LOGIN. */
#include <errno.h>
#include <sys/stat.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "authcheck/authcheck.h"
#include "buffer.h"
#include "die.h"
#include "exitcode.h"
#include "fmt.h"
#include "home.h"
#include "pwhash.h"
#include "scan.h"

#define USAGE "authcheck prog [arg ...] | authcheck -c | authcheck -p | authcheck -l address | authcheck -C [host]"

#define UNKNOWN_USER_HASH "$6$saltsaltsaltsalt$nozu4aSZ9tvfyqr8kV.PwuNYpJaa6RCOb1XRcivY.S4HEWnm/pcZbgbhIR2EeRNbUrMigQuyF/KzM9qzoEvpz0"

static const char *const services[] = { "esmtp", "pop3", "imap", "webmail", "login", 0 };

static void setup(struct authcheck *a)
{
  const char *s = getenv("AUTHCHECK_SERVICE");
  a->service = (s && *s) ? s : "login";
  int known = 0;
  for (int i = 0; services[i]; ++i) known |= !strcmp(services[i], a->service);
  if (!known) die(EXIT_PERM, "unknown AUTHCHECK_SERVICE: ", a->service);
  const char *m = getenv("AUTHCHECK_MECH");
  a->mech = m ? m : "";
  a->cram = !strcmp(a->mech, "CRAM-MD5");
  a->apop = !strcmp(a->mech, "APOP");
  a->external = !strcmp(a->mech, "EXTERNAL");
  if (!a->cram && !a->apop && !a->external && *a->mech && strcmp(a->mech, "PLAIN") && strcmp(a->mech, "LOGIN"))
    die(EXIT_PERM, "unknown AUTHCHECK_MECH: ", a->mech);
  if (a->change && (a->cram || a->apop || a->external)) die(EXIT_PERM, "a password change needs a password");
  if (!authconf_read(&a->conf)) die_sys(EXIT_TEMP, "unable to read etc/authdaemonrc");
}

/* A login name as it goes into a log line: bounded. */
struct shown { char s[101]; };
static struct shown shown(const char *login)
{
  struct shown b;
  size_t n = strlen(login);
  if (n > 100) n = 100;
  memcpy(b.s, login, n);
  b.s[n] = 0;
  return b;
}

_Noreturn static void refuse(const struct authcheck *a, const char *why)
{
  log_line("login failed service=", a->service, " user=", shown(a->login ? a->login : "").s, " ", why);
  unsigned long delay = 2;
  const char *d = authconf_get(&a->conf, "AUTHFAILDELAY");
  if (d) scan_ulong(d, &delay);
  if (delay > 30) delay = 30;
  if (delay) sleep((unsigned)delay);
  _exit(1);
}

static void read_credentials(struct authcheck *a)
{
  int r = creds_read(a, 3);
  if (r < 0) die_sys(EXIT_TEMP, "unable to read credentials on fd 3");
  if (r == 0) refuse(a, "reason=credentials-too-long");
  if (!creds_split(a)) refuse(a, "reason=malformed-credentials");
  if (a->external) {
    const char *peer = getenv("SSL_PEER_LOGIN");
    if (!peer || !*peer) refuse(a, "reason=no-verified-certificate");
    if (*a->login && strcmp(a->login, peer)) refuse(a, "reason=login-not-certificate");
    a->login = peer;
    const char *why = 0;
    int r = external_proven(peer, &why);
    if (r < 0) die_sys(EXIT_TEMP, "unable to read var/authcheck/key");
    if (r == 0) refuse(a, why);
  }
  if (a->cram || a->apop) {
    struct authkey k;
    const char *why = 0;
    if (authkey_load(&k, 1) < 0) die_sys(EXIT_TEMP, "unable to read var/authcheck/key");
    int r = challenge_check(&k, a->challenge, a->challengelen, time(0), &why);
    explicit_bzero(&k, sizeof k);
    if (r == 0) refuse(a, why);
  }
}

/* -C: a challenge for CRAM-MD5 or an APOP greeting. */
static int mint(const char *host)
{
  struct authkey k;
  stralloc c = {0};
  if (authkey_load(&k, 1) < 0) die_sys(EXIT_TEMP, "unable to read var/authcheck/key");
  if (challenge_mint(&k, host, time(0), &c) < 0) die_sys(EXIT_TEMP, "unable to make a challenge");
  explicit_bzero(&k, sizeof k);
  buffer_put(buffer_1, c.s, c.len);
  buffer_puts(buffer_1, "\n");
  if (buffer_flush(buffer_1) < 0) die_sys(EXIT_TEMP, "unable to write output");
  free(c.s);
  return 0;
}

static void accept_checks(struct authcheck *a)
{
  char name[32] = "disable";
  size_t n = strlen(a->service);
  memcpy(name + 7, a->service, n + 1);
  if (account_option(&a->acct, name)) refuse(a, "reason=account-option");
  if (a->acct.uid == 0) refuse(a, "reason=uid-0");
  if (a->acct.gid == 0) refuse(a, "reason=gid-0");
}

/* Setuid: the caller's loader variables must not reach the account's
 * program, and its root is the one authcheck is installed in. */
static void clean_environment(void)
{
  extern char **environ;
  if (getuid() == geteuid() && getgid() == getegid()) return;
  for (size_t i = 0; environ && environ[i];) {
    if (!strncmp(environ[i], "LD_", 3)) {
      char name[256];
      size_t n = strcspn(environ[i], "=");
      if (n >= sizeof name) n = sizeof name - 1;
      memcpy(name, environ[i], n);
      name[n] = 0;
      unsetenv(name);
    } else {
      ++i;
    }
  }
  if (setenv("POSTERN_HOME", postern_home(), 1) < 0) die_nomem();
}

/* Who may see an account's fields through -l: callers with no
 * privilege to gain (authcheck not setuid for them), root, and the
 * owner of queue/ (QUEUEUSER). Others learn whether it exists. */
static int may_see_fields(void)
{
  uid_t r = getuid();
  if (r == geteuid() || r == 0) return 1;
  stralloc q = {0};
  struct stat st;
  int ok = home_path(&q, "queue") && stat(q.s, &st) == 0 && st.st_uid == r;
  free(q.s);
  return ok;
}

static int lookup(const char *name)
{
  struct account acct = {0};
  int r = account_lookup(&acct, name);
  if (r < 0) die_sys(EXIT_TEMP, "unable to look up ", name);
  if (r == 0) { account_free(&acct); return EXIT_PERM; }
  if (!may_see_fields()) { account_free(&acct); return 0; }
  char u[FMT_ULONG], g[FMT_ULONG];
  u[fmt_ulong(u, acct.uid)] = 0;
  g[fmt_ulong(g, acct.gid)] = 0;
  const char *lines[][2] = {
    { "ADDRESS", acct.address.s }, { "USER", acct.user.s }, { "UID", u }, { "GID", g },
    { "HOME", acct.home.s }, { "MAILDIR", acct.maildir.s }, { "QUOTA", acct.quota.s },
    { "OPTIONS", acct.options.s },
  };
  for (size_t i = 0; i < sizeof lines / sizeof lines[0]; ++i)
    buffer_putm(buffer_1, lines[i][0], "=", lines[i][1], "\n");
  if (buffer_flush(buffer_1) < 0) die_sys(EXIT_TEMP, "unable to write output");
  account_free(&acct);
  return 0;
}

static int finish(struct authcheck *a, int code)
{
  authconf_free(&a->conf);
  account_free(&a->acct);
  return code;
}

int main(int argc, char **argv)
{
  PROG = "authcheck";
  struct authcheck a;
  memset(&a, 0, sizeof a);
  if (argc < 2) die_usage(USAGE);
  if (!strcmp(argv[1], "-l")) {
    if (argc != 3) die_usage(USAGE);
    return lookup(argv[2]);
  }
  if (!strcmp(argv[1], "-C")) {
    if (argc > 3) die_usage(USAGE);
    return mint(argc == 3 ? argv[2] : 0);
  }
  int check_only = !strcmp(argv[1], "-c");
  a.change = !strcmp(argv[1], "-p");
  if ((check_only || a.change) && argc != 2) die_usage(USAGE);
  if (!check_only && !a.change && argv[1][0] == '-') die_usage(USAGE);
  setup(&a);
  read_credentials(&a);

  if (a.change) {
    int r = change_password(&a);
    if (r == 1) refuse(&a, "reason=bad-password");
    if (r == 0) log_line("password changed service=", a.service, " user=", shown(a.acct.address.s).s);
    else log_line("password not changed service=", a.service, " user=", shown(a.login).s, r == 100 ? " reason=not-changeable" : " reason=temporary-failure");
    return finish(&a, r);
  }
  int r = check_all(&a);
  if (r < 0) {
    log_line("login deferred service=", a.service, " user=", shown(a.login).s, " reason=temporary-failure");
    return finish(&a, EXIT_TEMP);
  }
  if (r == 0) {
    /* An unknown login costs what a known one does, so the time of a
     * refusal does not tell which logins exist. */
    if (!a.acct.address.len && (a.cram || a.apop)) digest_unknown(&a);
    else if (!a.acct.address.len && !a.external)
      (void)pwhash_check(UNKNOWN_USER_HASH, a.secret, a.secretlen);
    refuse(&a, "reason=bad-credentials");
  }
  if (a.cram || a.apop) {
    /* A challenge is used up by the login it grants: the same pair
     * never grants another, while a client that mistyped may retry. */
    int used = challenge_use(a.challenge, a.challengelen, time(0));
    if (used < 0) die_sys(EXIT_TEMP, "unable to record the challenge in var/authcheck/used");
    if (used == 0) refuse(&a, "reason=replayed-challenge");
  }
  accept_checks(&a);
  log_line("login ok service=", a.service, " user=", shown(a.acct.address.s).s, " module=", a.module);
  if (check_only) return finish(&a, 0);

  /* The credentials stay behind: the account's program gets neither
   * the descriptor nor the bytes. */
  close(3);
  explicit_bzero(a.input, sizeof a.input);
  clean_environment();
  if (!session_env(&a)) die_nomem();
  session_drop(&a);
  if (chdir(a.acct.home.s) < 0) die_sys(EXIT_TEMP, "unable to chdir to ", a.acct.home.s);
  execvp(argv[1], argv + 1);
  die_sys(EXIT_TEMP, "unable to run ", argv[1]);
}
