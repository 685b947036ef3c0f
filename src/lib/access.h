#ifndef ACCESS_H
#define ACCESS_H

#include <stddef.h>
#include "stralloc.h"

/* smtpaccess: per-client rules, compiled by makesmtpaccess into
 * etc/smtpaccess.cdb in tcprules' format, so `tcpserver -x
 * etc/smtpaccess.cdb` applies them to IPv4 clients unchanged.
 *
 * Keys: "1.2.3.4" (one address), "10.1." (a prefix ending in '.'),
 * IPv6 in Courier's form, every group four lower-case hex digits each
 * after a ':' (":2001:0db8:0000:0000:0000:0000:0000:0001" one address,
 * ":2001:0db8:" a prefix ending in ':'), and "" (every client).
 * Values: "D\0" deny; else allow, with "+NAME=value\0" for each
 * variable to set (an allow rule without variables is empty).
 *
 * Debian's tcpserver listens on IPv4 only and knows nothing of IPv6
 * keys; a server behind an IPv6-capable front end (or run without -x)
 * applies the rules itself. smtpd does, for any client whose rules
 * tcpserver has not applied:
 *
 *   stralloc vars = {0};
 *   int r = access_lookup(path_of("etc/smtpaccess.cdb"), getenv("TCPREMOTEIP"), &vars);
 *   r == 0: refuse the connection (421, then close);
 *   r == 1: access_setenv(&vars) sets RELAYCLIENT, BLOCK ... as tcpserver would;
 *   r == -1: errno ENOENT: no table, allow with nothing set; else 421 and close.
 *
 * Lookup order, as tcpserver's: the address itself, then shorter and
 * shorter prefixes (ending in '.' for IPv4, in ':' for IPv6), then "".
 * No rule at all means allow. An IPv4-mapped IPv6 address
 * (::ffff:192.0.2.1) is looked up as the IPv4 address. */

/* 1 allow (vars gets "NAME=value\0..." in rule order, maybe empty),
 * 0 deny, -1 error (errno; EINVAL when ip is not an address). */
int access_lookup(const char *cdbpath, const char *ip, stralloc *vars);

/* Sets each NAME=value of vars in the environment: 1 ok, 0 no memory. */
int access_setenv(const stralloc *vars);

/* The exact key for an address (text as in TCPREMOTEIP): 1 ok, 0 not an
 * address, -1 no memory. */
int access_ip_key(stralloc *key, const char *ip, size_t len);

/* The key for an ADDRESS as written in a rule (below): 1, 0 (*err), -1. */
int access_rule_key(stralloc *key, const char *s, size_t len, const char **err);

/* One line of an smtpaccess source (no comment, no line end):
 *   ADDRESS<blanks>allow[,NAME[=value]]...   or   ADDRESS<blanks>deny
 * ADDRESS: 1.2.3.4, 10.1.2 or 10.1.2. (a prefix), 10.0.0.0/8 (/8 /16
 * /24 /32), Courier's IPv6 form (:2001:0db8: ... ; fewer than eight
 * groups is a prefix), ::1-style IPv6, 2001:db8::/32 (a multiple of 16),
 * or * (every client). value: "text", 'text' or text without commas.
 * 1 ok (key and value in the format above), 0 bad line (*err), -1 nomem. */
int access_line_parse(const char *line, size_t len, stralloc *key, stralloc *value, const char **err);

#endif
