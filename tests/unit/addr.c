/* Unit tests for the address parser: RFC 5321 paths, RFC 5322
 * addr-specs and the forms used to slip relayed mail past a server. */
#include <stdlib.h>
#include "tap.h"
#include "addr.h"
#include "utf8.h"

static struct addr a;

static int path(const char *s) { return addr_parse_path(&a, s, strlen(s)); }
static int bare(const char *s) { return addr_parse(&a, s, strlen(s)); }

static const char *formatted(void)
{
  static stralloc out;
  out.len = 0;
  addr_format(&out, &a);
  stralloc_0(&out);
  return out.s;
}

static void check(const char *in, const char *local, const char *domain, unsigned flags)
{
  char name[600];
  int r = path(in);
  snprintf(name, sizeof name, "%s parses", in);
  is_int(r, (int)strlen(in), name);
  snprintf(name, sizeof name, "%s: local part", in);
  is_str(a.local.s, local, name);
  snprintf(name, sizeof name, "%s: domain", in);
  is_str(a.domain.s, domain, name);
  snprintf(name, sizeof name, "%s: flags", in);
  is_int(a.flags, flags, name);
}

static void refuse(const char *in, int err)
{
  char name[600];
  snprintf(name, sizeof name, "%s is refused (%d)", in, err);
  is_int(path(in), -err, name);
}

static void plain(void)
{
  check("<user@example.com>", "user", "example.com", 0);
  check("<first.last+tag@Sub.Example.COM>", "first.last+tag", "Sub.Example.COM", 0);
  check("<>", "", "", ADDR_NULL);
  check("<postmaster>", "postmaster", "", ADDR_NODOMAIN);
  check("<user@example.com.>", "user", "example.com.", 0);
  check(" <user@example.com>", "user", "example.com", 0);
  is_int(path("<a@b> SIZE=100"), 5, "the length stops at '>' so parameters follow");
  is_int(path("<>  BODY=8BITMIME"), 2, "null path with parameters");
  refuse("user@example.com", ADDR_ESYNTAX);
  refuse("<user@example.com", ADDR_ESYNTAX);
  refuse("<user@>", ADDR_ESYNTAX);
  refuse("<@example.com>", ADDR_ESYNTAX);
  refuse("<.user@example.com>", ADDR_ESYNTAX);
  refuse("<user.@example.com>", ADDR_ESYNTAX);
  refuse("<us..er@example.com>", ADDR_ESYNTAX);
  refuse("<us er@example.com>", ADDR_ESYNTAX);
  refuse("<user@exa mple.com>", ADDR_ESYNTAX);
  refuse("<user@example.com >", ADDR_ESYNTAX);
  refuse("<a(comment)@example.com>", ADDR_ESYNTAX);
  refuse("", ADDR_ESYNTAX);
  refuse("<", ADDR_ESYNTAX);
  is_int(addr_parse_path(&a, "<a@b>", 4), -ADDR_ESYNTAX, "never reads past len");
}

static void quoted(void)
{
  check("<\"john smith\"@example.com>", "john smith", "example.com", ADDR_QUOTED);
  check("<\"a\\\"b\\\\c\"@example.com>", "a\"b\\c", "example.com", ADDR_QUOTED);
  is_str(formatted(), "\"a\\\"b\\\\c\"@example.com", "quotes and backslashes escaped again");
  check("<\"plain\"@example.com>", "plain", "example.com", ADDR_QUOTED);
  is_str(formatted(), "plain@example.com", "a needlessly quoted local part is formatted bare");
  check("<\"\"@example.com>", "", "example.com", ADDR_QUOTED);
  is_str(formatted(), "\"\"@example.com", "an empty quoted local part stays quoted");
  refuse("<\"unterminated@example.com>", ADDR_ESYNTAX);
  refuse("<\"tab\there\"@example.com>", ADDR_E8BIT);
  refuse("<\"nul\\\x01\"@example.com>", ADDR_E8BIT);
  refuse("<\"a\"b@example.com>", ADDR_ESYNTAX);
}

static void relay_battery(void)
{
  check("<user%other@local>", "user%other", "local", ADDR_PERCENT);
  check("<\"user@other\"@local>", "user@other", "local", ADDR_QUOTED | ADDR_AT_LOCAL);
  is_str(formatted(), "\"user@other\"@local", "a quoted '@' stays quoted");
  check("<@local:user@other>", "user", "other", ADDR_ROUTE);
  check("<@a.example,@b.example:user@other>", "user", "other", ADDR_ROUTE);
  check("<user!other@local>", "user!other", "local", ADDR_BANG);
  check("<other!user%third@local>", "other!user%third", "local", ADDR_BANG | ADDR_PERCENT);
  check("<\"user%other\"@local>", "user%other", "local", ADDR_QUOTED | ADDR_PERCENT);
  refuse("<user@other@local>", ADDR_ESYNTAX);
  refuse("<@local,user@other>", ADDR_ESYNTAX);
  refuse("<@local:>", ADDR_ESYNTAX);
  refuse("<@:user@other>", ADDR_ESYNTAX);
  is_int(bare("user@other@local"), -ADDR_ESYNTAX, "bare user@other@local is refused");
}

