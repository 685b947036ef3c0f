#ifndef DOMLINE_H
#define DOMLINE_H

#include <stddef.h>
#include "stralloc.h"

/* One line of a domain list (locals, esmtpacceptmailfor, hosteddomains):
 * a domain, a ".domain" wildcard for every subdomain, or an address
 * literal such as [192.0.2.1]; with DOMLINE_ALIAS also the hosteddomains
 * form "alias<TAB>domain". The line has no comment and no line end. */

enum { DOMLINE_ALIAS = 1 };

/* 1 ok: key gets the lower-cased domain (no trailing dot), value the
 * lower-cased domain an alias stands for, or nothing. 0 bad line: *err
 * says why. -1 out of memory. */
int domline_parse(const char *line, size_t len, int flags, stralloc *key, stralloc *value,
                  const char **err);

/* The same check for one domain name: 1 ok (key set), 0 bad (*err), -1 nomem. */
int domline_domain(const char *s, size_t len, int wildcard_ok, stralloc *key, const char **err);

#endif
