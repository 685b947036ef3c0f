#include <fcntl.h>
#include <unistd.h>
#include "die.h"
#include "exitcode.h"
#include "peerproof.h"
#include "tls.h"
#include "ucspitls.h"

static void nonblock(int fd)
{
  int fl = fcntl(fd, F_GETFL);
  if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) < 0) die_sys(EXIT_TEMP, "unable to set the socket nonblocking");
}

/* SSL_PEER_LOGIN_PROOF: this process vouches for the login it verified,
 * for its own children only (peerproof.h). 0 out of memory. */
static int prove(struct tls_run *r)
{
  const char *login = tls_vars_get(&r->vars, "SSL_PEER_LOGIN");
  unsigned long long start;
  pid_t parent;
  if (!r->key || !login || !*login) return 1;
  if (!proc_start(getpid(), &start, &parent)) { warn_sys("unable to read /proc/self/stat"); return 1; }
  stralloc proof = {0};
  int ok = peerproof_make(r->key, login, getpid(), start, &proof)
        && stralloc_cats(&r->vars, "SSL_PEER_LOGIN_PROOF=") && stralloc_cat(&r->vars, &proof) && stralloc_0(&r->vars);
  stralloc_free(&proof);
  return ok;
}

/* The one line every handshake leaves, success or failure. */
static SSL *handshake(struct tls_run *r)
{
  SSL *ssl;
  nonblock(r->net_r);
  nonblock(r->net_w);
  ssl = r->client ? tls_connect(r->ctx, r->net_r, r->net_w, r->servername, r->timeout, r->why)
                  : tls_accept(r->ctx, r->net_r, r->net_w, r->timeout, r->why);
  if (!ssl) {
    log_line("tls failed ", r->peer, " reason=", r->why);
    return 0;
  }
  if (!tls_vars(&r->vars, ssl, r->external) || !prove(r) || !tls_vars_summary(&r->line, &r->vars)) die_nomem();
  log_line("tls ok ", r->peer, " ", r->line.s);
  return ssl;
}

void tls_run_init(struct tls_run *r, int client)
{
  struct tls_conf conf;
  const char *why = 0;
  if (!tls_conf_env(&conf, &why)) die(EXIT_TEMP, why);
  if (conf.floor_raised) warn("TLS_PROTOCOL below TLSv1.2 ignored: TLS 1.2 is the oldest accepted");
  r->ctx = client ? tls_ctx_client(&conf, r->why) : tls_ctx_server(&conf, r->why);
  if (!r->ctx) die(EXIT_TEMP, "unable to set up TLS: ", r->why);
  r->client = client;
  r->external = conf.external;
  r->timeout = conf.timeout;
  r->stall = conf.stall;
  /* tcpserver hands a server the socket on 0/1, tcpclient a client on 6/7. */
  r->net_r = r->app_rfd = client ? 6 : 0;
  r->net_w = r->app_wfd = client ? 7 : 1;
}

void tls_run_free(struct tls_run *r)
{
  SSL_CTX_free(r->ctx);
  r->ctx = 0;
  stralloc_free(&r->vars);
  stralloc_free(&r->line);
}

static int pump(struct tls_run *r, SSL *ssl, struct ucspitls_child *c)
{
  if (tls_pump(ssl, c->app_r, c->app_w, r->stall, r->why) < 0)
    log_line("tls ended ", r->peer, " reason=", r->why);
  c->app_w = -1;   /* tls_pump closed it */
  SSL_free(ssl);
  return ucspitls_finish(c);
}

int tls_run_implicit(struct tls_run *r)
{
  struct ucspitls_child c;
  SSL *ssl = handshake(r);
  if (!ssl) return EXIT_PERM;
  if (!ucspitls_spawn_plain(&c, r->argv, &r->vars, r->app_rfd, r->app_wfd))
    die_sys(EXIT_TEMP, "unable to start ", r->argv[0]);
  return pump(r, ssl, &c);
}

int tls_run_starttls(struct tls_run *r)
{
  struct ucspitls_child c;
  SSL *ssl;
  int cmd;
  if (!ucspitls_spawn_ctl(&c, r->argv)) die_sys(EXIT_TEMP, "unable to start ", r->argv[0]);
  cmd = ucspitls_wait_command(c.ctl);
  if (cmd != 'Y' && cmd != 'y') {
    if (cmd > 0) warn("unknown command on the control socket from ", r->argv[0]);
    else if (cmd < 0) warn_sys("unable to read the control socket");
    return ucspitls_finish(&c);
  }
  ssl = handshake(r);
  if (!ssl) {
    ucspitls_finish(&c);
    return EXIT_PERM;
  }
  if (cmd == 'Y' && !ucspitls_send_vars(c.ctl, &r->vars)) warn_sys("unable to pass the TLS variables");
  if (cmd == 'y') close(c.ctl);
  c.ctl = -1;
  return pump(r, ssl, &c);
}
