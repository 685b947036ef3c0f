#ifndef ALIASES_H
#define ALIASES_H

#include "stralloc.h"

/* Lookups in etc/aliases.cdb, compiled by makealiases.
 *
 * Keys are lower-case: "local@domain" for hosted domains, the bare
 * "local" for addresses in local domains (me/locals), and "@domain" for
 * a qmail-style virtual domain line "@domain: user" (delivery to
 * "user-<localpart>"). Values are the expansion: targets separated by
 * NULs, each an address, "|program", "/file" (mbox or maildir when it
 * ends in '/'), with :include: files already read in at compile time.
 * Values are final: aliases of aliases are expanded at compile time,
 * so a program delivering to a target must not look it up again (an
 * alias may list itself: "user: user, backup"). */

/* 1 found (targets gets "t1\0t2\0...\0"), 0 not found, -1 error (errno).
 * The key is made from the address by the rules above (domain_class
 * decides local vs hosted; the local part is lower-cased and quoted as
 * addr_quote_local does). Order: the full address, the address in the
 * canonical domain of a hosted alias domain, then "@domain": a hit on
 * "@domain: user" yields the one target "user-local" ("user-local@host"
 * when user has a domain; a bang path ending in '!' gets the local part
 * appended without the '-'). */
int aliases_lookup(const char *address, stralloc *targets);

/* Appends what "@domain: user" makes of local (see above), without a
 * NUL: 1 ok, 0 out of memory. */
int aliases_virtual(stralloc *out, const char *user, size_t ulen, const char *local, size_t llen);

#endif
