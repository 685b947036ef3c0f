#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <unistd.h>
#include "conn.h"
#include "tls.h"

static int wait_fd(int fd, short events, int timeout)
{
  struct pollfd p = { .fd = fd, .events = events };
  for (;;) {
    int r = poll(&p, 1, timeout * 1000);
    if (r > 0) return 0;
    if (r == 0) { errno = ETIMEDOUT; return -1; }
    if (errno != EINTR) return -1;
  }
}

int conn_open(struct conn *c, const char *ip, int is6, unsigned short port, int timeout)
{
  c->fd = socket(is6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (c->fd < 0) return -1;
  c->ssl = 0;
  c->inpos = c->inlen = 0;
  c->out.len = 0;
  c->port = port;
  int r;
  if (is6) {
    struct sockaddr_in6 sa = { .sin6_family = AF_INET6, .sin6_port = htons(port) };
    memcpy(&sa.sin6_addr, ip, 16);
    inet_ntop(AF_INET6, ip, c->peer_ip, sizeof c->peer_ip);
    r = connect(c->fd, (struct sockaddr *)&sa, sizeof sa);
  } else {
    struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons(port) };
    memcpy(&sa.sin_addr, ip, 4);
    inet_ntop(AF_INET, ip, c->peer_ip, sizeof c->peer_ip);
    r = connect(c->fd, (struct sockaddr *)&sa, sizeof sa);
  }
  if (r < 0 && errno == EINPROGRESS) {
    int err = 0;
    socklen_t len = sizeof err;
    if (wait_fd(c->fd, POLLOUT, timeout) < 0) goto fail;
    if (getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &err, &len) < 0) goto fail;
    if (err) { errno = err; goto fail; }
    r = 0;
  }
  if (r < 0) goto fail;
  return 0;
fail:
  { int e = errno; close(c->fd); c->fd = -1; errno = e; }
  return -1;
}

void conn_close(struct conn *c)
{
  if (c->ssl) { SSL_shutdown(c->ssl); SSL_free(c->ssl); c->ssl = 0; }
  if (c->ctx) { SSL_CTX_free(c->ctx); c->ctx = 0; }
  if (c->fd >= 0) close(c->fd);
  c->fd = -1;
  c->inpos = c->inlen = 0;
  c->out.len = 0;
}

void conn_put(struct conn *c, const char *s, size_t len)
{
  if (!stralloc_catb(&c->out, s, len)) c->out.len = 0;
}

void conn_puts(struct conn *c, const char *s)
{
  conn_put(c, s, strlen(s));
}

/* One TLS or plain I/O step, waiting for readiness as OpenSSL asks. */
static ssize_t io_step(struct conn *c, int writing, char *buf, size_t len)
{
  for (;;) {
    if (!c->ssl) {
      ssize_t r = writing ? write(c->fd, buf, len) : read(c->fd, buf, len);
      if (r >= 0) return r;
      if (errno == EINTR) continue;
      if (errno != EAGAIN) return -1;
      if (wait_fd(c->fd, writing ? POLLOUT : POLLIN, c->timeout) < 0) return -1;
      continue;
    }
    int r = writing ? SSL_write(c->ssl, buf, (int)len) : SSL_read(c->ssl, buf, (int)len);
    if (r > 0) return r;
    int e = SSL_get_error(c->ssl, r);
    if (e == SSL_ERROR_ZERO_RETURN) return 0;
    if (e == SSL_ERROR_WANT_READ) { if (wait_fd(c->fd, POLLIN, c->timeout) < 0) return -1; continue; }
    if (e == SSL_ERROR_WANT_WRITE) { if (wait_fd(c->fd, POLLOUT, c->timeout) < 0) return -1; continue; }
    errno = EPROTO;
    return -1;
  }
}

int conn_flush(struct conn *c)
{
  size_t done = 0;
  while (done < c->out.len) {
    ssize_t r = io_step(c, 1, c->out.s + done, c->out.len - done);
    if (r <= 0) { c->out.len = 0; if (r == 0) errno = EPIPE; return -1; }
    done += (size_t)r;
  }
  c->out.len = 0;
  return 0;
}

int conn_getline(struct conn *c, stralloc *line)
{
  line->len = 0;
  for (;;) {
    while (c->inpos < c->inlen) {
      char ch = c->in[c->inpos++];
      if (ch == '\n') {
        if (line->len && line->s[line->len - 1] == '\r') --line->len;
        return 1;
      }
      if (line->len < 4096 && !stralloc_append(line, &ch)) return -1;
    }
    ssize_t r = io_step(c, 0, c->in, sizeof c->in);
    if (r < 0) return -1;
    if (r == 0) return 0;
    c->inpos = 0;
    c->inlen = (size_t)r;
  }
}

int conn_pending(const struct conn *c)
{
  return c->inpos < c->inlen;
}

int conn_starttls(struct conn *c, const char *verify_ca, const char *verify_host,
                  int min_version, stralloc *why)
{
  struct tls_conf conf = {
    .trustcerts = verify_ca,
    .min_version = min_version,
    .verify = verify_ca ? TLS_VERIFY_REQUIRE : TLS_VERIFY_NONE,
    .timeout = (unsigned)c->timeout,
  };
  char reason[TLS_WHYLEN];
  char name[300];
  const char *servername = 0;
  /* An address-literal route is checked against the address itself. */
  if (verify_host) {
    const char *h = verify_host;
    size_t n = strlen(h);
    if (h[0] == '[' && n > 2) { ++h; n -= 2; }
    if (n > 5 && !strncasecmp(h, "IPv6:", 5)) { h += 5; n -= 5; }
    if (n >= sizeof name) n = sizeof name - 1;
    memcpy(name, h, n);
    name[n] = 0;
    servername = name;
  } else if (!verify_ca && c->peer_name.len && c->peer_name.s[0] != '[') {
    stralloc_0(&c->peer_name);
    --c->peer_name.len;
    servername = c->peer_name.s;     /* SNI only: nothing is verified */
  }
  c->ctx = tls_ctx_client(&conf, reason);
  if (!c->ctx) { stralloc_copys(why, reason); return -1; }
  c->inpos = c->inlen = 0;   /* anything the peer sent before TLS is discarded */
  c->ssl = tls_connect(c->ctx, c->fd, c->fd, servername, conf.timeout, reason);
  if (!c->ssl) {
    stralloc_copys(why, reason);
    return -1;
  }
  return 0;
}
