/* STLS (RFC 2595) through the UCSPI-TLS hand-off (tlsapp.h): the TLS
 * program does the handshake, this program only asks for it and then
 * talks through the descriptors it was given. */
#include <unistd.h>
#include "die.h"
#include "login.h"

void tls_start(struct login *l)
{
  if (l->tlsio.ctl < 0 || l->tls) { login_reply("-ERR STLS not available."); return; }
  login_reply("+OK Begin TLS negotiation.");
  /* Input was read byte by byte: nothing pipelined after STLS was
   * consumed, and fd 0 is never read again. */
  if (!tlsapp_start(&l->tlsio, 0)) {
    log_line("tls failed ip=", l->ip);
    _exit(0);
  }
  if (!tlsapp_to_stdio(&l->tlsio)) die_sys(111, "unable to switch to the TLS descriptors");
  l->tls = 1;
  l->user.len = 0;   /* RFC 2595: forget everything said before */
}

int tls_env(struct login *l)
{
  tlsapp_env(&l->tlsio);
  l->tls = l->tlsio.implicit;
  return l->tls;
}
