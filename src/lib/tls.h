#ifndef TLS_H
#define TLS_H

#include <openssl/ssl.h>
#include "authkey.h"
#include "stralloc.h"

/* postern's TLS engine, the only code linked with OpenSSL: the server
 * side (tlsd), the UCSPI client side (tlsc) and the SMTP client
 * (remote) all use it.
 *
 * Settings have Courier's names and come from the environment (the
 * service's run script sources etc/imapd-ssl etc.):
 *   TLS_CERTFILE     PEM with the private key and the certificate chain
 *   TLS_DHPARAMS     PEM DH parameters (default: OpenSSL's built-in groups)
 *   TLS_PROTOCOL     TLSv1.2+ (default), TLSv1.3+, TLSv1.2, TLSv1.3;
 *                    anything older is raised to TLS 1.2
 *   TLS_CIPHER_LIST  OpenSSL cipher list for TLS 1.2
 *   TLS_VERIFYPEER   NONE, PEER (verify a certificate when given),
 *                    REQUIREPEER (a verified certificate is required)
 *   TLS_TRUSTCERTS   CA file or directory used to verify the peer
 *   TLS_EXTERNAL     subject field holding the login ID (emailaddress, cn)
 *   TLS_TIMEOUT      seconds allowed for the handshake (default 60)
 *   TLS_STALL_TIMEOUT seconds a peer may take no data while we have some
 *                    for it (default 600) */

enum tls_verify { TLS_VERIFY_NONE, TLS_VERIFY_PEER, TLS_VERIFY_REQUIRE };

struct tls_conf {
  const char *certfile;
  const char *dhparams;
  const char *ciphers;
  const char *trustcerts;
  const char *external;     /* subject field name, or 0 */
  int min_version;          /* TLS1_2_VERSION ... */
  int max_version;          /* 0: no upper bound */
  enum tls_verify verify;
  unsigned int timeout;     /* seconds */
  unsigned int stall;       /* TLS_STALL_TIMEOUT: seconds a peer may read nothing */
  int floor_raised;         /* TLS_PROTOCOL asked for less than TLS 1.2 */
};

/* Parses TLS_PROTOCOL into min and max. Returns 1 ok, 0 unknown value,
 * -1 a version below TLS 1.2 (then *min is TLS 1.2: the floor holds). */
int tls_parse_protocol(const char *s, int *min, int *max);
/* Parses TLS_VERIFYPEER: 1 ok, 0 unknown value. */
int tls_parse_verify(const char *s, enum tls_verify *v);
/* Fills c from the environment; on a bad value writes one warning and
 * keeps the safe default. Returns 1, or 0 when a value is unusable
 * (*why says which). */
int tls_conf_env(struct tls_conf *c, const char **why);

/* Failures are told in a caller's buffer of TLS_WHYLEN bytes: one
 * short line, e.g. "unsupported protocol" or "certificate verify failed:
 * unable to get local issuer certificate". */
#define TLS_WHYLEN 256

/* Contexts: 0 on failure. The server needs TLS_CERTFILE, and
 * TLS_TRUSTCERTS when it verifies peers; the client uses the system's
 * CAs when TLS_TRUSTCERTS is unset, and TLS_CERTFILE when set. */
SSL_CTX *tls_ctx_server(const struct tls_conf *c, char *why);
SSL_CTX *tls_ctx_client(const struct tls_conf *c, char *why);
/* The first queued OpenSSL error's reason (or dflt), queue emptied. */
void tls_why_openssl(char *why, const char *dflt);

/* A handshake on nonblocking net fds, waiting at most timeout seconds.
 * servername (client side, may be 0) is sent as SNI and, when the
 * context verifies, checked against the certificate. Returns the
 * connection, or 0 with why filled in. */
SSL *tls_accept(SSL_CTX *ctx, int rfd, int wfd, unsigned int timeout, char *why);
SSL *tls_connect(SSL_CTX *ctx, int rfd, int wfd, const char *servername,
                 unsigned int timeout, char *why);

/* The UCSPI-TLS variables of an established connection, as
 * NAME=value\0 pairs (empty values left out), without the ending \0.
 * external: TLS_EXTERNAL, or 0. Returns 1, 0 out of memory. */
int tls_vars(stralloc *out, SSL *ssl, const char *external);
/* Looks NAME up in such a block: the value, or 0. */
const char *tls_vars_get(const stralloc *vars, const char *name);
/* One log line's worth: "proto=... cipher=... sni=... peer=..." */
int tls_vars_summary(stralloc *out, const stralloc *vars);

/* Copies plaintext between the app fds and the TLS connection until
 * the app has closed app_r (then close_notify is sent) and everything
 * read was delivered; network EOF closes app_w so the app sees EOF.
 * Net fds must be nonblocking; app fds are made so. A peer that takes
 * no data for stall seconds (0: no limit) ends the session. Returns 0
 * on a clean end, -1 with why filled in on a TLS or I/O failure. */
int tls_pump(SSL *ssl, int app_r, int app_w, unsigned int stall, char *why);

/* A whole UCSPI-TLS session, for tlsd (server) and tlsc (client): the
 * handshake on net_r/net_w, one log line, the program argv started with
 * its fds app_rfd/app_wfd as pipes (implicit) or with SSLCTLFD & co
 * (STARTTLS), then tls_pump until it is done. Returns the program's exit
 * status, or 100 when the handshake failed. */
struct tls_run {
  SSL_CTX *ctx;
  int client;
  const char *servername;   /* client: SNI and the name to verify */
  const char *external;     /* TLS_EXTERNAL */
  unsigned int timeout;
  unsigned int stall;
  int net_r, net_w;         /* the network: 0/1 under tcpserver, 6/7 under tcpclient */
  int app_rfd, app_wfd;     /* the program's plaintext fds in implicit mode */
  const char *peer;         /* for the log: "ip=192.0.2.1" */
  char **argv;
  char why[TLS_WHYLEN];
  stralloc vars;
  stralloc line;
  const struct authkey *key;  /* tlsd: authcheck's key, to vouch for SSL_PEER_LOGIN; or 0 */
};
/* Settings from the environment (dies on bad ones), the context, and
 * the fds tcpserver (client 0) or tcpclient (client 1) provide. */
void tls_run_init(struct tls_run *r, int client);
int tls_run_implicit(struct tls_run *r);
void tls_run_free(struct tls_run *r);
int tls_run_starttls(struct tls_run *r);

#endif
