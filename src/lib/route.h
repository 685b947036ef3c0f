#ifndef ROUTE_H
#define ROUTE_H

#include <sys/types.h>
#include "stralloc.h"

/* Where a recipient goes: the one resolution queue-send (to pick a
 * transport) and local-spawn (to pick the uid, gid and arguments of a
 * local delivery) both make, so the two always agree. Reads the domain
 * tables, etc/aliases.cdb and the accounts (account_lookup). */

enum { ROUTE_LOCAL, ROUTE_ALIAS, ROUTE_REMOTE, ROUTE_NONE, ROUTE_FAIL, ROUTE_TEMP };

struct route {
  int kind;
  stralloc text;       /* failure text, or the transport (remote, faxsend, uucp) */
  stralloc rcpt;       /* the recipient as delivered: local@domain */
  stralloc domain;     /* the canonical domain */
  uid_t uid; gid_t gid;                      /* ROUTE_LOCAL: the account's, never 0 */
  int mailuser;        /* ROUTE_LOCAL through etc/aliasdir: delivered as MAILUSER
                          (uid and gid 0 here: the spawner fills them in) */
  stralloc user, home, ext, maildir, quota;  /* ROUTE_LOCAL */
  stralloc targets;    /* ROUTE_ALIAS: the expansion, t1\0t2\0 */
};
/* Every stralloc is NUL-terminated (the NUL counted in len, except
 * for domain). */

/* me: this machine's mail name (me_name), the domain of a bare local part. */
void route_resolve(const char *me, const char *rcpt, struct route *r);
void route_free(struct route *r);

#endif
