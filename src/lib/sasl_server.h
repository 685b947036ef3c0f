#ifndef SASL_SERVER_H
#define SASL_SERVER_H

#include "authcall.h"
#include "stralloc.h"

/* The server side of PLAIN, LOGIN, CRAM-MD5 and EXTERNAL for smtpd,
 * pop3-login and imap-login: runs a mechanism's exchange through the
 * protocol's callbacks and fills a struct authreq for authcall_check or
 * authcall_exec. The wording of every reply, the '*' cancel, line
 * limits and failure counting stay with the protocol. */

struct sasl_io {
  void *ctx;
  const char *host;        /* CRAM-MD5: the challenge's host */
  const char *peer_login;  /* SSL_PEER_LOGIN, or 0 */
  /* Sends a continuation carrying b64 ("+ b64", "334 b64") and reads the
   * client's answer into line, CR LF removed: 1 read; 0 cancelled, too
   * long or otherwise refused (replied); -1 the client went away. */
  int (*exchange)(void *ctx, const char *b64, stralloc *line);
  /* The client's response to mech is malformed: reply so. */
  void (*malformed)(void *ctx, const char *mech);
  /* No CRAM-MD5 challenge could be minted: reply a temporary failure. */
  void (*unavailable)(void *ctx);
};

/* The request an exchange produced, and what its strings point into;
 * sasl_state_free zeroes and frees them. */
struct sasl_state {
  struct authreq req;
  stralloc line, login, secret, challenge, prompt;
};

enum sasl_result {
  SASL_GONE = -1,     /* the client went away */
  SASL_REPLIED = 0,   /* cancelled or malformed: a callback replied */
  SASL_READY = 1,     /* req is filled: check it */
  SASL_NOT_CERT,      /* EXTERNAL: the authorization identity is not the
                         certificate's login (req->login is it), or there is
                         no certificate login: refuse as bad credentials */
  SASL_NO_INITIAL,    /* CRAM-MD5 was given an initial response */
  SASL_UNKNOWN        /* not one of the four mechanisms */
};

/* Runs mech (any case) with initial, the initial response or 0 for
 * none, in st (zeroed by the caller). On SASL_READY st->req.mech is the
 * mechanism's name in capitals, and req.login, req.secret (with
 * secret_len) and req.challenge are set (EXTERNAL: login is peer_login,
 * secret 0); req.service is left to the caller. On SASL_NOT_CERT
 * req.login is the authorization identity asked for. */
int sasl_server(const struct sasl_io *io, const char *mech, const char *initial,
                struct sasl_state *st);

void sasl_state_free(struct sasl_state *st);

#endif
