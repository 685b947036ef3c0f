/* Courier's bofh lists (bofh(5)) at MAIL and RCPT: badfrom, spamtrap,
 * freemail and badmx. smtpd-run turns etc/bofh into BOFH_* variables,
 * one entry per line, so nothing here reads a file. */
#include <string.h>
#include "addr.h"
#include "case.h"
#include "die.h"
#include "dns.h"
#include "ip4.h"
#include "ip6.h"
#include "smtpd.h"

/* Calls fn on each blank-separated word of list; its first nonzero
 * answer, else 0. */
static int each_word(const char *list, int (*fn)(const char *w, size_t n, const void *ctx), const void *ctx)
{
  for (const char *p = list ? list : ""; *p;) {
    while (*p == ' ' || *p == '\t' || *p == '\n') ++p;
    size_t n = strcspn(p, " \t\n");
    if (n) { int r = fn(p, n, ctx); if (r) return r; }
    p += n;
  }
  return 0;
}

static int same(const char *a, size_t an, const char *b, size_t bn)
{
  if (an && a[an - 1] == '.') --an;
  if (bn && b[bn - 1] == '.') --bn;
  return an == bn && !case_diffb(a, an, b);
}

/* domain is d, or below d when sub. */
static int in_domain(const char *domain, const char *d, size_t dn, int sub)
{
  size_t n = strlen(domain);
  if (n && domain[n - 1] == '.') --n;
  if (!sub) return same(domain, n, d, dn);
  if (dn && d[dn - 1] == '.') --dn;
  if (same(domain, n, d, dn)) return 1;
  return dn && n > dn + 1 && domain[n - dn - 1] == '.' && !case_diffb(domain + n - dn, dn, d);
}

/* An entry: local@domain, @domain, or @.domain (the domain and those
 * below it), angle brackets allowed. */
static int addr_matches(const char *w, size_t n, const void *ctx)
{
  const struct addr *a = ctx;
  if (n >= 2 && w[0] == '<' && w[n - 1] == '>') { ++w; n -= 2; }
  const char *at = memchr(w, '@', n);
  if (!at || !a->domain.len) return 0;
  size_t ln = (size_t)(at - w);
  const char *d = at + 1;
  size_t dn = n - ln - 1;
  int sub = dn && d[0] == '.';
  if (sub) { ++d; --dn; }
  if (ln && (ln != a->local.len || case_diffb(w, ln, a->local.s))) return 0;
  return in_domain(a->domain.s, d, dn, sub);
}

int bofh_badfrom(struct session *s, const struct addr *a)
{
  if ((a->flags & ADDR_NULL) || !each_word(s->cfg->bofh_badfrom, addr_matches, a)) return 0;
  reply(s, "517 5.7.1 Mail from this address is not accepted");
  log_line("refused sender ip=", s->cfg->remoteip, " from=", a->local.s, "@", a->domain.s, " reason=badfrom");
  return 1;
}

/* A spam trap makes the whole message unwanted: the trap is refused,
 * and so are the recipients after it and the message (DATA/BDAT). */
int bofh_spamtrap(struct session *s, const struct addr *a)
{
  if (!s->trapped && !each_word(s->cfg->bofh_spamtrap, addr_matches, a)) return 0;
  if (!s->trapped) log_line("spamtrap ip=", s->cfg->remoteip, " to=", a->local.s, "@", a->domain.s);
  s->trapped = 1;
  reply(s, "550 5.7.1 This message is not accepted");
  return 1;
}

/* The client's host name: TCPREMOTEHOST, else its PTR record. */
static int client_name(const struct session *s, stralloc *out)
{
  char ip[16];
  if (s->cfg->remotehost && *s->cfg->remotehost) return stralloc_copys(out, s->cfg->remotehost) ? 1 : -1;
  if (scan_ip4(s->cfg->remoteip, ip) && !s->cfg->remoteip[scan_ip4(s->cfg->remoteip, ip)]) {
    if (dns_name4(out, ip) < 0) return -1;
  } else if (scan_ip6(s->cfg->remoteip, ip)) {
    if (dns_name6(out, ip) < 0) return -1;
  } else {
    return 0;
  }
  return out->len > 0;
}

static int host_in(const char *w, size_t n, const void *ctx)
{
  return in_domain(ctx, w, n, 1);
}

/* One freemail line: "provider relay-domain ...". 1 the sender is the
 * provider's and the client is none of its hosts, 0 fine, -1 DNS down. */
