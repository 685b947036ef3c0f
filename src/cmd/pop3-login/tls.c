/* STLS (RFC 2595) through the UCSPI-TLS hand-off of doc/INTERFACES.md
 * section 6: the TLS program does the handshake, this program only asks
 * for it and then talks through the descriptors it was given. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "die.h"
#include "stralloc.h"
#include "login.h"

/* Reads NAME=value\0 pairs up to an empty one; 0 on EOF first. */
static int read_vars(int fd, stralloc *vars)
{
  char buf[512];
  vars->len = 0;
  for (;;) {
    ssize_t n = read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return 0;
    if (!stralloc_catb(vars, buf, (size_t)n)) return 0;
    /* Done when a NUL ends an empty pair: "\0" first, or "\0\0". */
    if (vars->s[0] == 0) return 1;
    for (size_t i = 1; i < vars->len; ++i)
      if (vars->s[i] == 0 && vars->s[i - 1] == 0) return 1;
    if (vars->len > 65536) return 0;
  }
}

static void export_vars(stralloc *vars)
{
  for (char *p = vars->s; p < vars->s + vars->len && *p; p += strlen(p) + 1) {
    char *eq = strchr(p, '=');
    if (!eq || strncmp(p, "SSL_", 4)) continue;
    *eq = 0;
    if (eq[1]) setenv(p, eq + 1, 1);
    *eq = '=';
  }
  const char *proto = getenv("SSL_PROTOCOL");
  if (proto && *proto) setenv("TLS", proto, 1);
}

static void clear_ssl_env(void)
{
  static const char *const names[] = {
    "SSL_PROTOCOL", "SSL_CIPHER", "SSL_TLS_SNI_SERVERNAME", "SSL_PEER_CERT_SUBJECT",
    "SSL_PEER_CERT_HASH", "SSL_PEER_EMAIL", "SSL_PEER_LOGIN", "SSL_PEER_LOGIN_PROOF", "TLS", 0
  };
  for (int i = 0; names[i]; ++i) unsetenv(names[i]);
}

void tls_start(struct login *l)
{
  if (l->ctlfd < 0 || l->tls) { login_reply("-ERR STLS not available."); return; }
  login_reply("+OK Begin TLS negotiation.");
  /* Input was read byte by byte: nothing pipelined after STLS was
   * consumed, and fd 0 is never read again. */
  clear_ssl_env();
  stralloc vars = {0};
  if (write(l->ctlfd, "Y", 1) != 1 || !read_vars(l->ctlfd, &vars)) {
    log_line("tls failed ip=", l->ip);
    _exit(0);
  }
  export_vars(&vars);
  stralloc_free(&vars);
  if (dup2(l->readfd, 0) < 0 || dup2(l->writefd, 1) < 0) die_sys(111, "unable to switch to the TLS descriptors");
  if (l->readfd > 1) close(l->readfd);
  if (l->writefd > 1) close(l->writefd);
  close(l->ctlfd);
  l->ctlfd = -1;
  l->tls = 1;
  l->user.len = 0;   /* RFC 2595: forget everything said before */
  unsetenv("SSLCTLFD");
  unsetenv("SSLREADFD");
  unsetenv("SSLWRITEFD");
}

static int fd_from(const char *name)
{
  const char *v = getenv(name);
  if (!v || !*v) return -1;
  char *end;
  long n = strtol(v, &end, 10);
  return (*end || n < 0 || n > 1024) ? -1 : (int)n;
}

int tls_env(struct login *l)
{
  l->ctlfd = fd_from("SSLCTLFD");
  l->readfd = fd_from("SSLREADFD");
  l->writefd = fd_from("SSLWRITEFD");
  if (l->readfd < 0 || l->writefd < 0) l->ctlfd = -1;
  const char *proto = getenv("SSL_PROTOCOL");
  l->tls = proto && *proto && l->ctlfd < 0;
  return l->tls;
}
