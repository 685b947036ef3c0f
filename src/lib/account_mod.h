#ifndef ACCOUNT_MOD_H
#define ACCOUNT_MOD_H

#include "account.h"
#include "authconf.h"

/* The per-module side of account lookups, for authcheck, which must
 * know which module found an account to check its password there. */

/* One module's lookup: 1 found, 0 not found, -1 temporary failure,
 * -2 a module name postern does not know (skipped with a warning). */
int account_module_lookup(struct account *acct, const struct authconf *conf,
                          const char *module, const char *name);

/* Fills acct from a userdb record (userdb.cdb's public fields):
 * 1 ok, -1 when uid, gid or home is missing or bad (EINVAL) or no memory. */
int account_from_userdb(struct account *acct, const struct authconf *conf,
                        const char *address, const char *rec, size_t len);

/* acct->options = DEFAULTOPTIONS with the account's own options
 * (comma-separated name=value) overriding same-named ones. */
int account_merge_options(struct account *acct, const char *defaults,
                          const char *own, size_t ownlen);

#endif
