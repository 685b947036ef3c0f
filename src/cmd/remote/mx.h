#ifndef REMOTE_MX_H
#define REMOTE_MX_H

#include <stddef.h>
#include "route.h"
#include "stralloc.h"

/* The addresses to try for a domain, best first. */
struct target {
  char ip[16];
  int is6;
  unsigned pref;
  stralloc name;     /* the host's name (or "[ip]"): logs, TLS verification */
};

struct targets {
  struct target *t;
  size_t n, alloc;
};

enum { MX_OK = 0, MX_TEMP = 1, MX_PERM = 2 };

/* Resolves the route (an explicit relay, an address literal, or the
 * domain's MX, falling back to its A/AAAA when it has no MX) into
 * addresses. MX hosts that are this machine (domain_class LOCAL) and
 * every host of equal or lower preference are dropped, as a backup MX
 * must. Returns MX_OK with at least one target, or MX_TEMP/MX_PERM with
 * why set. */
int mx_targets(struct targets *out, const char *domain, const struct route *rt, stralloc *why);

void targets_free(struct targets *out);

/* Parses "1.2.3.4", "[1.2.3.4]", "[IPv6:::1]" or "::1": 4 or 6, 0 if not an address. */
int parse_ip_literal(const char *s, char ip[16]);

#endif
