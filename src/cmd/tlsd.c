/* tlsd: the TLS side of postern's servers, run by tcpserver in front of
 * smtpd, pop3-login or imap-login (UCSPI-TLS, doc/INTERFACES.md 6). */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "die.h"
#include "exitcode.h"
#include "scan.h"
#include "tls.h"
#include "ucspitls.h"

struct tlsd {
  struct tls_conf conf;
  SSL_CTX *ctx;
  const char *ip;
  char **argv;
  char why[TLS_WHYLEN];
  stralloc vars;
  stralloc line;
};

static void nonblock(int fd)
{
  int fl = fcntl(fd, F_GETFL);
  if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0) die_sys(EXIT_TEMP, "unable to set the socket nonblocking");
}

/* Started as root (to read a key only root may read), tlsd becomes
 * $UID/$GID, as envuidgid sets them, before it touches the network. */
static void drop_root(void)
{
  const char *u = getenv("UID"), *g = getenv("GID");
  unsigned long uid, gid;
  if (geteuid() != 0) return;
  if (!u || !g || !scan_ulong(u, &uid) || !scan_ulong(g, &gid) || !uid)
    die(EXIT_PERM, "refusing to run as root: set UID and GID (envuidgid) or run tcpserver with -u/-g");
  if (setgroups(1, (gid_t[]){ (gid_t)gid }) < 0 || setgid((gid_t)gid) < 0 || setuid((uid_t)uid) < 0)
    die_sys(EXIT_TEMP, "unable to drop privileges");
}

static void setup(struct tlsd *t)
{
  const char *why = 0;
  if (!tls_conf_env(&t->conf, &why)) die(EXIT_TEMP, why);
  if (t->conf.floor_raised) warn("TLS_PROTOCOL below TLSv1.2 ignored: TLS 1.2 is the oldest accepted");
  t->ctx = tls_ctx_server(&t->conf, t->why);
  if (!t->ctx) die(EXIT_TEMP, "unable to set up TLS: ", t->why);
  drop_root();
  t->ip = getenv("TCPREMOTEIP");
  if (!t->ip) t->ip = "unknown";
}

/* The one line every handshake leaves, success or failure. */
static SSL *handshake(struct tlsd *t)
{
  SSL *ssl;
  nonblock(0);
  nonblock(1);
  ssl = tls_accept(t->ctx, 0, 1, t->conf.timeout, t->why);
  if (!ssl) {
    log_line("tls failed ip=", t->ip, " reason=", t->why);
    return 0;
  }
  if (!tls_vars(&t->vars, ssl, t->conf.external) || !tls_vars_summary(&t->line, &t->vars)) die_nomem();
  log_line("tls ok ip=", t->ip, " ", t->line.s);
  return ssl;
}

static int pump(struct tlsd *t, SSL *ssl, struct ucspitls_child *c)
{
  if (tls_pump(ssl, c->app_r, c->app_w, t->why) < 0)
    log_line("tls ended ip=", t->ip, " reason=", t->why);
  c->app_w = -1;   /* tls_pump closed it */
  SSL_free(ssl);
  return ucspitls_finish(c);
}

static int implicit(struct tlsd *t)
{
  struct ucspitls_child c;
  SSL *ssl = handshake(t);
  if (!ssl) return EXIT_PERM;
  if (!ucspitls_spawn_plain(&c, t->argv, &t->vars, 0, 1)) die_sys(EXIT_TEMP, "unable to start ", t->argv[0]);
  return pump(t, ssl, &c);
}

static int starttls(struct tlsd *t)
{
  struct ucspitls_child c;
  SSL *ssl;
  int cmd;
  if (!ucspitls_spawn_ctl(&c, t->argv)) die_sys(EXIT_TEMP, "unable to start ", t->argv[0]);
  cmd = ucspitls_wait_command(c.ctl);
  if (cmd != 'Y' && cmd != 'y') {
    if (cmd > 0) warn("unknown command on the control socket from ", t->argv[0]);
    else if (cmd < 0) warn_sys("unable to read the control socket");
    return ucspitls_finish(&c);
  }
  ssl = handshake(t);
  if (!ssl) {
    ucspitls_finish(&c);
    return EXIT_PERM;
  }
  if (cmd == 'Y' && !ucspitls_send_vars(c.ctl, &t->vars)) warn_sys("unable to pass the TLS variables");
  if (cmd == 'y') close(c.ctl);
  c.ctl = -1;
  return pump(t, ssl, &c);
}

int main(int argc, char **argv)
{
  struct tlsd t = { 0 };
  int mode_starttls = 0, opt;
  PROG = "tlsd";
  while ((opt = getopt(argc, argv, "+s")) != -1) {
    if (opt == 's') mode_starttls = 1;
    else die_usage("tlsd [-s] program [arg ...]");
  }
  if (optind >= argc) die_usage("tlsd [-s] program [arg ...]");
  t.argv = argv + optind;
  signal(SIGPIPE, SIG_IGN);
  setup(&t);
  return mode_starttls ? starttls(&t) : implicit(&t);
}
