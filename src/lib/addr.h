#ifndef ADDR_H
#define ADDR_H

#include <stddef.h>
#include "stralloc.h"

/* RFC 5321/5322 mail addresses: the basis of every relay decision.
 *
 * An address is held as its local part (unquoted: quotes and backslash
 * escapes removed) and its domain (as given; address literals keep their
 * brackets). Flags say what the parser saw, so policy code can refuse the
 * forms that have been used to slip relayed mail past a server:
 *   user%other@local, user!other@local, "user@other"@local,
 *   @local:user@other (source route), user@other@local. */

enum {
  ADDR_NULL       = 1 << 0,   /* the null path <> */
  ADDR_QUOTED     = 1 << 1,   /* local part was a quoted string */
  ADDR_ROUTE      = 1 << 2,   /* a source route @a,@b: was present and removed */
  ADDR_PERCENT    = 1 << 3,   /* local part contains '%' */
  ADDR_BANG       = 1 << 4,   /* local part contains '!' */
  ADDR_AT_LOCAL   = 1 << 5,   /* local part contains '@' (only possible quoted) */
  ADDR_UTF8       = 1 << 6,   /* non-ASCII (valid UTF-8) in local part or domain */
  ADDR_LITERAL    = 1 << 7,   /* domain is an address literal [..] */
  ADDR_NODOMAIN   = 1 << 8,   /* no '@domain' at all (e.g. <postmaster>) */
  ADDR_BAD_DOMAIN = 1 << 9    /* domain is not a syntactically valid host name or literal */
};

/* Errors, returned negated from the parsers. */
enum {
  ADDR_ESYNTAX  = 1,   /* not an address: missing <>, stray characters, bad quoting */
  ADDR_ETOOLONG = 2,   /* local part > 64, domain > 255 or path > 256 octets (RFC 5321 4.5.3.1) */
  ADDR_E8BIT    = 3,   /* non-ASCII that is not valid UTF-8, or a control character */
  ADDR_ENOMEM   = 4
};

struct addr {
  stralloc local;    /* NUL-terminated; len excludes the NUL */
  stralloc domain;   /* NUL-terminated; len excludes the NUL */
  unsigned flags;
};

/* Parses an SMTP reverse- or forward-path as it follows "MAIL FROM:" or
 * "RCPT TO:", starting at the '<' (leading spaces are skipped, and one
 * space before '<' is tolerated as many clients send it). On success
 * returns the number of bytes consumed, through the closing '>', so the
 * caller can parse ESMTP parameters after it; on failure returns
 * -ADDR_E*. Never reads past len; s need not be NUL-terminated. */
int addr_parse_path(struct addr *a, const char *s, size_t len);

/* Parses a bare address "local@domain" (an RFC 5322 addr-spec as found
 * in aliases, userdb keys, envelopes): the same rules without <>, the
 * whole of s must be the address. Returns len on success (the empty
 * string is the null address, flagged ADDR_NULL), else -ADDR_E*. */
int addr_parse(struct addr *a, const char *s, size_t len);

/* Lower-cases the ASCII letters of a domain and removes one trailing
 * dot, in place. */
void addr_domain_canon(stralloc *domain);

/* Appends the local part to out, quoted as RFC 5321 requires when it is
 * not a dot-atom (e.g. "john smith", "a@b"): 1 ok, 0 no memory. */
int addr_quote_local(stralloc *out, const char *local, size_t len);

/* Appends the canonical text form local@domain (quoted local part when
 * needed; the null path as the empty string): 1 ok, 0 no memory. */
int addr_format(stralloc *out, const struct addr *a);

/* Position of the '@' separating local part and domain in a stored
 * address text (the last '@' outside quotes), or len when there is none. */
size_t addr_at(const char *s, size_t len);

void addr_free(struct addr *a);

#endif
