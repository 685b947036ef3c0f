/* pop3-login: the AUTHORIZATION state of POP3 (RFC 1939, 2449, 5034,
 * 2595), before any account is known. Never runs as root and never
 * opens a mailbox: authcheck checks the credentials and runs pop3d. */
#include <sys/prctl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "authcall.h"
#include "die.h"
#include "login_env.h"
#include "perip.h"
#include "pop3cmd.h"
#include "scrub.h"
#include "pop3-login/login.h"

#define LOGIN_TIMEOUT 60   /* seconds; POP3_LOGIN_TIMEOUT overrides */
#define MAX_FAILURES 3
#define MAX_BAD 10

/* APOP's greeting timestamp when APOP is among the mechanisms. */
static void make_stamp(struct login *l)
{
  const char *p = l->mechs ? strcasestr(l->mechs, "APOP") : 0;
  if (!p || (p != l->mechs && !strchr(" \t,", p[-1])) || (p[4] && !strchr(" \t,", p[4]))) return;
  /* authcheck mints it and accepts it once, for a few minutes: a
   * digest seen on the wire cannot be replayed. Without one, no APOP. */
  stralloc st = {0};
  if (authcall_challenge(&st, l->hostname) && st.len < sizeof l->stamp) memcpy(l->stamp, st.s, st.len + 1);
  stralloc_free(&st);
}

static void setup(struct login *l, char **argv)
{
  l->timeout = login_env_num("POP3_LOGIN_TIMEOUT", LOGIN_TIMEOUT);
  l->max_failures = login_env_num("POP3_MAX_FAILURES", MAX_FAILURES);
  l->max_bad = MAX_BAD;
  l->mechs = getenv("POP3AUTH");
  l->mechs_tls = getenv("POP3AUTH_TLS");
  l->tls_required = login_env_yes("POP3_TLS_REQUIRED");
  login_env_peer(&l->ip, l->hostname, sizeof l->hostname);
  l->postauth = argv + 2;   /* argv[1] names authcheck, found in command/ */
  tls_env(l);
  make_stamp(l);
}

static int may_login(struct login *l)
{
  if (l->tls || !l->tls_required) return 1;
  log_line("refused ip=", l->ip, " reason=tls required");
  login_reply("-ERR [AUTH] TLS required: use STLS first.");
  return 0;
}

static void bad_input(struct login *l, const char *text)
{
  login_reply(text);
  if (++l->bad >= l->max_bad) {
    log_line("too many errors ip=", l->ip);
    login_reply("-ERR Too many errors.");
    _exit(0);
  }
}

static void command(struct login *l, char *line, size_t len)
{
  struct pop3_cmd c;
  char err[128];
  pop3_parse(&c, line, len);
  switch (c.verb) {
  case POP3_USER:
    if (!may_login(l)) break;
    stralloc_copyb(&l->user, c.rest, c.rest_len);
    login_reply("+OK Password required.");
    break;
  case POP3_PASS: if (may_login(l)) auth_pass(l, c.rest, c.rest_len); break;
  case POP3_APOP: if (may_login(l)) auth_apop(l, c.arg[0], c.arg[1]); break;
  case POP3_AUTH:
    if (!c.nargs) mechs_send(l);
    else if (may_login(l)) auth_sasl(l, c.arg[0], c.nargs > 1 ? c.arg[1] : 0);
    break;
  case POP3_CAPA: capa_send(l); break;
  case POP3_STLS: tls_start(l); break;
  case POP3_QUIT: login_reply("+OK Bye-bye."); _exit(0);
  case POP3_BAD:
    snprintf(err, sizeof err, "-ERR %s.", c.err);
    bad_input(l, err);
    break;
  case POP3_UNKNOWN: bad_input(l, "-ERR Unknown command."); break;
  default: bad_input(l, "-ERR Not logged in."); break;
  }
}

int main(int argc, char **argv)
{
  static struct login l;
  char line[POP3_LINE_MAX + 2];
  size_t len;
  PROG = "pop3-login";
  if (getuid() == 0 || geteuid() == 0) die(100, "refusing to run as root");
  /* Every pre-auth session runs as the same user: one compromised
   * session must not trace another (its passwords, its TLS login). */
  if (prctl(PR_SET_DUMPABLE, 0) < 0) die_sys(111, "unable to make the process undumpable");
  if (argc < 3) die_usage("pop3-login authcheck pop3d [maildir]");
  signal(SIGPIPE, SIG_IGN);
  setup(&l, argv);
  /* pop3-login waits for pop3d, so its own descriptor holds the slot
   * for the whole session. */
  if (perip_take("var/run/pop3-perip", l.ip, login_env_num("MAXPERIP", 0), 0) == -1) {
    login_reply("-ERR [SYS/TEMP] Too many connections from your address.");
    return 0;
  }
  if (*l.stamp) {
    char greet[200];
    snprintf(greet, sizeof greet, "+OK Hello there. %s", l.stamp);
    login_reply(greet);
  } else {
    login_reply("+OK Hello there.");
  }
  for (;;) {
    int r = login_read_line(&l, line, sizeof line, &len);
    if (r < 0) { log_line("timeout ip=", l.ip); login_reply("-ERR Timeout."); return 0; }
    if (r == 0) return 0;
    if (r == 2) bad_input(&l, "-ERR Line too long.");
    else command(&l, line, len);
    explicit_bzero(line, sizeof line);   /* PASS left a password here */
    scrub_stack();
  }
}
