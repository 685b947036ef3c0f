#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <openssl/err.h>
#include "tls.h"

#define PUMP_BUF 16384

struct pump {
  SSL *ssl;
  int app_r, app_w;
  char in[PUMP_BUF];      /* decrypted, on its way to app_w */
  size_t in_len, in_off;
  char out[PUMP_BUF];     /* from app_r, on its way into TLS */
  size_t out_len, out_off;
  int net_eof, app_eof;
  short net_r_ev, net_w_ev, app_r_ev, app_w_ev;
  int stall_ms;           /* a peer that reads nothing for this long is gone */
  char *why;
};

static void nonblock(int fd)
{
  int fl = fcntl(fd, F_GETFL);
  if (fl >= 0) fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

/* What OpenSSL wants before it can go on; -1 on a real failure. */
static int want(struct pump *p, int r)
{
  int err = SSL_get_error(p->ssl, r);
  if (err == SSL_ERROR_WANT_READ) { p->net_r_ev = POLLIN; return 0; }
  if (err == SSL_ERROR_WANT_WRITE) { p->net_w_ev = POLLOUT; return 0; }
  if (err == SSL_ERROR_ZERO_RETURN) { p->net_eof = 1; return 0; }
  if (err == SSL_ERROR_SYSCALL && !ERR_peek_error()) {
    if (r == 0 || !errno) { p->net_eof = 1; return 0; }
    snprintf(p->why, TLS_WHYLEN, "%s", strerror(errno));
    return -1;
  }
  tls_why_openssl(p->why, "TLS error");
  return -1;
}

/* Plaintext passed on is zeroed: it held passwords (a login over TLS,
 * tlsc's AUTH), and a session that goes on must not keep them. */
static void forget(char *buf, size_t *len, size_t *off)
{
  explicit_bzero(buf, *len);
  *len = *off = 0;
}

static void close_app_w(struct pump *p)
{
  if (p->app_w < 0) return;
  close(p->app_w);
  p->app_w = -1;
  forget(p->in, &p->in_len, &p->in_off);
}

/* Network to app. Returns 1 progress, 0 none, -1 failure. */
static int net_to_app(struct pump *p)
{
  int progress = 0;
  if (!p->net_eof && p->app_w >= 0 && p->in_len == 0) {
    int r;
    ERR_clear_error();
    errno = 0;
    r = SSL_read(p->ssl, p->in, sizeof p->in);
    if (r > 0) { p->in_len = (size_t)r; p->in_off = 0; progress = 1; }
    else if (want(p, r) < 0) return -1;
    else if (p->net_eof) progress = 1;
  }
  if (p->app_w >= 0 && p->in_off < p->in_len) {
    ssize_t w = write(p->app_w, p->in + p->in_off, p->in_len - p->in_off);
    if (w > 0) {
      p->in_off += (size_t)w;
      if (p->in_off == p->in_len) forget(p->in, &p->in_len, &p->in_off);
      progress = 1;
    } else if (errno == EAGAIN || errno == EINTR) p->app_w_ev = POLLOUT;
    else { close_app_w(p); progress = 1; }   /* the app stopped reading */
  }
  if (p->net_eof && p->in_len == 0 && p->app_w >= 0) { close_app_w(p); progress = 1; }
  return progress;
}

/* App to network. Returns 1 progress, 0 none, -1 failure. */
static int app_to_net(struct pump *p)
{
  int progress = 0;
  if (!p->app_eof && p->out_len == 0) {
    ssize_t r = read(p->app_r, p->out, sizeof p->out);
    if (r > 0) { p->out_len = (size_t)r; p->out_off = 0; progress = 1; }
    else if (r < 0 && (errno == EAGAIN || errno == EINTR)) p->app_r_ev = POLLIN;
    else { p->app_eof = 1; progress = 1; }
  }
  if (p->out_off < p->out_len) {
    int w;
    ERR_clear_error();
    errno = 0;
    w = SSL_write(p->ssl, p->out + p->out_off, (int)(p->out_len - p->out_off));
    if (w > 0) {
      p->out_off += (size_t)w;
      if (p->out_off == p->out_len) forget(p->out, &p->out_len, &p->out_off);
      progress = 1;
    } else if (want(p, w) < 0) return -1;
    else if (p->net_eof && !p->net_r_ev && !p->net_w_ev) {
      p->out_len = p->out_off = 0;   /* nobody left to read it */
      progress = 1;
    }
  }
  return progress;
}

/* Waiting to read is the app's business (it has its own timeouts);
 * waiting to write to a peer that stopped reading would block the app
 * for ever, so that wait is bounded. */
static int wait_events(struct pump *p)
{
  struct pollfd f[4];
  int n = 0, r;
  if (p->net_r_ev) { f[n].fd = SSL_get_rfd(p->ssl); f[n++].events = POLLIN; }
  if (p->net_w_ev) { f[n].fd = SSL_get_wfd(p->ssl); f[n++].events = POLLOUT; }
  if (p->app_r_ev) { f[n].fd = p->app_r; f[n++].events = POLLIN; }
  if (p->app_w_ev && p->app_w >= 0) { f[n].fd = p->app_w; f[n++].events = POLLOUT; }
  if (!n) return 0;
  r = poll(f, (nfds_t)n, p->net_w_ev && p->stall_ms > 0 ? p->stall_ms : -1);
  if (r < 0 && errno != EINTR) {
    snprintf(p->why, TLS_WHYLEN, "poll: %s", strerror(errno));
    return -1;
  }
  if (r == 0) {
    snprintf(p->why, TLS_WHYLEN, "peer stopped reading for %d seconds", p->stall_ms / 1000);
    return -1;
  }
  return 0;
}

int tls_pump(SSL *ssl, int app_r, int app_w, unsigned int stall, char *why)
{
  struct pump *p = calloc(1, sizeof *p);
  int rc = 0;
  if (!p) { snprintf(why, TLS_WHYLEN, "out of memory"); return -1; }
  p->ssl = ssl; p->app_r = app_r; p->app_w = app_w; p->why = why;
  p->stall_ms = stall > 86400 ? 86400000 : (int)stall * 1000;
  nonblock(app_r);
  nonblock(app_w);
  for (;;) {
    int a, b;
    p->net_r_ev = p->net_w_ev = p->app_r_ev = p->app_w_ev = 0;
    a = net_to_app(p);
    b = a < 0 ? 0 : app_to_net(p);
    if (a < 0 || b < 0) { rc = -1; break; }
    if (p->app_eof && p->out_len == 0) break;
    if (!a && !b && wait_events(p) < 0) { rc = -1; break; }
  }
  if (rc == 0) SSL_shutdown(ssl);   /* close_notify, best effort */
  close_app_w(p);
  free(p);
  return rc;
}
