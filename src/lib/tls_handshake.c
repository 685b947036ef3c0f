#include <errno.h>
#include <poll.h>
#include <string.h>
#include <time.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>
#include "tls.h"

static long long now_ms(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Why a handshake step failed, in words an admin can act on. */
static void why_failed(SSL *ssl, int r, int err, int saved_errno, char *why)
{
  long v = SSL_get_verify_result(ssl);
  if (err == SSL_ERROR_SYSCALL && !ERR_peek_error()) {
    if (r == 0 || !saved_errno) snprintf(why, TLS_WHYLEN, "peer closed the connection during the handshake");
    else snprintf(why, TLS_WHYLEN, "%s", strerror(saved_errno));
    return;
  }
  if (err == SSL_ERROR_ZERO_RETURN) {
    snprintf(why, TLS_WHYLEN, "peer closed the connection during the handshake");
    return;
  }
  tls_why_openssl(why, "handshake failed");
  if (v != X509_V_OK) {
    size_t n = strlen(why);
    snprintf(why + n, TLS_WHYLEN - n, ": %s", X509_verify_cert_error_string(v));
  }
}

static int handshake(SSL *ssl, int rfd, int wfd, unsigned int timeout, char *why)
{
  long long deadline = now_ms() + (long long)timeout * 1000;
  for (;;) {
    struct pollfd p;
    long long left;
    int r, err, e;
    ERR_clear_error();
    errno = 0;
    r = SSL_do_handshake(ssl);
    if (r == 1) return 1;
    e = errno;
    err = SSL_get_error(ssl, r);
    if (err == SSL_ERROR_WANT_READ) { p.fd = rfd; p.events = POLLIN; }
    else if (err == SSL_ERROR_WANT_WRITE) { p.fd = wfd; p.events = POLLOUT; }
    else { why_failed(ssl, r, err, e, why); return 0; }
    left = deadline - now_ms();
    if (left <= 0) { snprintf(why, TLS_WHYLEN, "handshake timed out"); return 0; }
    r = poll(&p, 1, (int)left);
    if (r < 0 && errno != EINTR) { snprintf(why, TLS_WHYLEN, "poll: %s", strerror(errno)); return 0; }
    if (r == 0) { snprintf(why, TLS_WHYLEN, "handshake timed out"); return 0; }
  }
}

static SSL *start(SSL_CTX *ctx, int rfd, int wfd, char *why)
{
  SSL *ssl = SSL_new(ctx);
  if (!ssl || !SSL_set_rfd(ssl, rfd) || !SSL_set_wfd(ssl, wfd)) {
    tls_why_openssl(why, "out of memory");
    SSL_free(ssl);
    return 0;
  }
  return ssl;
}

SSL *tls_accept(SSL_CTX *ctx, int rfd, int wfd, unsigned int timeout, char *why)
{
  SSL *ssl = start(ctx, rfd, wfd, why);
  if (!ssl) return 0;
  SSL_set_accept_state(ssl);
  if (handshake(ssl, rfd, wfd, timeout, why)) return ssl;
  SSL_free(ssl);
  return 0;
}

SSL *tls_connect(SSL_CTX *ctx, int rfd, int wfd, const char *servername,
                 unsigned int timeout, char *why)
{
  SSL *ssl = start(ctx, rfd, wfd, why);
  if (!ssl) return 0;
  SSL_set_connect_state(ssl);
  if (servername && *servername) {
    /* SNI is for names only; the host check covers addresses too. */
    if (!strchr(servername, ':') && strspn(servername, "0123456789.") != strlen(servername))
      SSL_set_tlsext_host_name(ssl, servername);
    if (SSL_get_verify_mode(ssl) & SSL_VERIFY_PEER) {
      SSL_set_hostflags(ssl, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
      if (!SSL_set1_host(ssl, servername)) { tls_why_openssl(why, "bad server name"); SSL_free(ssl); return 0; }
    }
  }
  if (handshake(ssl, rfd, wfd, timeout, why)) return ssl;
  SSL_free(ssl);
  return 0;
}
