#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "dns.h"
#include "domains.h"
#include "ip4.h"
#include "ip6.h"
#include "mx.h"

int parse_ip_literal(const char *s, char ip[16])
{
  size_t len = strlen(s);
  char buf[80];
  if (len >= sizeof buf) return 0;
  if (s[0] == '[') {
    if (len < 3 || s[len - 1] != ']') return 0;
    memcpy(buf, s + 1, len - 2);
    buf[len - 2] = 0;
  } else {
    memcpy(buf, s, len + 1);
  }
  const char *p = buf;
  if (!strncasecmp(p, "IPv6:", 5)) p += 5;
  size_t n = scan_ip4(p, ip);
  if (n && p[n] == 0 && p == buf) return 4;
  n = scan_ip6(p, ip);
  if (n && p[n] == 0) return 6;
  return 0;
}

/* One DNS query: 1 answer (packet in out), 0 NXDOMAIN, -1 temporary. */
static int query(stralloc *packet, const char *name, const char qtype[2])
{
  char *q = 0;
  if (!dns_domain_fromdot(&q, name, strlen(name))) return -1;
  int r = dns_resolve(q, qtype);
  dns_domain_free(&q);
  if (r < 0) return -1;
  if (dns_resolve_tx.packetlen < 4) return -1;
  if ((dns_resolve_tx.packet[3] & 15) == 3) return 0;
  return stralloc_copyb(packet, dns_resolve_tx.packet, dns_resolve_tx.packetlen) ? 1 : -1;
}

static struct target *add(struct targets *out)
{
  if (out->n == out->alloc) {
    size_t n = out->alloc ? out->alloc * 2 : 8;
    struct target *t = realloc(out->t, n * sizeof *t);
    if (!t) return 0;
    out->t = t;
    out->alloc = n;
  }
  struct target *t = &out->t[out->n++];
  memset(t, 0, sizeof *t);
  return t;
}

static void say(stralloc *why, const char *a, const char *b, const char *c)
{
  stralloc_copys(why, a);
  stralloc_cats(why, b);
  stralloc_cats(why, c);
  stralloc_0(why);
  --why->len;
}

/* Appends the AAAA then A addresses of host: count added, or -1 temporary, -2 no such host. */
static int add_addresses(struct targets *out, const char *host, unsigned pref)
{
  char ip[16];
  int kind = parse_ip_literal(host, ip);
  if (kind) {
    struct target *t = add(out);
    if (!t) return -1;
    memcpy(t->ip, ip, 16);
    t->is6 = kind == 6;
    t->pref = pref;
    stralloc_copys(&t->name, host);
    stralloc_0(&t->name); --t->name.len;
    return 1;
  }
  stralloc packet = {0}, addrs = {0};
  int count = 0, nx = 0, temp = 0;
  for (int family = 6; family >= 4; family -= 2) {
    int r = query(&packet, host, family == 6 ? DNS_T_AAAA : DNS_T_A);
    if (r < 0) { temp = 1; continue; }
    if (r == 0) { nx = 1; break; }
    int p = family == 6 ? dns_ip6_packet(&addrs, packet.s, (unsigned)packet.len)
                        : dns_ip4_packet(&addrs, packet.s, (unsigned)packet.len);
    if (p < 0) { temp = 1; continue; }
    size_t step = family == 6 ? 16 : 4;
    for (size_t i = 0; i + step <= addrs.len; i += step) {
      struct target *t = add(out);
      if (!t) { count = -1; break; }
      if (family == 6) { memcpy(t->ip, addrs.s + i, 16); t->is6 = 1; }
      else memcpy(t->ip, addrs.s + i, 4);
      t->pref = pref;
      stralloc_copys(&t->name, host);
      stralloc_0(&t->name); --t->name.len;
      ++count;
    }
  }
  stralloc_free(&packet);
  stralloc_free(&addrs);
  if (count > 0) return count;
  if (nx) return -2;
  return temp ? -1 : 0;
}

struct mxrec { unsigned pref; unsigned order; char *name; };

