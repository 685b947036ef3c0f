#include <string.h>
#include "addr_syntax.h"
#include "ip6.h"
#include "scan.h"
#include "utf8.h"

int addr_atext(unsigned char c)
{
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return 1;
  return c && strchr("!#$%&'*+-/=?^_`{|}~", c) != 0;
}

int addr_is_dot_string(const char *s, size_t len)
{
  size_t pos = 0, atom = 0;
  while (pos < len) {
    unsigned char c = s[pos];
    if (c == '.') {
      if (!atom) return 0;
      atom = 0;
      ++pos;
      continue;
    }
    size_t n = c >= 0x80 ? utf8_char(s + pos, len - pos) : (size_t)addr_atext(c);
    if (!n) return 0;
    pos += n;
    atom += n;
  }
  return atom > 0;
}

static int ldh(unsigned char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
}

int addr_is_hostname(const char *s, size_t len)
{
  if (len && s[len - 1] == '.') --len;
  if (!len) return 0;
  size_t pos = 0;
  while (pos <= len) {
    size_t start = pos;
    while (pos < len && s[pos] != '.') {
      unsigned char c = s[pos];
      size_t n = c >= 0x80 ? utf8_char(s + pos, len - pos) : (size_t)ldh(c);
      if (!n) return 0;
      pos += n;
    }
    size_t n = pos - start;
    if (!n || n > 63 || s[start] == '-' || s[pos - 1] == '-') return 0;
    ++pos;
  }
  return 1;
}

static int is_ipv4(const char *s, size_t len)
{
  size_t pos = 0;
  for (int part = 0; part < 4; ++part) {
    if (part) {
      if (pos >= len || s[pos] != '.') return 0;
      ++pos;
    }
    unsigned value = 0, digits = 0;
    while (pos < len && s[pos] >= '0' && s[pos] <= '9' && digits < 4) {
      value = value * 10 + (unsigned)(s[pos] - '0');
      ++pos;
      ++digits;
    }
    if (!digits || digits > 3 || value > 255) return 0;
  }
  return pos == len;
}

static int is_ipv6(const char *s, size_t len)
{
  char text[64], ip[16];
  if (!len || len >= sizeof text) return 0;
  memcpy(text, s, len);
  text[len] = 0;
  for (size_t i = 0; i < len; ++i)
    if (!strchr("0123456789abcdefABCDEF:.", text[i])) return 0;
  return scan_ip6(text, ip) == len;
}

int addr_is_literal(const char *s, size_t len)
{
  if (len < 2 || s[0] != '[' || s[len - 1] != ']') return 0;
  s += 1;
  len -= 2;
  if (len >= 5 && !strncasecmp(s, "IPv6:", 5)) return is_ipv6(s + 5, len - 5);
  return is_ipv4(s, len);
}
