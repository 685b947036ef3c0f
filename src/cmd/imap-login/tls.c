/* STARTTLS (RFC 3501 6.2.1) through the UCSPI-TLS hand-off of
 * doc/INTERFACES.md section 6: the TLS program does the handshake, this
 * program asks for it and then talks through the descriptors it gave. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "die.h"
#include "login.h"

static int env_fd(const char *name)
{
  const char *v = getenv(name);
  char *end;
  if (!v || !*v) return -1;
  long n = strtol(v, &end, 10);
  return *end || n < 0 || n > 1024 ? -1 : (int)n;
}

void tls_env(struct login *l)
{
  l->ctlfd = env_fd("SSLCTLFD");
  l->readfd = env_fd("SSLREADFD");
  l->writefd = env_fd("SSLWRITEFD");
  if (l->readfd < 0 || l->writefd < 0) l->ctlfd = -1;
  const char *proto = getenv("SSL_PROTOCOL");
  l->tls = l->ctlfd < 0 && proto && *proto;
}

/* The NAME=value\0 pairs after the handshake, up to an empty one, set
 * in the environment (SSL_* only). 0 when the handshake failed. */
static int take_vars(int fd)
{
  stralloc v = { 0 };
  char buf[512];
  int done = 0;
  while (!done) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0 || !stralloc_catb(&v, buf, (size_t)n) || v.len > 65536) { stralloc_free(&v); return 0; }
    done = v.s[0] == 0;
    for (size_t i = 1; i < v.len && !done; ++i) done = !v.s[i] && !v.s[i - 1];
  }
  for (char *p = v.s; p < v.s + v.len && *p; p += strlen(p) + 1) {
    char *eq = strchr(p, '=');
    if (!eq || strncmp(p, "SSL_", 4)) continue;
    *eq = 0;
    if (eq[1]) setenv(p, eq + 1, 1);
  }
  stralloc_free(&v);
  const char *proto = getenv("SSL_PROTOCOL");
  if (proto && *proto) setenv("TLS", proto, 1);
  return 1;
}

void tls_starttls(struct login *l)
{
  if (l->ctlfd < 0 || l->tls) { login_tagged(l, "BAD", "STARTTLS not available."); return; }
  login_tagged(l, "OK", "Begin TLS negotiation now.");
  /* Input was read one byte at a time: nothing sent after STARTTLS was
   * consumed, and fd 0 is never read again. */
  imap_in_drop(&l->in);
  static const char *const old[] = { "SSL_PROTOCOL", "SSL_CIPHER", "SSL_TLS_SNI_SERVERNAME",
    "SSL_PEER_CERT_SUBJECT", "SSL_PEER_CERT_HASH", "SSL_PEER_EMAIL", "SSL_PEER_LOGIN", "SSL_PEER_LOGIN_PROOF",
    "TLS", 0 };
  for (int i = 0; old[i]; ++i) unsetenv(old[i]);
  if (write(l->ctlfd, "Y", 1) != 1 || !take_vars(l->ctlfd)) {
    log_line("tls failed ip=", l->ip);
    _exit(0);
  }
  if (dup2(l->readfd, 0) < 0 || dup2(l->writefd, 1) < 0) die_sys(111, "unable to switch to the TLS descriptors");
  if (l->readfd > 1) close(l->readfd);
  if (l->writefd > 1) close(l->writefd);
  close(l->ctlfd);
  l->ctlfd = -1;
  l->tls = 1;
  unsetenv("SSLCTLFD");
  unsetenv("SSLREADFD");
  unsetenv("SSLWRITEFD");
}
