/* Whether a sender's domain exists in the DNS (bofh's opt BOFHCHECKDNS),
 * so mail whose bounces could never be delivered is refused at MAIL. */
#include <string.h>
#include "dns.h"
#include "smtpd.h"

/* 1 the domain has an MX, A or AAAA record; 0 it does not exist or has
 * none of them; -1 the DNS did not answer. */
int sender_domain_exists(const char *domain)
{
  static const char *const types[] = { DNS_T_MX, DNS_T_A, DNS_T_AAAA };
  char *q = 0;
  if (!dns_domain_fromdot(&q, domain, strlen(domain))) return -1;
  int result = 0;
  for (size_t i = 0; i < sizeof types / sizeof types[0]; ++i) {
    if (dns_resolve(q, types[i]) < 0 || dns_resolve_tx.packetlen < 12) { result = -1; break; }
    const unsigned char *p = (const unsigned char *)dns_resolve_tx.packet;
    unsigned rcode = p[3] & 15, answers = (unsigned)p[6] << 8 | p[7];
    if (rcode == 3) break;                     /* NXDOMAIN */
    if (rcode != 0) { result = -1; break; }    /* SERVFAIL, REFUSED ... */
    if (answers) { result = 1; break; }
  }
  dns_domain_free(&q);
  return result;
}
