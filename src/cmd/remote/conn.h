#ifndef REMOTE_CONN_H
#define REMOTE_CONN_H

#include <stddef.h>
#include <openssl/ssl.h>
#include "stralloc.h"

/* One SMTP connection, plain or TLS, with a deadline on every read and
 * write: a peer that stalls costs a timeout, never a hung process. */
struct conn {
  int fd;
  SSL *ssl;
  SSL_CTX *ctx;
  int timeout;            /* seconds for the next read or write */
  char in[8192];
  size_t inpos, inlen;
  stralloc out;           /* pending output, sent by conn_flush */
  stralloc peer_name;     /* host name (for logs, TLS verification) */
  char peer_ip[46];       /* text form */
  unsigned short port;
};

/* Connects to ip (4 or 16 bytes, is6) within timeout seconds:
 * 0 ok, -1 errno (ETIMEDOUT on timeout). */
int conn_open(struct conn *c, const char *ip, int is6, unsigned short port, int timeout);
void conn_close(struct conn *c);

void conn_put(struct conn *c, const char *s, size_t len);
void conn_puts(struct conn *c, const char *s);
int conn_flush(struct conn *c);                 /* 0 ok, -1 error/timeout */
/* One line without CRLF, at most 4096 bytes kept: 1 ok, 0 EOF, -1 error/timeout. */
int conn_getline(struct conn *c, stralloc *line);
/* 1 if the peer has already sent bytes we have not read (pipelining abuse). */
int conn_pending(const struct conn *c);

/* Starts TLS as a client on the open connection. verify_ca: file or
 * directory of trusted CAs (0: no verification); verify_host: the name
 * the certificate must carry (0: any). min_version e.g. TLS1_2_VERSION.
 * 0 ok, -1 failure with a reason in why. */
int conn_starttls(struct conn *c, const char *verify_ca, const char *verify_host,
                  int min_version, stralloc *why);

#endif
