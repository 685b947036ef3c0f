/* Unit tests for domain classification and alias lookups over tables
 * written the way the compilers write them. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "tap.h"
#include "aliases.h"
#include "cdbw.h"
#include "domains.h"

static char root[] = "/tmp/postern-unit-domains.XXXXXX";

struct entry { const char *key; const char *value; size_t vlen; };
#define E(k, v) { k, v, sizeof v - 1 }

static void table(const char *name, const struct entry *e)
{
  char path[256];
  struct cdbw w;
  snprintf(path, sizeof path, "%s/etc/%s", root, name);
  cdbw_start(&w, path, 0644);
  for (; e->key; ++e) cdbw_add(&w, e->key, strlen(e->key), e->value, e->vlen);
  cdbw_finish(&w);
}

static const char *alias(const char *address)
{
  static stralloc t;
  t.len = 0;
  int r = aliases_lookup(address, &t);
  if (r != 1) return r ? "(error)" : "(none)";
  for (size_t i = 0; i < t.len; ++i) if (!t.s[i]) t.s[i] = '|';
  stralloc_0(&t);
  return t.s;
}

static void classes(void)
{
  stralloc c = {0};
  is_int(domain_class("Mail.Example.TEST.", &c), DOMAIN_LOCAL, "me is local, case and dot ignored");
  is_str(c.s, "mail.example.test", "canonical is lower-cased");
  is_int(domain_class("a.b.wild.test", &c), DOMAIN_LOCAL, "a leading-dot wildcard covers subdomains");
  is_int(domain_class("wild.test", &c), DOMAIN_FOREIGN, "but not the domain itself");
  is_int(domain_class("[192.0.2.7]", &c), DOMAIN_LOCAL, "a listed address literal is local");
  is_int(domain_class("[192.0.2.8]", &c), DOMAIN_FOREIGN, "another literal is not");
  is_int(domain_class("[IPv6:2001:DB8:0:0::25]", &c), DOMAIN_LOCAL, "an IPv6 literal however written");
  is_str(c.s, "[ipv6:2001:db8::25]", "canonical in its shortest form");
  is_int(domain_class("example.test", &c), DOMAIN_HOSTED, "hosted domain");
  is_str(c.s, "example.test", "its own canonical name");
  is_int(domain_class("MAIL.example.test.alias", &c), DOMAIN_HOSTED, "hosted alias domain");
  is_str(c.s, "example.test", "canonical is the domain it stands for");
  is_int(domain_class("x.hostwild.test", &c), DOMAIN_HOSTED, "hosted wildcard");
  is_int(domain_class("virtual.test", &c), DOMAIN_HOSTED, "a qmail-style @domain is hosted");
  is_str(c.s, "virtual.test", "with its own name");
  is_int(domain_class("elsewhere.test", &c), DOMAIN_FOREIGN, "foreign");
  is_int(domain_class("test", &c), DOMAIN_FOREIGN, "a top-level name alone is foreign");
  free(c.s);
}

static void accepted(void)
{
  char path[256];
  snprintf(path, sizeof path, "%s/etc/esmtpacceptmailfor.cdb", root);
  unlink(path);
  is_int(domain_accepted("mail.example.test"), 1, "without the table, me is accepted");
  is_int(domain_accepted("example.test"), 0, "and nothing else");
  static const struct entry acc[] = { E("example.test", ""), E(".backup.test", ""), {0, 0, 0} };
  table("esmtpacceptmailfor.cdb", acc);
  is_int(domain_accepted("EXAMPLE.test"), 1, "listed");
  is_int(domain_accepted("mx.backup.test"), 1, "wildcard");
  is_int(domain_accepted("backup.test"), 0, "wildcard excludes the parent");
  is_int(domain_accepted("mail.example.test"), 0, "with the table, me must be listed");
}

static void aliases(void)
{
  is_str(alias("postmaster"), "demo@example.test|", "a bare local part");
  is_str(alias("PostMaster@mail.example.test"), "demo@example.test|", "a local domain uses the bare key");
  is_str(alias("postmaster@localhost"), "demo@example.test|", "any local domain");
  is_str(alias("postmaster@example.test"), "(none)", "a hosted domain does not");
  is_str(alias("Sales@Example.Test"), "a@example.test|/var/mail/sales|", "hosted full key");
  is_str(alias("sales@mail.example.test.alias"), "a@example.test|/var/mail/sales|", "through the alias domain");
  is_str(alias("\"john smith\"@example.test"), "js@example.test|", "quoted local parts");
  is_str(alias("foo@virtual.test"), "john-foo|", "qmail-style virtual domain");
  is_str(alias("Bar@uucp.test"), "uucp!bang!path!bar|", "a bang path gets the local part");
  is_str(alias("baz@remote.test"), "john-baz@elsewhere.test|", "a target with a domain gets -local before '@'");
  is_str(alias("nobody@example.test"), "(none)", "not found");
  is_str(alias("not an address"), "(none)", "garbage is not found");
}

int main(void)
{
  char path[256];
  if (!mkdtemp(root)) return 1;
  setenv("POSTERN_HOME", root, 1);
  snprintf(path, sizeof path, "%s/etc", root);
  mkdir(path, 0755);
  static const struct entry locals[] = {
    E("mail.example.test", ""), E("localhost", ""), E(".wild.test", ""),
    E("[192.0.2.7]", ""), E("[ipv6:2001:db8::25]", ""), E("virtual.test", "@"), E("uucp.test", "@"), E("remote.test", "@"), {0, 0, 0} };
  static const struct entry hosted[] = {
    E("example.test", ""), E("mail.example.test.alias", "example.test"), E(".hostwild.test", ""), {0, 0, 0} };
  static const struct entry al[] = {
    E("postmaster", "demo@example.test\0"), E("sales@example.test", "a@example.test\0/var/mail/sales\0"),
    E("\"john smith\"@example.test", "js@example.test\0"), E("@virtual.test", "john\0"),
    E("@uucp.test", "uucp!bang!path!\0"), E("@remote.test", "john@elsewhere.test\0"), {0, 0, 0} };
  table("locals.cdb", locals);
  table("hosteddomains.cdb", hosted);
  table("aliases.cdb", al);
  snprintf(path, sizeof path, "%s/etc/me", root);
  FILE *f = fopen(path, "w");
  fputs("Mail.Example.Test\n", f);
  fclose(f);

  classes();
  accepted();
  aliases();
  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
  if (system(cmd)) return 1;
  return done_testing();
}
