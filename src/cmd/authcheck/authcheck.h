#ifndef AUTHCHECK_INTERNAL_H
#define AUTHCHECK_INTERNAL_H

#include <stddef.h>
#include <time.h>
#include "account.h"
#include "authconf.h"
#include "authkey.h"
#include "stralloc.h"

/* Everything one authcheck run knows. */
struct authcheck {
  struct authconf conf;
  const char *service;     /* AUTHCHECK_SERVICE, else "login" */
  const char *mech;        /* AUTHCHECK_MECH: "", PLAIN, LOGIN, CRAM-MD5, APOP, EXTERNAL */
  int cram, apop, external, change;
  char input[513];         /* fd 3, at most 512 bytes, NUL added */
  size_t inlen;
  const char *login, *secret, *challenge, *newpw;
  size_t secretlen, challengelen, newpwlen;
  struct account acct;
  const char *module;      /* the module that accepted */
};

enum { CREDS_MAX = 512 };

/* creds.c: reads fd 3 and splits it by mechanism: 1 ok, 0 malformed,
 * -1 unreadable (errno). */
int creds_read(struct authcheck *a, int fd);
int creds_split(struct authcheck *a);

/* check.c: walks authmodulelist: 1 accepted (a->acct, a->module),
 * 0 refused, -1 temporary failure. */
int check_all(struct authcheck *a);
/* One module's password check, same results. */
int check_userdb(struct authcheck *a);
int check_pwd(struct authcheck *a);
int check_shadow(struct authcheck *a);
/* A CRAM-MD5 or APOP check for a login no module knows, for the time
 * it takes. */
void digest_unknown(struct authcheck *a);
/* pam.c */
int check_pam(struct authcheck *a);

/* challenge.c: CRAM-MD5 and APOP challenges authcheck mints itself,
 * each good for one check within CHALLENGE_WINDOW seconds. */
enum { CHALLENGE_WINDOW = 300 };
/* out = "<RANDOM.TIME.MAC@host>": 1, or -1 with errno. */
int challenge_mint(const struct authkey *k, const char *host, time_t now, stralloc *out);
/* 1 minted here and fresh; 0 refused (*why: forged or stale). */
int challenge_check(const struct authkey *k, const char *c, size_t len, time_t now, const char **why);
/* After a good response: records the checked challenge c as used. 1
 * first use, 0 used before (a replay), -1 temporary failure. */
int challenge_use(const char *c, size_t len, time_t now);

/* external.c: 1 when SSL_PEER_LOGIN_PROOF shows that tlsd, as the
 * parent of authcheck's parent, verified a certificate for login; 0
 * not proven (*why), -1 temporary failure. */
int external_proven(const char *login, const char **why);

/* session.c: the environment and the user of the post-auth program. */
int session_env(const struct authcheck *a);
void session_drop(const struct authcheck *a);

/* change.c: a userdb account's new password: 0 changed, 1 refused,
 * 100 not changeable here, 111 temporary failure. */
int change_password(struct authcheck *a);

#endif
