#ifndef AUTHCALL_H
#define AUTHCALL_H

#include <stddef.h>
#include "stralloc.h"

/* Running authcheck (doc/INTERFACES.md section 4) from a login program.
 * The credentials travel on a pipe as fd 3; nothing here reads password
 * data itself. */

struct authreq {
  const char *service;     /* AUTHCHECK_SERVICE: esmtp, pop3, imap, webmail */
  const char *mech;        /* 0 or "PLAIN"/"LOGIN": login+password; "CRAM-MD5"; "APOP"; "EXTERNAL" */
  const char *login;
  const char *secret;      /* the password, or for CRAM-MD5 and APOP the hex digest */
  size_t secret_len;
  const char *challenge;   /* CRAM-MD5: the challenge; APOP: the greeting's timestamp,
                              either from authcall_challenge() */
};

/* A challenge for CRAM-MD5, or the timestamp of an APOP greeting,
 * minted by authcheck ("authcheck -C host"): authcheck accepts only its
 * own, each once and for a few minutes. out = "<...@host>", NUL-
 * terminated (len excludes it). 1 ok, 0 failure (logged). */
int authcall_challenge(stralloc *out, const char *host);

/* Checks credentials only ("authcheck -c"), for smtpd's AUTH. Returns
 * 0 good, 1 bad, 111 temporary failure. */
int authcall_check(const struct authreq *req);

/* For pop3-login and imap-login: forks; the child execs
 * "authcheck postauth_argv..." with fds 0/1 the client; the parent
 * writes the credentials and waits. Returns the child's exit status:
 * 1 bad credentials (the caller says so and goes on), 111 temporary
 * failure; anything else means the post-auth program ran and the
 * session is over (the caller exits). */
int authcall_exec(const struct authreq *req, char *const postauth_argv[]);

/* Changes a userdb account's password ("authcheck -p"), for webmail and
 * authtest: req carries the login and the old password. Returns 0
 * changed, 1 bad credentials, 100 not changeable (not a userdb account,
 * or refused by an account option), 111 temporary failure. */
int authcall_passwd(const struct authreq *req, const char *newpw, size_t newlen);

#endif
