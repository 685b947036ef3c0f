#ifndef DOMAINS_H
#define DOMAINS_H

#include "stralloc.h"

/* Which domains are ours, from the compiled tables (makealiases writes
 * locals.cdb from me + locals; makehosteddomains hosteddomains.cdb;
 * makeacceptmailfor esmtpacceptmailfor.cdb). Keys are lower-case
 * domains; a key with a leading dot (".example.com") matches every
 * subdomain. Lookups try the domain itself, then ".rest" for each
 * shorter suffix. Owner: shared by smtpd, queue-send, local, remote. */

enum {
  DOMAIN_FOREIGN = 0,   /* not ours: relay/remote */
  DOMAIN_LOCAL   = 1,   /* me / locals: system accounts, bare local parts */
  DOMAIN_HOSTED  = 2    /* hosteddomains: virtual accounts, full addresses */
};

/* Classifies a domain (case-insensitive, one trailing dot ignored). For
 * a hosted alias domain ("alias<TAB>domain" in hosteddomains) canonical
 * receives the domain it stands for; otherwise the lower-cased domain.
 * Returns DOMAIN_*, or -1 when a table cannot be read (errno). An
 * address literal [1.2.3.4] is local when it is one of this machine's
 * listed addresses in locals, foreign otherwise. */
int domain_class(const char *domain, stralloc *canonical);

/* A qmail-style virtual domain ("@domain: user" in aliases) is entered
 * in locals.cdb with the value "@" and classed DOMAIN_HOSTED, so mail
 * for it is delivered here and aliases_lookup rewrites it. */

/* 1 if smtpd accepts mail for the domain from any client: it is listed
 * in esmtpacceptmailfor.cdb (or, when that table does not exist, it is
 * `me`). 0 if not, -1 error. */
int domain_accepted(const char *domain);

/* key = domain lower-cased, one trailing dot removed, an IPv6 literal
 * in its shortest form ([ipv6:::1]): 1 ok, 0 no memory. */
int domain_key(stralloc *key, const char *domain);

/* Looks a domain up in a domain table (path relative to the root, e.g.
 * "etc/locals.cdb"), the domain itself first, then its ".suffix"
 * wildcards: 1 found (value set), 0 not found or no table, -1 error. */
int domain_table_lookup(const char *table, const char *domain, stralloc *value);

#endif
