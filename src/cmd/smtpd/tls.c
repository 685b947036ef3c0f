/* STARTTLS through the UCSPI-TLS hand-off (doc/INTERFACES.md section 6):
 * the TLS program in front of smtpd does the cryptography; smtpd asks
 * for it on SSLCTLFD and then talks through SSLREADFD/SSLWRITEFD. */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "die.h"
#include "smtpd.h"

/* Reads NAME=value\0 pairs up to the empty one. 1 done, 0 the
 * handshake failed (end of file) or timed out. */
static int read_vars(int fd, unsigned timeout, stralloc *vars)
{
  vars->len = 0;
  for (;;) {
    /* Done when an empty pair follows the pairs read so far. */
    size_t pos = 0;
    while (pos < vars->len) {
      char *nul = memchr(vars->s + pos, 0, vars->len - pos);
      if (!nul) break;
      if (nul == vars->s + pos) return 1;
      pos = (size_t)(nul - vars->s) + 1;
    }
    struct pollfd p = { fd, POLLIN, 0 };
    int r = poll(&p, 1, timeout ? (int)timeout * 1000 : -1);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return 0;
    if (!stralloc_readyplus(vars, 4096)) die_nomem();
    ssize_t n = read(fd, vars->s + vars->len, 4096);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return 0;
    vars->len += (size_t)n;
  }
}

static void export_vars(const stralloc *vars)
{
  for (size_t pos = 0; pos < vars->len;) {
    const char *pair = vars->s + pos;
    size_t n = strlen(pair);
    if (!n) break;
    const char *eq = strchr(pair, '=');
    if (eq && eq > pair && !strncmp(pair, "SSL_", 4)) {
      stralloc name = { 0, 0, 0 };
      if (!stralloc_copyb(&name, pair, (size_t)(eq - pair)) || !stralloc_0(&name)) die_nomem();
      if (eq[1]) setenv(name.s, eq + 1, 1);
      stralloc_free(&name);
    }
    pos += n + 1;
  }
  const char *proto = getenv("SSL_PROTOCOL");
  if (proto) setenv("TLS", proto, 1);
}

void smtp_starttls(struct session *s, const char *arg)
{
  const struct smtp_config *c = s->cfg;
  if (c->tls_ctl < 0 || s->tls) { reply(s, "502 5.5.1 STARTTLS is not available"); return; }
  if (*arg) { reply(s, "501 5.5.4 STARTTLS takes no argument"); return; }
  reply(s, "220 2.0.0 Ready to start TLS");
  out_flush(s);
  /* Plaintext pipelined after STARTTLS is an injection attempt (RFC 3207 6). */
  in_discard(&s->in);
  stralloc vars = { 0, 0, 0 };
  if (write(c->tls_ctl, "Y", 1) != 1 || !read_vars(c->tls_ctl, c->timeout, &vars)) {
    /* The TLS program has logged why the handshake failed. */
    s->quit = 1;
    stralloc_free(&vars);
    return;
  }
  export_vars(&vars);
  stralloc_free(&vars);
  s->in.fd = c->tls_rfd;
  s->in.eof = 0;
  s->out.fd = c->tls_wfd;
  s->tls = 1;
  /* RFC 3207 4.2: the client starts over with EHLO. */
  transaction_reset(s);
  s->seen_helo = s->esmtp = s->authed = 0;
  s->helo.len = s->authuser.len = 0;
  log_line("starttls ip=", c->remoteip, " proto=", getenv("SSL_PROTOCOL") ? getenv("SSL_PROTOCOL") : "?");
}
