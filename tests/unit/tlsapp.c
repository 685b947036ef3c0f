/* Unit tests for the application side of the UCSPI-TLS hand-off: the
 * descriptors from the environment, the request, and which variables
 * are believed afterwards. */
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>
#include "tap.h"
#include "tlsapp.h"

/* What a TLS program answers on the control socket, then the request
 * the application sent. */
static int handshake(struct tlsapp *t, const char *answer, size_t len, char *asked)
{
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) < 0) return -1;
  t->ctl = sv[0];
  if (write(sv[1], answer, len) != (ssize_t)len) return -1;
  shutdown(sv[1], SHUT_WR);
  int r = tlsapp_start(t, 2);
  *asked = 0;
  if (read(sv[1], asked, 1) != 1) *asked = '?';
  close(sv[0]); close(sv[1]);
  return r;
}

int main(void)
{
  struct tlsapp t;
  unsetenv("SSL_PROTOCOL");
  setenv("SSLCTLFD", "5", 1); setenv("SSLREADFD", "6", 1); setenv("SSLWRITEFD", "7", 1);
  tlsapp_env(&t);
  ok(t.ctl == 5 && t.rfd == 6 && t.wfd == 7 && !t.implicit, "the three descriptors are read");
  setenv("SSLREADFD", "6x", 1);
  tlsapp_env(&t);
  is_int(t.ctl, -1, "a bad data descriptor means no STARTTLS");
  setenv("SSLREADFD", "99999999", 1);
  tlsapp_env(&t);
  is_int(t.ctl, -1, "so does one out of range");
  unsetenv("SSLCTLFD"); unsetenv("SSLREADFD"); unsetenv("SSLWRITEFD");
  setenv("SSL_PROTOCOL", "TLSv1.3", 1);
  tlsapp_env(&t);
  ok(t.ctl == -1 && t.implicit, "SSL_PROTOCOL without descriptors: implicit TLS");

  /* A client-side variable set before the handshake must not survive it. */
  setenv("SSL_PEER_LOGIN", "root", 1);
  setenv("SSL_PEER_LOGIN_PROOF", "forged", 1);
  unsetenv("SSL_PROTOCOL");
  char asked;
  static const char vars[] = "SSL_PROTOCOL=TLSv1.3\0SSL_CIPHER=TLS_AES_128_GCM_SHA256\0PATH=/evil\0SSL_EMPTY=\0";
  is_int(handshake(&t, vars, sizeof vars, &asked), 1, "the handshake's variables are read");
  is_int(asked, 'Y', "after asking with Y");
  is_str(getenv("SSL_PROTOCOL"), "TLSv1.3", "SSL_PROTOCOL is set");
  is_str(getenv("TLS"), "TLSv1.3", "and TLS with it");
  is_str(getenv("SSL_CIPHER"), "TLS_AES_128_GCM_SHA256", "SSL_CIPHER is set");
  ok(!getenv("SSL_PEER_LOGIN") && !getenv("SSL_PEER_LOGIN_PROOF"), "variables from before the handshake are gone");
  ok(!getenv("PATH") || strcmp(getenv("PATH"), "/evil"), "only SSL_ variables are taken");
  ok(!getenv("SSL_EMPTY"), "an empty value sets nothing");

  static const char split[] = "SSL_PROTOCOL=TLSv1.2\0";   /* no ending empty pair */
  is_int(handshake(&t, split, sizeof split - 1, &asked), 0, "variables cut short by end of file: failed");
  is_int(handshake(&t, "", 0, &asked), 0, "no variables at all: failed");
  return done_testing();
}
