/* STARTTLS through the UCSPI-TLS hand-off (tlsapp.h): the TLS program
 * in front of smtpd does the cryptography; smtpd asks for it on
 * SSLCTLFD and then talks through SSLREADFD/SSLWRITEFD. */
#include <stdlib.h>
#include "die.h"
#include "smtpd.h"

void smtp_starttls(struct session *s, const char *arg)
{
  const struct smtp_config *c = s->cfg;
  if (c->tls.ctl < 0 || s->tls) { reply(s, "502 5.5.1 STARTTLS is not available"); return; }
  if (*arg) { reply(s, "501 5.5.4 STARTTLS takes no argument"); return; }
  reply(s, "220 2.0.0 Ready to start TLS");
  out_flush(s);
  /* Plaintext pipelined after STARTTLS is an injection attempt (RFC 3207 6). */
  in_discard(&s->in);
  if (!tlsapp_start(&c->tls, c->timeout)) {
    /* The TLS program has logged why the handshake failed. */
    s->quit = 1;
    return;
  }
  s->in.fd = c->tls.rfd;
  s->in.eof = 0;
  s->out.fd = c->tls.wfd;
  s->tls = 1;
  /* RFC 3207 4.2: the client starts over with EHLO. */
  transaction_reset(s);
  s->seen_helo = s->esmtp = s->authed = 0;
  s->helo.len = s->authuser.len = 0;
  log_line("starttls ip=", c->remoteip, " proto=", getenv("SSL_PROTOCOL") ? getenv("SSL_PROTOCOL") : "?");
}
