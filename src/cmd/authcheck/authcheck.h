#ifndef AUTHCHECK_INTERNAL_H
#define AUTHCHECK_INTERNAL_H

#include <stddef.h>
#include "account.h"
#include "authconf.h"

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
/* pam.c */
int check_pam(struct authcheck *a);

/* session.c: the environment and the user of the post-auth program. */
int session_env(const struct authcheck *a);
void session_drop(const struct authcheck *a);

/* change.c: a userdb account's new password: 0 changed, 1 refused,
 * 100 not changeable here, 111 temporary failure. */
int change_password(struct authcheck *a);

#endif
