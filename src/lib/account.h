#ifndef ACCOUNT_H
#define ACCOUNT_H

#include <sys/types.h>
#include "stralloc.h"

/* Account lookup without a password: the one function smtpd (RCPT
 * checks), local (delivery) and authcheck (-l) share. It walks the
 * modules of authmodulelist (etc/authdaemonrc) that can answer without
 * a password: authuserdb (etc/userdb.cdb, world-readable, no secrets),
 * then authpwd/authshadow (getpwnam). SQL/LDAP modules slot in here
 * through the authdaemon socket. It never reads password data. */

struct account {
  stralloc address;   /* the name that matched (userdb key or login) */
  stralloc user;      /* USER */
  uid_t uid;
  gid_t gid;
  stralloc home;      /* HOME */
  stralloc maildir;   /* MAILDIR: the account's "mail" field, else HOME/Maildir */
  stralloc quota;     /* MAILDIRQUOTA, e.g. "10000000S,1000C"; empty when none */
  stralloc options;   /* OPTIONS: DEFAULTOPTIONS merged with the account's, comma-separated */
};
/* All stralloc fields are NUL-terminated; len excludes the NUL. */

/* 1 found, 0 no such account, -1 temporary failure (unreadable db: errno). */
int account_lookup(struct account *acct, const char *name);

/* The same with etc/authdaemonrc already read (authconf.h): for a caller
 * that tries several names in a row. */
struct authconf;
int account_lookup_conf(struct account *acct, const struct authconf *conf, const char *name);

/* 1 if OPTIONS contains name (e.g. "disableimap") set to a true value. */
int account_option(const struct account *acct, const char *name);

void account_free(struct account *acct);

#endif
