/* Unit tests for smtpaccess keys and postern's own rule lookup, the one
 * smtpd applies to IPv6 clients. */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include "tap.h"
#include "access.h"
#include "table.h"

static char path[] = "/tmp/postern-unit-access.XXXXXX";

static const char *key_of(const char *rule)
{
  static stralloc k;
  const char *err = 0;
  int r = access_rule_key(&k, rule, strlen(rule), &err);
  if (r != 1) return err ? err : "(nomem)";
  stralloc_0(&k);
  return k.s;
}

static const char *lookup(const char *ip)
{
  static stralloc v;
  int r = access_lookup(path, ip, &v);
  if (r < 0) return errno == EINVAL ? "(not an address)" : "(error)";
  if (r == 0) return "deny";
  for (size_t i = 0; i < v.len; ++i) if (!v.s[i]) v.s[i] = ';';
  stralloc_0(&v);
  return v.s;
}

static void keys(void)
{
  is_str(key_of("192.0.2.1"), "192.0.2.1", "an IPv4 address");
  is_str(key_of("010.001.2.3"), "10.1.2.3", "leading zeros dropped, as TCPREMOTEIP has none");
  is_str(key_of("10.1"), "10.1.", "Courier's prefix without a dot");
  is_str(key_of("10.1."), "10.1.", "tcprules' prefix with a dot");
  is_str(key_of("10.0.0.0/8"), "10.", "CIDR /8");
  is_str(key_of("0.0.0.0/0"), "", "CIDR /0 is every client");
  is_str(key_of("*"), "", "* is every client");
  is_str(key_of("::1"), ":0000:0000:0000:0000:0000:0000:0000:0001", "::1 in Courier's form");
  is_str(key_of(":0:0:0:0:0:0:0:1"), ":0000:0000:0000:0000:0000:0000:0000:0001", "short groups padded");
  is_str(key_of(":2001:0DB8"), ":2001:0db8:", "a Courier prefix, lower-cased");
  is_str(key_of(":2001:0db8:"), ":2001:0db8:", "with its trailing colon");
  is_str(key_of("2001:db8::/32"), ":2001:0db8:", "IPv6 CIDR");
  is_str(key_of("2001:db8::1/128"), ":2001:0db8:0000:0000:0000:0000:0000:0001", "IPv6 /128 is one address");
  is_str(key_of("::ffff:192.0.2.9"), "192.0.2.9", "an IPv4-mapped address is IPv4");
  is_str(key_of("1.2.3.4.5"), "bad IPv4 address", "five octets");
  is_str(key_of("1..2"), "bad IPv4 address", "an empty octet");
  is_str(key_of(":1:2:3:4:5:6:7:8:9"), "bad IPv6 address", "nine groups");
  is_str(key_of("2001:db8::zz"), "bad IPv6 address", "not hex");
  is_str(key_of("2001:db8::/20"), "IPv6 prefix length must be a multiple of 16", "IPv6 /20");
}

int main(void)
{
  int fd = mkstemp(path);
  if (fd < 0) return 1;
  close(fd);
  keys();

  static const char *const rules[] = {
    "127.0.0.1\tallow,RELAYCLIENT", "10.1.\tallow,X=prefix", "10.1.2.3\tdeny",
    "::1\tallow,RELAYCLIENT,V6=yes", "2001:db8::/32\tallow,BLOCK=\"550 not you\"",
    ":2001:0db8:0001\tdeny", "*\tallow,DEFAULT=1", 0 };
  struct table t = {0};
  stralloc k = {0}, v = {0};
  for (int i = 0; rules[i]; ++i) {
    const char *err = 0;
    if (access_line_parse(rules[i], strlen(rules[i]), &k, &v, &err) != 1) { ok(0, rules[i]); continue; }
    table_add(&t, k.s, k.len, v.s, v.len, "rules", (unsigned long)i + 1);
  }
  ok(table_write(&t, path), "the rules are written");

  is_str(lookup("127.0.0.1"), "RELAYCLIENT=;", "an exact IPv4 rule");
  is_str(lookup("10.1.9.9"), "X=prefix;", "an IPv4 prefix");
  is_str(lookup("10.1.2.3"), "deny", "the exact rule before the prefix");
  is_str(lookup("192.0.2.1"), "DEFAULT=1;", "the default rule");
  is_str(lookup("::1"), "RELAYCLIENT=;V6=yes;", "an exact IPv6 rule");
  is_str(lookup("0:0:0::1"), "RELAYCLIENT=;V6=yes;", "whatever way it is written");
  is_str(lookup("2001:db8:ffff::25"), "BLOCK=550 not you;", "an IPv6 prefix");
  is_str(lookup("2001:db8:1::25"), "deny", "a longer IPv6 prefix wins");
  is_str(lookup("2001:db9::1"), "DEFAULT=1;", "IPv6 default");
  is_str(lookup("::ffff:127.0.0.1"), "RELAYCLIENT=;", "IPv4-mapped clients get the IPv4 rules");
  is_str(lookup("fe80::1%eth0"), "DEFAULT=1;", "a scope id is ignored");
  is_str(lookup("not-an-ip"), "(not an address)", "garbage is EINVAL");
  is_str(lookup("1.2.3"), "(not an address)", "a prefix is not a client address");

  stralloc vars = {0};
  access_lookup(path, "::1", &vars);
  unsetenv("RELAYCLIENT");
  ok(access_setenv(&vars), "access_setenv");
  is_str(getenv("RELAYCLIENT"), "", "RELAYCLIENT is set, empty");
  is_str(getenv("V6"), "yes", "V6 is set");

  unlink(path);
  errno = 0;
  is_int(access_lookup(path, "127.0.0.1", &vars), -1, "no table is an error");
  is_int(errno, ENOENT, "ENOENT, so the caller can tell");
  table_free(&t);
  free(k.s); free(v.s); free(vars.s);
  return done_testing();
}
