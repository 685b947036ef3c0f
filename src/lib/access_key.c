/* Addresses and prefixes as smtpaccess keys (see access.h). */
#include <stdio.h>
#include <string.h>
#include "access.h"
#include "byte.h"
#include "ip6.h"
#include "scan.h"

static int hexdigit(char c)
{
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* Up to four octets "a.b.c.d", maybe with a trailing '.': the count, or
 * 0 when malformed. */
static int v4_octets(const char *s, size_t len, unsigned char o[4], int *trailing_dot)
{
  int n = 0;
  size_t pos = 0;
  *trailing_dot = 0;
  while (pos < len) {
    unsigned v = 0, digits = 0;
    while (pos < len && s[pos] >= '0' && s[pos] <= '9' && digits < 4) v = v * 10 + (unsigned)(s[pos++] - '0'), ++digits;
    if (!digits || digits > 3 || v > 255 || n == 4) return 0;
    o[n++] = (unsigned char)v;
    if (pos == len) break;
    if (s[pos++] != '.') return 0;
    if (pos == len) *trailing_dot = 1;
  }
  return n;
}

static int v4_key(stralloc *key, const unsigned char *o, int n, int prefix)
{
  char buf[8];
  key->len = 0;
  for (int i = 0; i < n; ++i) {
    snprintf(buf, sizeof buf, i ? ".%u" : "%u", o[i]);
    if (!stralloc_cats(key, buf)) return -1;
  }
  return (!prefix || stralloc_append(key, ".")) ? 1 : -1;
}

/* groups of 16 bytes as ":xxxx" each; prefix keys end in ':'. */
static int v6_key(stralloc *key, const unsigned char *ip, int groups, int prefix)
{
  char buf[8];
  key->len = 0;
  for (int i = 0; i < groups; ++i) {
    snprintf(buf, sizeof buf, ":%02x%02x", ip[2 * i], ip[2 * i + 1]);
    if (!stralloc_cats(key, buf)) return -1;
  }
  return (!prefix || stralloc_append(key, ":")) ? 1 : -1;
}

static int scan6(const char *s, size_t len, unsigned char ip[16])
{
  char text[64];
  if (!len || len >= sizeof text) return 0;
  for (size_t i = 0; i < len; ++i) if (!hexdigit(s[i]) && s[i] != ':' && s[i] != '.') return 0;
  memcpy(text, s, len);
  text[len] = 0;
  return scan_ip6(text, (char *)ip) == len;
}

int access_ip_key(stralloc *key, const char *ip, size_t len)
{
  const char *pct = memchr(ip, '%', len);
  if (pct) len = (size_t)(pct - ip);
  if (memchr(ip, ':', len)) {
    unsigned char a[16];
    if (!scan6(ip, len, a)) return 0;
    if (ip6_isv4mapped(a)) return v4_key(key, a + 12, 4, 0);
    return v6_key(key, a, 8, 0);
  }
  unsigned char o[4];
  int dot;
  if (v4_octets(ip, len, o, &dot) != 4 || dot) return 0;
  return v4_key(key, o, 4, 0);
}

/* "/N" at the end: N, -1 when absent, -2 malformed. */
static int cidr(const char *s, size_t *len)
{
  const char *slash = memchr(s, '/', *len);
  if (!slash) return -1;
  size_t n = (size_t)(slash - s), digits = *len - n - 1;
  unsigned v = 0;
  if (!digits || digits > 3) return -2;
  for (size_t i = n + 1; i < *len; ++i) {
    if (s[i] < '0' || s[i] > '9') return -2;
    v = v * 10 + (unsigned)(s[i] - '0');
  }
  *len = n;
  return (int)v;
}

static int courier_v6(stralloc *key, const char *s, size_t len, const char **err)
{
  unsigned char ip[16] = {0};
  int groups = 0;
  size_t pos = 0;
  if (len > 1 && s[len - 1] == ':') --len;
  while (pos < len) {
    if (s[pos++] != ':' || groups == 8) { *err = "bad IPv6 address"; return 0; }
    unsigned v = 0, digits = 0;
    for (; pos < len && hexdigit(s[pos]); ++pos, ++digits)
      v = v * 16 + (unsigned)(s[pos] <= '9' ? s[pos] - '0' : (s[pos] | 0x20) - 'a' + 10);
    if (!digits || digits > 4) { *err = "bad IPv6 address"; return 0; }
    ip[2 * groups] = (unsigned char)(v >> 8);
    ip[2 * groups + 1] = (unsigned char)v;
    ++groups;
  }
  return v6_key(key, ip, groups, groups < 8);
}

static int std_v6(stralloc *key, const char *s, size_t len, const char **err)
{
  int bits = cidr(s, &len);
  unsigned char ip[16];
  if (bits == -2 || bits > 128 || (bits >= 0 && bits % 16)) { *err = "IPv6 prefix length must be a multiple of 16"; return 0; }
  if (!scan6(s, len, ip)) { *err = "bad IPv6 address"; return 0; }
  if (bits < 0) return ip6_isv4mapped(ip) ? v4_key(key, ip + 12, 4, 0) : v6_key(key, ip, 8, 0);
  for (int i = bits / 8; i < 16; ++i) if (ip[i]) { *err = "address has bits set beyond the prefix"; return 0; }
  if (bits == 0) { key->len = 0; return 1; }
  return v6_key(key, ip, bits / 16, bits < 128);
}

static int v4_rule(stralloc *key, const char *s, size_t len, const char **err)
{
  int bits = cidr(s, &len), dot;
  unsigned char o[4];
  int n = v4_octets(s, len, o, &dot);
  if (!n) { *err = "bad IPv4 address"; return 0; }
  if (bits == -1) {
    if (n == 4 && dot) { *err = "bad IPv4 address"; return 0; }
    return v4_key(key, o, n, n < 4);
  }
  if (bits == -2 || bits % 8 || bits > 32) { *err = "IPv4 prefix length must be 0, 8, 16, 24 or 32"; return 0; }
  if (n != 4 || dot) { *err = "a prefix length needs all four octets"; return 0; }
  for (int i = bits / 8; i < 4; ++i) if (o[i]) { *err = "address has bits set beyond the prefix"; return 0; }
  if (bits == 0) { key->len = 0; return 1; }
  return v4_key(key, o, bits / 8, bits < 32);
}

int access_rule_key(stralloc *key, const char *s, size_t len, const char **err)
{
  if (len == 1 && s[0] == '*') { key->len = 0; return 1; }
  if (!memchr(s, ':', len)) return v4_rule(key, s, len, err);
  if (s[0] == ':' && len > 1 && s[1] != ':') return courier_v6(key, s, len, err);
  return std_v6(key, s, len, err);
}
