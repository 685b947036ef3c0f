/* STARTTLS (RFC 3501 6.2.1) through the UCSPI-TLS hand-off (tlsapp.h):
 * the TLS program does the handshake, this program asks for it and then
 * talks through the descriptors it gave. */
#include <unistd.h>
#include "die.h"
#include "login.h"

void tls_env(struct login *l)
{
  tlsapp_env(&l->tlsio);
  l->tls = l->tlsio.implicit;
}

void tls_starttls(struct login *l)
{
  if (l->tlsio.ctl < 0 || l->tls) { login_tagged(l, "BAD", "STARTTLS not available."); return; }
  login_tagged(l, "OK", "Begin TLS negotiation now.");
  /* Input was read one byte at a time: nothing sent after STARTTLS was
   * consumed, and fd 0 is never read again. */
  imap_in_drop(&l->in);
  if (!tlsapp_start(&l->tlsio, 0)) {
    log_line("tls failed ip=", l->ip);
    _exit(0);
  }
  if (!tlsapp_to_stdio(&l->tlsio)) die_sys(111, "unable to switch to the TLS descriptors");
  l->tls = 1;
}