static int by_pref(const void *a, const void *b)
{
  const struct mxrec *x = a, *y = b;
  if (x->pref != y->pref) return x->pref < y->pref ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

/* MX records of name: count (records in recs), 0 none, -1 temporary, -2 NXDOMAIN. */
static int lookup_mx(const char *name, struct mxrec **recs)
{
  stralloc packet = {0}, out = {0};
  int r = query(&packet, name, DNS_T_MX);
  if (r <= 0) { stralloc_free(&packet); return r == 0 ? -2 : -1; }
  if (dns_mx_packet(&out, packet.s, (unsigned)packet.len) < 0) { stralloc_free(&packet); return -1; }
  stralloc_free(&packet);
  size_t n = 0;
  for (size_t i = 0; i + 2 < out.len; ) { i += 2; i += strlen(out.s + i) + 1; ++n; }
  *recs = calloc(n ? n : 1, sizeof **recs);
  if (!*recs) { stralloc_free(&out); return -1; }
  size_t k = 0;
  for (size_t i = 0; i + 2 < out.len && k < n; ++k) {
    (*recs)[k].pref = ((unsigned char)out.s[i] << 8) | (unsigned char)out.s[i + 1];
    i += 2;
    (*recs)[k].name = strdup(out.s + i);
    (*recs)[k].order = dns_random(65536);
    i += strlen(out.s + i) + 1;
  }
  stralloc_free(&out);
  qsort(*recs, n, sizeof **recs, by_pref);
  return (int)n;
}

static int from_mx(struct targets *out, const char *domain, const char *host, stralloc *why)
{
  struct mxrec *recs = 0;
  int n = lookup_mx(host, &recs);
  if (n == -2) { say(why, "no such domain: ", host, " (5.1.2)"); return MX_PERM; }
  if (n == -1) { say(why, "temporary DNS failure looking up the MX of ", host, ""); return MX_TEMP; }
  int result = MX_OK;
  if (n == 0) {
    int a = add_addresses(out, host, 0);
    if (a == -1) { say(why, "temporary DNS failure looking up ", host, ""); result = MX_TEMP; }
    else if (a <= 0) { say(why, "no MX and no address for ", host, " (5.1.2)"); result = MX_PERM; }
    free(recs);
    return result;
  }
  unsigned self = (unsigned)-1;
  char ip[16];
  for (int i = 0; i < n; ++i) {
    if (parse_ip_literal(recs[i].name, ip)) {
      say(why, "MX records for ", domain, " violate section 3.3.9 of RFC 1035");
      result = MX_PERM;
      break;
    }
    stralloc canonical = {0};
    if (domain_class(recs[i].name, &canonical) == DOMAIN_LOCAL && recs[i].pref < self) self = recs[i].pref;
    stralloc_free(&canonical);
  }
  int temp = 0, listed = 0;
  for (int i = 0; i < n && result == MX_OK; ++i) {
    if (recs[i].pref >= self) break;
    ++listed;
    int a = add_addresses(out, recs[i].name, recs[i].pref);
    if (a == -1) temp = 1;
  }
  if (result == MX_OK && out->n == 0) {
    if (self != (unsigned)-1 && listed == 0) {
      say(why, "mail for ", domain, " loops back to myself: this host is its best MX (5.4.6)");
      result = MX_PERM;
    } else {
      say(why, temp ? "temporary DNS failure resolving the MX hosts of " : "no MX host of ", domain,
          temp ? "" : " has an address");
      result = MX_TEMP;
    }
  }
  for (int i = 0; i < n; ++i) free(recs[i].name);
  free(recs);
  return result;
}

int mx_targets(struct targets *out, const char *domain, const struct route *rt, stralloc *why)
{
  out->n = 0;
  const char *host = rt->host.len ? rt->host.s : domain;
  char ip[16];
  if (host[0] == '[' || parse_ip_literal(host, ip)) {
    if (add_addresses(out, host, 0) == 1) return MX_OK;
    say(why, "cannot parse the address literal ", host, "");
    return MX_PERM;
  }
  return from_mx(out, domain, host, why);
}

void targets_free(struct targets *out)
{
  for (size_t i = 0; i < out->alloc && i < out->n; ++i) stralloc_free(&out->t[i].name);
  free(out->t);
  out->t = 0;
  out->n = out->alloc = 0;
}
