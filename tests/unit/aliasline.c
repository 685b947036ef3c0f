/* Unit tests for the aliases line parser and the domain line parser. */
#include <stdlib.h>
#include "tap.h"
#include "aliasline.h"
#include "domline.h"

static struct alias_line l;

static const char *parse(const char *line)
{
  static stralloc out;
  const char *err = "?";
  int r = alias_line_parse(&l, line, strlen(line), &err);
  if (r != 1) return err;
  out.len = 0;
  if (l.continued) stralloc_cats(&out, "+");
  if (l.virtual_domain) stralloc_cats(&out, "(virtual)");
  stralloc_cat(&out, &l.local);
  if (l.domain.len) { stralloc_cats(&out, "@"); stralloc_cat(&out, &l.domain); }
  stralloc_cats(&out, " ->");
  for (size_t i = 0; i < l.targets.len; i += strlen(l.targets.s + i) + 1) {
    stralloc_cats(&out, " [");
    stralloc_cats(&out, l.targets.s + i);
    stralloc_cats(&out, "]");
  }
  stralloc_0(&out);
  return out.s;
}

static const char *dom(const char *line, int flags)
{
  static stralloc out;
  stralloc k = {0}, v = {0};
  const char *err = "?";
  int r = domline_parse(line, strlen(line), flags, &k, &v, &err);
  if (r != 1) { free(k.s); free(v.s); return err; }
  out.len = 0;
  stralloc_cat(&out, &k);
  stralloc_cats(&out, "=");
  stralloc_cat(&out, &v);
  stralloc_0(&out);
  free(k.s); free(v.s);
  return out.s;
}

int main(void)
{
  is_str(parse("root: postmaster"), "root -> [postmaster]", "a simple alias");
  is_str(parse("PostMaster:admin,  Admin@Example.COM. "), "postmaster -> [admin] [Admin@example.com]",
         "name lower-cased, target domain canonical, local part kept");
  is_str(parse("\"John Smith\"@Example.com: js"), "\"john smith\"@example.com -> [js]", "a quoted name");
  is_str(parse("\"a:b\"@x.test: c"), "\"a:b\"@x.test -> [c]", "a ':' inside quotes");
  is_str(parse("@Virtual.Test: john"), "(virtual)@virtual.test -> [john]", "qmail-style domain");
  is_str(parse("@example.com: uucp!bang!path!"), "(virtual)@example.com -> [uucp!bang!path!]", "a bang path target");
  is_str(parse("p: |/usr/bin/prog -x a, b"), "p -> [|/usr/bin/prog -x a, b]", "a program runs to the end of the line");
  is_str(parse("p: a, |prog"), "p -> [a] [|prog]", "a program after other targets");
  is_str(parse("f: /var/mail/f, /home/f/Maildir/"), "f -> [/var/mail/f] [/home/f/Maildir/]", "files and maildirs");
  is_str(parse("q: \"|prog a, b\", \"/odd, name\""), "q -> [|prog a, b] [/odd, name]", "quoted whole targets");
  is_str(parse("q: \"x y\"@example.com"), "q -> [\"x y\"@example.com]", "a quoted local part in a target");
  is_str(parse("i: :include:/etc/list"), "i -> [:include:/etc/list]", ":include:");
  is_str(parse("a: b,"), "a -> [b]", "a trailing comma");
  is_str(parse("a:"), "a ->", "no targets yet (continuation may follow)");
  is_str(parse("  b, c"), "+ -> [b] [c]", "a continuation line");
  is_str(parse("\tb"), "+ -> [b]", "a tab continues too");
  is_str(parse("a b: c"), "alias name is not an address", "a blank in the name");
  is_str(parse(": c"), "no alias name before ':'", "no name");
  is_str(parse("abc"), "no ':' after the alias name", "no colon");
  is_str(parse("a: b,,c"), "empty target", "an empty target");
  is_str(parse("a: |"), "no program after '|'", "an empty program");
  is_str(parse("a: :include:etc/list"), ":include: needs an absolute path", "a relative include");
  is_str(parse("a: b c"), "not an address", "two words in a target");
  is_str(parse("a: b@bad_domain"), "bad domain in target", "a bad target domain");
  is_str(parse("a@bad_domain: b"), "bad domain in alias name", "a bad name domain");
  is_str(parse("@bad_domain: b"), "not a domain name", "a bad qmail-style domain");
  is_str(parse("<>: b"), "alias name is not an address", "the null address is not a name");
  is_str(parse("@a:b@c: d"), "not an address", "a source route is not a name");
  is_str(parse("a: \"|x\" y"), "text after a quoted target", "text after a quoted target");
  is_str(parse("a: j\xc3\xb6rg@example.com"), "a -> [j\xc3\xb6rg@example.com]", "UTF-8 targets");
  is_str(parse("a: j\xf6rg@example.com"), "not an address", "Latin-1 targets are refused");
  alias_line_free(&l);

  is_str(dom("Example.COM.", 0), "example.com=", "a domain, canonical");
  is_str(dom(".Example.com", 0), ".example.com=", "a wildcard");
  is_str(dom("[192.0.2.1]", 0), "[192.0.2.1]=", "an address literal");
  is_str(dom("[IPv6:::1]", 0), "[ipv6:::1]=", "an IPv6 literal");
  is_str(dom("[IPv6:0:0:0::0:1]", 0), "[ipv6:::1]=", "in its shortest form");
  is_str(dom("mail.example.com\texample.com", DOMLINE_ALIAS), "mail.example.com=example.com", "an alias");
  is_str(dom("mail.example.com\texample.com", 0), "more than one domain on a line", "no alias without the flag");
  is_str(dom("a\tb\tc", DOMLINE_ALIAS), "more than one domain on a line", "three words");
  is_str(dom("x\t.example.com", DOMLINE_ALIAS), "a wildcard is not allowed here", "an alias of a wildcard");
  is_str(dom("a.b\tA.B.", DOMLINE_ALIAS), "a domain cannot be an alias of itself", "an alias of itself");
  is_str(dom("-bad.example", 0), "not a domain name", "a bad name");
  is_str(dom(".[192.0.2.1]", 0), "not a domain name", "a wildcard literal");
  is_str(dom("..example", 0), "not a domain name", "two dots");
  return done_testing();
}
