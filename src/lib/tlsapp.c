#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "scan.h"
#include "stralloc.h"
#include "tlsapp.h"

static int fd_var(const char *name)
{
  const char *v = getenv(name);
  unsigned long n;
  if (!v || !*v || scan_ulong(v, &n) != strlen(v) || n > 65535) return -1;
  return (int)n;
}

void tlsapp_env(struct tlsapp *t)
{
  t->ctl = fd_var("SSLCTLFD");
  t->rfd = fd_var("SSLREADFD");
  t->wfd = fd_var("SSLWRITEFD");
  if (t->rfd < 0 || t->wfd < 0) t->ctl = -1;
  const char *proto = getenv("SSL_PROTOCOL");
  t->implicit = t->ctl < 0 && proto && *proto;
}

/* What a TLS program may set: none of it is believed from before. */
static void clear_vars(void)
{
  static const char *const names[] = {
    "SSL_PROTOCOL", "SSL_CIPHER", "SSL_TLS_SNI_SERVERNAME", "SSL_PEER_CERT_SUBJECT",
    "SSL_PEER_CERT_HASH", "SSL_PEER_EMAIL", "SSL_PEER_LOGIN", "SSL_PEER_LOGIN_PROOF", "TLS", 0
  };
  for (int i = 0; names[i]; ++i) unsetenv(names[i]);
}

/* 1 when vars holds pairs ended by an empty one. */
static int complete(const stralloc *vars)
{
  for (size_t pos = 0; pos < vars->len;) {
    const char *nul = memchr(vars->s + pos, 0, vars->len - pos);
    if (!nul) return 0;
    if (nul == vars->s + pos) return 1;
    pos = (size_t)(nul - vars->s) + 1;
  }
  return 0;
}

static int read_vars(int fd, unsigned timeout, stralloc *vars)
{
  while (!complete(vars)) {
    struct pollfd p = { fd, POLLIN, 0 };
    int r = poll(&p, 1, timeout ? (int)timeout * 1000 : -1);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0 || vars->len > 65536 || !stralloc_readyplus(vars, 4096)) return 0;
    ssize_t n = read(fd, vars->s + vars->len, 4096);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return 0;
    vars->len += (size_t)n;
  }
  return 1;
}

static void export_vars(stralloc *vars)
{
  for (char *p = vars->s; p < vars->s + vars->len && *p; p += strlen(p) + 1) {
    char *eq = strchr(p, '=');
    if (!eq || eq == p || strncmp(p, "SSL_", 4)) continue;
    *eq = 0;
    if (eq[1]) setenv(p, eq + 1, 1);
    *eq = '=';
  }
  const char *proto = getenv("SSL_PROTOCOL");
  if (proto && *proto) setenv("TLS", proto, 1);
}

int tlsapp_start(const struct tlsapp *t, unsigned timeout)
{
  stralloc vars = {0};
  clear_vars();
  int ok = write(t->ctl, "Y", 1) == 1 && read_vars(t->ctl, timeout, &vars);
  if (ok) export_vars(&vars);
  stralloc_free(&vars);
  return ok;
}

int tlsapp_to_stdio(struct tlsapp *t)
{
  if (dup2(t->rfd, 0) < 0 || dup2(t->wfd, 1) < 0) return 0;
  if (t->rfd > 1) close(t->rfd);
  if (t->wfd > 1) close(t->wfd);
  close(t->ctl);
  t->ctl = t->rfd = t->wfd = -1;
  unsetenv("SSLCTLFD");
  unsetenv("SSLREADFD");
  unsetenv("SSLWRITEFD");
  return 1;
}
