#ifndef POP3_LOGIN_H
#define POP3_LOGIN_H

/* The AUTHORIZATION state may last this many POP3_LOGIN_TIMEOUTs. */
#define LOGIN_SESSION_LINES 5

#include <stddef.h>
#include "login_env.h"
#include "stralloc.h"
#include "tlsapp.h"

/* pop3-login's state: the AUTHORIZATION state of one POP3 session,
 * before any account is known. */

struct login {
  unsigned timeout;        /* seconds a command line may take before hanging up */
  long long end;           /* CLOCK_MONOTONIC ms: no login by then, hang up (set by io.c) */
  struct tlsapp tlsio;     /* the UCSPI-TLS descriptors; tlsio.ctl -1: no STLS */
  int tls;                 /* the session is encrypted */
  int tls_required;        /* POP3_TLS_REQUIRED: no login in plaintext */
  const char *mechs;       /* POP3AUTH: SASL mechanisms offered */
  const char *mechs_tls;   /* POP3AUTH_TLS: more of them once encrypted */
  char stamp[160];         /* APOP timestamp of the greeting, "" when APOP is off */
  stralloc user;           /* from USER, waiting for PASS */
  unsigned failures, max_failures, bad, max_bad;
  const char *ip;
  char hostname[128];
  char *const *postauth;   /* what authcheck runs on success */
};

/* io.c: fd 0 one byte at a time, so nothing after the authenticating
 * command is consumed: the post-auth program reads it. */
int login_read_line(struct login *l, char *line, size_t size, size_t *len);  /* 1, 0 EOF/timeout, 2 too long */
void login_reply(const char *text);             /* text + CRLF on fd 1 */

/* capa.c */
void capa_send(const struct login *l);
int mech_offered(const struct login *l, const char *mech);
void mechs_send(const struct login *l);          /* AUTH without argument */

/* auth.c: each ends the process when the post-auth program ran. */
void auth_pass(struct login *l, const char *pass, size_t len);
void auth_apop(struct login *l, const char *user, const char *digest);
void auth_sasl(struct login *l, const char *mech, const char *initial);

/* tls.c */
void tls_start(struct login *l);
int tls_env(struct login *l);                   /* at start: implicit TLS? */

#endif
