/* imap-login: the not-authenticated state of IMAP (RFC 3501 6.1, 6.2),
 * before any account is known. Never runs as root and never opens a
 * mailbox: authcheck checks the credentials and runs imapd, which
 * answers the authenticating command (doc/imap-login.8). */
#include <sys/prctl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "die.h"
#include "login_env.h"
#include "perip.h"
#include "scrub.h"
#include "imap-login/login.h"

#define LOGIN_TIMEOUT 60
#define MAX_FAILURES 3
#define MAX_BAD 10

static void setup(struct login *l, char **argv)
{
  imap_in_init(&l->in, 0, 1, (int)login_env_num("IMAP_LOGIN_TIMEOUT", LOGIN_TIMEOUT) * 1000);
  l->lim.line_max = 8192;
  l->lim.literal_max = 1024;
  l->lim.append_max = 0;
  l->lim.command_max = 16384;
  l->lim.depth_max = 4;
  /* Room for the largest command from the start, so a LOGIN is never
   * copied by realloc into memory that is freed without being wiped. */
  size_t most = l->lim.command_max + l->lim.literal_max + 1;
  if (!stralloc_ready(&l->cmd.raw, most) || !stralloc_ready(&l->cmd.strs, most + 64)) die_nomem();
  l->max_failures = login_env_num("IMAP_MAX_FAILURES", MAX_FAILURES);
  l->max_bad = MAX_BAD;
  l->tls_required = login_env_yes("IMAP_TLS_REQUIRED");
  l->capability = getenv("IMAP_CAPABILITY");
  l->capability_tls = getenv("IMAP_CAPABILITY_TLS");
  login_env_peer(&l->ip, l->hostname, sizeof l->hostname);
  l->postauth = argv + 2;   /* argv[1] names authcheck, found in command/ */
  tls_env(l);
}

static void bad(struct login *l, const char *status, const char *text)
{
  login_tagged(l, status, text);
  if (++l->bad >= l->max_bad) {
    log_line("too many errors ip=", l->ip);
    login_puts("* BYE Too many errors.\r\n");
    _exit(0);
  }
}

static struct imap_arg *next(struct login *l, struct imap_arg *a) { return a ? imap_argp(&l->cmd, a->next) : 0; }

static void cmd_login(struct login *l, struct imap_arg *a)
{
  struct imap_arg *user = a, *pass = next(l, a);
  if (!imap_is_string(user) || !imap_is_string(pass) || next(l, pass)) { bad(l, "BAD", "LOGIN takes a user and a password."); return; }
  if (!login_allowed(l)) { login_tagged(l, "NO", "[PRIVACYREQUIRED] Use STARTTLS first."); return; }
  auth_login(l, imap_str(&l->cmd, user), imap_str(&l->cmd, pass), pass->len);
}

static void cmd_authenticate(struct login *l, struct imap_arg *a)
{
  struct imap_arg *ir = next(l, a);
  if (!a || a->type != IMAP_ATOM || (ir && (ir->type != IMAP_ATOM || next(l, ir)))) {
    bad(l, "BAD", "AUTHENTICATE takes a mechanism and an optional initial response.");
    return;
  }
  if (!login_allowed(l)) { login_tagged(l, "NO", "[PRIVACYREQUIRED] Use STARTTLS first."); return; }
  const char *init = ir ? imap_str(&l->cmd, ir) : 0;
  if (init && !strcmp(init, "=")) init = "";
  auth_sasl(l, imap_str(&l->cmd, a), init);
}

static void command(struct login *l, const char *name, struct imap_arg *a)
{
  if (!strcasecmp(name, "CAPABILITY")) {
    login_puts("* CAPABILITY ");
    capa_write(l);
    login_puts("\r\n");
    login_tagged(l, "OK", "CAPABILITY completed.");
  } else if (!strcasecmp(name, "NOOP")) {
    login_tagged(l, "OK", "NOOP completed.");
  } else if (!strcasecmp(name, "LOGOUT")) {
    login_puts("* BYE Logging out.\r\n");
    login_tagged(l, "OK", "LOGOUT completed.");
    _exit(0);
  } else if (!strcasecmp(name, "ID")) {
    login_puts("* ID (\"name\" \"postern\")\r\n");
    login_tagged(l, "OK", "ID completed.");
  } else if (!strcasecmp(name, "STARTTLS")) {
    tls_starttls(l);
  } else if (!strcasecmp(name, "LOGIN")) {
    cmd_login(l, a);
  } else if (!strcasecmp(name, "AUTHENTICATE")) {
    cmd_authenticate(l, a);
  } else {
    bad(l, "BAD", "Not logged in.");
  }
}

static int cont(void *ctx)
{
  (void)ctx;
  login_puts("+ OK\r\n");
  return 0;
}

static void one(struct login *l)
{
  const char *err;
  stralloc tag = { 0 };
  int r = imap_read_command(&l->in, &l->cmd, &l->lim, cont, l);
  if (r == IMAP_READ_EOF) _exit(0);
  if (r == IMAP_READ_FATAL) { login_puts("* BYE Timeout or command too large.\r\n"); _exit(0); }
  imap_raw_tag(&l->cmd, &tag);
  l->tag = tag.s;
  if (r != IMAP_READ_OK) bad(l, "BAD", r == IMAP_READ_TOOLONG ? "Line too long." : "Literal too large.");
  else if (imap_parse(&l->cmd, l->lim.depth_max, &err) <= 0) bad(l, "BAD", err);
  else {
    struct imap_arg *t = imap_argp(&l->cmd, l->cmd.first), *c = next(l, t);
    if (!t || t->type != IMAP_ATOM || !strcmp(imap_str(&l->cmd, t), "*") || !c || c->type != IMAP_ATOM)
      bad(l, "BAD", "Missing tag or command.");
    else command(l, imap_str(&l->cmd, c), next(l, c));
  }
  l->tag = 0;
  stralloc_free(&tag);
  /* LOGIN's password, raw and parsed, is not kept for the next command. */
  explicit_bzero(l->cmd.raw.s, l->cmd.raw.a);
  explicit_bzero(l->cmd.strs.s, l->cmd.strs.a);
  scrub_stack();
}

int main(int argc, char **argv)
{
  static struct login l;
  PROG = "imap-login";
  if (getuid() == 0 || geteuid() == 0) die(100, "refusing to run as root");
  /* Every pre-auth session runs as the same user: one compromised
   * session must not trace another (its passwords, its TLS login). */
  if (prctl(PR_SET_DUMPABLE, 0) < 0) die_sys(111, "unable to make the process undumpable");
  if (argc < 3) die_usage("imap-login authcheck imapd");
  signal(SIGPIPE, SIG_IGN);
  setup(&l, argv);
  /* Inherited by authcheck and imapd, so the slot lasts as long as the
   * IMAP session, whichever process outlives the others. */
  if (perip_take("var/run/imap-perip", l.ip, login_env_num("MAXPERIP", 0), PERIP_INHERIT) == -1) {
    login_puts("* BYE [UNAVAILABLE] Too many connections from your address.\r\n");
    return 0;
  }
  login_puts("* OK [CAPABILITY ");
  capa_write(&l);
  login_puts("] postern IMAP ready.\r\n");
  for (;;) one(&l);
}