static int freemail_line(const struct session *s, const struct addr *a, const char *line, size_t len, stralloc *host)
{
  size_t n = strcspn(line, " \t");
  if (n > len) n = len;
  if (!n || !same(a->domain.s, a->domain.len, line, n)) return 0;
  if (!host->len) {
    int r = client_name(s, host);
    if (r < 0) return -1;
    if (!r) return 1;
    if (!stralloc_0(host)) die_nomem();
  }
  stralloc list = { 0, 0, 0 };
  if (!stralloc_copyb(&list, line, len) || !stralloc_0(&list)) die_nomem();
  int ok = each_word(list.s, host_in, host->s);
  stralloc_free(&list);
  return !ok;
}

/* Mail claiming a free mail provider's domain must come from that
 * provider's servers: a client that may relay or authenticated itself
 * is not checked. */
int bofh_freemail(struct session *s, const struct addr *a)
{
  const char *list = s->cfg->bofh_freemail;
  if (!list || !*list || (a->flags & (ADDR_NULL | ADDR_LITERAL)) || s->cfg->relayclient || s->authed) return 0;
  stralloc host = { 0, 0, 0 };
  int r = 0;
  for (const char *p = list; *p && !r;) {
    size_t len = strcspn(p, "\n");
    while (len && (*p == ' ' || *p == '\t')) { ++p; --len; }
    r = freemail_line(s, a, p, len, &host);
    p += len;
    if (*p) ++p;
  }
  if (r < 0) reply(s, "451 4.4.3 Temporary failure looking up your host name");
  if (r > 0) {
    reply(s, "517 5.7.1 Mail from this domain is accepted only from its own mail servers");
    log_line("refused sender ip=", s->cfg->remoteip, " from=", a->local.s, "@", a->domain.s, " reason=freemail");
  }
  stralloc_free(&host);
  return r != 0;
}

/* Whether one of the addresses in ips (size bytes each) is a badmx entry. */
static int ip_listed(const char *w, size_t n, const void *ctx)
{
  const stralloc *ips = ((const stralloc *const *)ctx)[0];
  size_t size = *((const size_t *const *)ctx)[1];
  char word[64], ip[16];
  if (n >= sizeof word) return 0;
  memcpy(word, w, n);
  word[n] = 0;
  size_t k = size == 4 ? scan_ip4(word, ip) : scan_ip6(word, ip);
  if (k != n) return 0;
  for (size_t i = 0; i + size <= ips->len; i += size)
    if (!memcmp(ips->s + i, ip, size)) return 1;
  return 0;
}

/* 1 host has a listed address, 0 not, -1 DNS failure. */
static int host_listed(const char *list, stralloc *host)
{
  stralloc ips = { 0, 0, 0 };
  size_t size = 4;
  const void *ctx[2] = { &ips, &size };
  int r = dns_ip4(&ips, host) < 0 ? -1 : each_word(list, ip_listed, ctx);
  if (r == 0) {
    size = 16;
    r = dns_ip6(&ips, host) < 0 ? -1 : each_word(list, ip_listed, ctx);
  }
  stralloc_free(&ips);
  return r;
}

/* 1 a mail server of domain (its MX hosts, else the domain itself) is
 * at a badmx address, 0 not, -1 DNS failure. */
static int domain_badmx(const char *list, const char *domain)
{
  stralloc fqdn = { 0, 0, 0 }, mx = { 0, 0, 0 }, host = { 0, 0, 0 };
  if (!stralloc_copys(&fqdn, domain)) die_nomem();
  int r = dns_mx(&mx, &fqdn) < 0 ? -1 : 0;
  if (r == 0 && !mx.len) r = host_listed(list, &fqdn);
  for (size_t i = 0; r == 0 && i + 2 < mx.len;) {
    size_t n = strlen(mx.s + i + 2);
    if (!stralloc_copyb(&host, mx.s + i + 2, n)) die_nomem();
    r = host_listed(list, &host);
    i += n + 3;
  }
  stralloc_free(&fqdn);
  stralloc_free(&mx);
  stralloc_free(&host);
  return r;
}

/* Senders whose domain's mail servers sit at addresses no real mail
 * server has (badmx 127.0.0.1 ...): their bounces could never arrive. */
int bofh_badmx(struct session *s, const struct addr *a)
{
  const char *list = s->cfg->bofh_badmx;
  if (!list || !*list || (a->flags & (ADDR_NULL | ADDR_LITERAL)) || s->cfg->relayclient || s->authed) return 0;
  int r = domain_badmx(list, a->domain.s);
  if (r < 0) reply(s, "451 4.4.3 Temporary failure looking up the sender's domain");
  if (r > 0) {
    reply(s, "517 5.7.1 The sender's domain has an unacceptable mail server");
    log_line("refused sender ip=", s->cfg->remoteip, " from=", a->local.s, "@", a->domain.s, " reason=badmx");
  }
  return r != 0;
}
