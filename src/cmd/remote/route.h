#ifndef REMOTE_ROUTE_H
#define REMOTE_ROUTE_H

#include "stralloc.h"

enum { SEC_NONE = 0, SEC_STARTTLS = 1, SEC_SMTPS = 2 };

/* Where mail for a domain goes, from etc/esmtproutes (courier(8)):
 *   domain: relay.example.com[,port] [/SECURITY=STARTTLS|SMTPS]
 *   domain: [192.0.2.1]
 *   .domain: ...          every subdomain
 *   : relay               everything else
 *   domain:  /SECURITY=STARTTLS    DNS as usual, but securely
 * An empty host means "look up the domain's MX as usual". */
struct route {
  stralloc host;            /* "" (use MX of the domain), a name, or "[ip]" */
  unsigned short port;      /* 25, or 465 with SMTPS, unless given */
  int security;
  stralloc auth_key;        /* "host,port" or "host": the esmtpauthclient key */
};

/* 0 ok (a route, possibly the default "use MX"), -1 unreadable file
 * (errno), -2 syntax error: why says where. */
int route_lookup(struct route *rt, const char *path, const char *domain, stralloc *why);

/* Parses the part after "domain:" (exposed for the fuzz harness and tests). */
int route_parse_value(struct route *rt, const char *value);

#endif
