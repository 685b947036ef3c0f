#ifndef IMAP_LOGIN_H
#define IMAP_LOGIN_H


#include "imap_parse.h"
#include "login_env.h"
#include "stralloc.h"
#include "tlsapp.h"

/* imap-login's state: one IMAP session before authentication. */
struct login {
  struct imap_in in;         /* fd 0, one byte at a time */
  struct imap_cmd cmd;
  struct imap_limits lim;
  const char *tag;
  struct tlsapp tlsio;       /* the UCSPI-TLS descriptors; tlsio.ctl -1: no STARTTLS */
  int tls;                   /* the session is encrypted */
  int tls_required;          /* IMAP_TLS_REQUIRED: no login in plaintext */
  const char *capability;    /* IMAP_CAPABILITY */
  const char *capability_tls;  /* IMAP_CAPABILITY_TLS */
  unsigned failures, max_failures, bad, max_bad;
  const char *ip;
  char hostname[128];
  char *const *postauth;     /* what authcheck runs on success */
};

/* io.c */
void login_puts(const char *s);
/* Tagged reply: "tag status text". */
void login_tagged(struct login *l, const char *status, const char *text);
/* One line from the client (SASL responses), CRLF removed: 1 ok, 0 EOF,
 * 2 too long. */
int login_read_line(struct login *l, stralloc *line, size_t max);

/* capa.c */
void capa_write(const struct login *l);        /* the capability words */
int mech_offered(const struct login *l, const char *mech);
int login_allowed(const struct login *l);      /* not LOGINDISABLED */

/* auth.c: these return only when the login failed. */
void auth_login(struct login *l, const char *user, const char *pass, size_t passlen);
void auth_sasl(struct login *l, const char *mech, const char *initial);

/* tls.c */
void tls_starttls(struct login *l);
void tls_env(struct login *l);

#endif