static void eightbit(void)
{
  check("<j\xc3\xb6rg@example.com>", "j\xc3\xb6rg", "example.com", ADDR_UTF8);
  check("<\"j\xc3\xb6rg m\"@example.com>", "j\xc3\xb6rg m", "example.com", ADDR_QUOTED | ADDR_UTF8);
  check("<user@b\xc3\xbc" "cher.example>", "user", "b\xc3\xbc" "cher.example", ADDR_UTF8);
  check("<\xe7\x94\xa8\xe6\x88\xb7@\xe4\xbe\x8b\xe5\xad\x90.\xe5\xb9\xbf\xe5\x91\x8a>",
        "\xe7\x94\xa8\xe6\x88\xb7", "\xe4\xbe\x8b\xe5\xad\x90.\xe5\xb9\xbf\xe5\x91\x8a", ADDR_UTF8);
  refuse("<j\xf6rg@example.com>", ADDR_E8BIT);                /* Latin-1 */
  refuse("<\"j\xf6rg\"@example.com>", ADDR_E8BIT);
  refuse("<user@b\xfc" "cher.example>", ADDR_E8BIT);
  refuse("<\xc0\xaf@example.com>", ADDR_E8BIT);               /* overlong '/' */
  refuse("<\xed\xa0\x80@example.com>", ADDR_E8BIT);           /* surrogate */
  refuse("<\xf4\x90\x80\x80@example.com>", ADDR_E8BIT);       /* above U+10FFFF */
  refuse("<\xe2\x82@example.com>", ADDR_E8BIT);               /* truncated */
  refuse("<us\x7f" "er@example.com>", ADDR_E8BIT);
  refuse("<user@exa\x01mple.com>", ADDR_E8BIT);
  ok(utf8_valid("\xf0\x9f\x93\xac", 4), "a four-byte sequence is valid UTF-8");
  ok(!utf8_valid("\xf0\x9f\x93", 3), "a truncated one is not");
}

static void domains(void)
{
  check("<user@[192.0.2.1]>", "user", "[192.0.2.1]", ADDR_LITERAL);
  check("<user@[IPv6:2001:db8::1]>", "user", "[IPv6:2001:db8::1]", ADDR_LITERAL);
  check("<user@[ipv6:::1]>", "user", "[ipv6:::1]", ADDR_LITERAL);
  check("<user@[IPv6:::ffff:192.0.2.1]>", "user", "[IPv6:::ffff:192.0.2.1]", ADDR_LITERAL);
  check("<user@[256.0.0.1]>", "user", "[256.0.0.1]", ADDR_LITERAL | ADDR_BAD_DOMAIN);
  check("<user@[1.2.3]>", "user", "[1.2.3]", ADDR_LITERAL | ADDR_BAD_DOMAIN);
  check("<user@[IPv6:2001:db8::g]>", "user", "[IPv6:2001:db8::g]", ADDR_LITERAL | ADDR_BAD_DOMAIN);
  check("<user@[x400:whatever]>", "user", "[x400:whatever]", ADDR_LITERAL | ADDR_BAD_DOMAIN);
  check("<user@-bad.example>", "user", "-bad.example", ADDR_BAD_DOMAIN);
  check("<user@bad-.example>", "user", "bad-.example", ADDR_BAD_DOMAIN);
  check("<user@a..example>", "user", "a..example", ADDR_BAD_DOMAIN);
  check("<user@under_score.example>", "user", "under_score.example", ADDR_BAD_DOMAIN);
  check("<user@.>", "user", ".", ADDR_BAD_DOMAIN);
  check("<user@localhost>", "user", "localhost", 0);
  refuse("<user@[192.0.2.1>", ADDR_ESYNTAX);
  refuse("<user@[1.2.3.4]x>", ADDR_ESYNTAX);
  refuse("<user@[a@b]>", ADDR_ESYNTAX);
  refuse("<user@[a\"b]>", ADDR_ESYNTAX);
  is_int(bare("}@[0J@m]"), -ADDR_ESYNTAX, "no '@' inside a bare address literal either");
}

