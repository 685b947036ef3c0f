#ifndef REMOTE_H
#define REMOTE_H

#include "conn.h"
#include "job.h"
#include "mx.h"
#include "reply.h"
#include "route.h"

/* The state of one remote process: one destination domain, one
 * connection at a time, reused for the jobs that follow. */
struct settings {
  int timeout_connect, timeout_command, timeout_data;
  int verify_domain;              /* ESMTP_TLS_VERIFY_DOMAIN=1 */
  const char *trust_certs;        /* TLS_TRUSTCERTS */
  const char *trust_security;     /* TLS_TRUSTSECURITYCERTS */
  int tls_min_version;
  int reuse;                      /* ESMTP_REUSE (default 1) */
  int use_starttls;               /* ESMTP_USE_STARTTLS (default 1) */
};

struct remote {
  struct settings set;
  stralloc domain;
  stralloc helo;
  struct route route;
  int routed;                     /* route and targets looked up */
  int mx_result;
  stralloc mx_why;
  struct targets targets;
  stralloc auth_user, auth_pass;  /* from esmtpauthclient, for the route's host */
  struct conn conn;
  int connected;
  int secure;                     /* TLS with a certificate signed by TLS_TRUSTSECURITYCERTS */
  struct caps caps;
  struct reply reply;
  stralloc line;
  stralloc why;
};

/* session.c */
/* Makes sure a connection fit for the job is open: 0 ok, else 'T' or
 * 'F' with r->why saying why no host could take it. */
int session_ready(struct remote *r, const struct job *job, unsigned long msgsize);
void session_quit(struct remote *r);
int session_command(struct remote *r, const char *line);   /* send + read reply; -1 lost */

/* transaction.c: runs MAIL/RCPT/DATA for the job and writes its results. */
void transaction_run(struct remote *r, const struct job *job);

/* body.c: the message as the peer must see it. */
struct body {
  const char *data;          /* the queue file's bytes */
  size_t len;
  int eightbit;
  stralloc converted;        /* quoted-printable downgrade, when needed */
};
int body_load(struct body *b, const char *path, int downgrade_if_8bit_for_7bit_peer, int peer_8bitmime);
unsigned long body_wire_size(const struct body *b);   /* with CRLF line ends */
int body_send(struct conn *c, const struct body *b, int dot_stuff);
void body_free(struct body *b);

/* downgrade.c: rewrites 8-bit MIME parts as quoted-printable. */
int downgrade_8bit(stralloc *out, const char *msg, size_t len);

/* authclient.c */
int auth_client(struct remote *r, stralloc *why);
int authclient_lookup(const char *path, const char *key, const char *host, stralloc *user, stralloc *pass);

/* results */
void result_put(const struct job *job, size_t index, char status, const char *text);
void result_all(const struct job *job, char status, const char *text);
void result_end(const struct job *job);

#endif