static void lengths(void)
{
  char buf[700], local[80], dom[300];
  memset(local, 'l', 64); local[64] = 0;
  snprintf(buf, sizeof buf, "<%s@example.com>", local);
  is_int(path(buf), (int)strlen(buf), "a 64-octet local part is allowed");
  memset(local, 'l', 65); local[65] = 0;
  snprintf(buf, sizeof buf, "<%s@example.com>", local);
  is_int(path(buf), -ADDR_ETOOLONG, "a 65-octet local part is too long");
  snprintf(buf, sizeof buf, "<\"%.62s \"@example.com>", local);
  is_int(path(buf), -ADDR_ETOOLONG, "the quotes count in the local part's length");
  for (int i = 0; i < 256; ++i) dom[i] = (i % 60 == 59) ? '.' : 'd';
  dom[256] = 0;
  snprintf(buf, sizeof buf, "<u@%s>", dom);
  is_int(path(buf), -ADDR_ETOOLONG, "a 256-octet domain is too long");
  dom[250] = 0;
  snprintf(buf, sizeof buf, "<u@%s>", dom);
  is_int(path(buf), (int)strlen(buf), "a 250-octet domain is allowed");
  memset(local, 'l', 64); local[64] = 0;
  dom[200] = 0;
  snprintf(buf, sizeof buf, "<%s@%s>", local, dom);
  is_int(path(buf), -ADDR_ETOOLONG, "a path over 256 octets is too long");
  snprintf(buf, sizeof buf, "%s@%s", local, dom);
  is_int(bare(buf), -ADDR_ETOOLONG, "so is a bare address over 256");
  char *huge = malloc(100000);
  memset(huge, 'a', 100000);
  huge[0] = '<';
  is_int(addr_parse_path(&a, huge, 100000), -ADDR_ETOOLONG, "100000 octets without a closing bracket");
  free(huge);
  int all = 1;
  for (int n = 1; n < 63; ++n) {   /* errors after the local part has grown to any size */
    snprintf(buf, sizeof buf, "<\"%.*s\"x@b>", n, dom);
    if (path(buf) != -ADDR_ESYNTAX || a.local.s[a.local.len]) all = 0;
    snprintf(buf, sizeof buf, "%.*s@[1", n, dom);
    if (bare(buf) != -ADDR_ESYNTAX || a.domain.s[a.domain.len]) all = 0;
  }
  ok(all, "failures leave both parts NUL-terminated, whatever their size");
  /* found by the fuzzer: the terminating NUL was once written past the end */
  static const char *const found[] = { "44442444444444444444444444444SS", "=&?6?&??ggggggggggggggggggggggg" };
  for (int i = 0; i < 2; ++i) {
    struct addr fresh = {0};
    addr_parse_path(&fresh, found[i], strlen(found[i]));
    is_int(addr_parse(&fresh, found[i], strlen(found[i])), 31, found[i]);
    addr_free(&fresh);
  }
}

static void bare_and_format(void)
{
  is_int(bare("user@example.com"), 16, "bare address");
  is_str(a.local.s, "user", "bare local");
  is_int(bare("\"john smith\"@example.com"), 24, "bare quoted");
  is_str(a.local.s, "john smith", "bare quoted local");
  is_int(bare(""), 0, "empty bare address is the null address");
  ok(a.flags & ADDR_NULL, "and flagged null");
  is_str(formatted(), "", "the null path formats as the empty string");
  is_int(bare("postmaster"), 10, "bare local part only");
  ok(a.flags & ADDR_NODOMAIN, "flagged without domain");
  is_str(formatted(), "postmaster", "formatted without '@'");
  is_int(bare("<user@example.com>"), -ADDR_ESYNTAX, "no brackets in a bare address");
  is_int(bare("user@example.com "), -ADDR_ESYNTAX, "no trailing blank");

  stralloc d = {0};
  stralloc_copys(&d, "Mail.EXAMPLE.Com.");
  stralloc_0(&d); --d.len;
  addr_domain_canon(&d);
  is_str(d.s, "mail.example.com", "canon lower-cases and drops one trailing dot");
  is_int(d.len, 16, "canon keeps len right");
  free(d.s);

  stralloc q = {0};
  addr_quote_local(&q, "a.b", 3);
  addr_quote_local(&q, "a b", 3);
  addr_quote_local(&q, "a..b", 4);
  stralloc_0(&q);
  is_str(q.s, "a.b\"a b\"\"a..b\"", "quote_local quotes only what is not a dot-string");
  free(q.s);

  const char *t = "\"a@b\"@c";
  is_int(addr_at(t, strlen(t)), 5, "addr_at skips a quoted '@'");
  t = "\"a\\\"@b\"@c";
  is_int(addr_at(t, strlen(t)), 7, "addr_at understands escaped quotes");
  is_int(addr_at("local", 5), 5, "addr_at without '@' gives len");
}

int main(void)
{
  plain();
  quoted();
  relay_battery();
  eightbit();
  domains();
  lengths();
  bare_and_format();
  addr_free(&a);
  return done_testing();
}
