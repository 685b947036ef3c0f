/* Unit tests for the account lookup: option merging and reading,
 * userdb.cdb before passwd in authmodulelist order, domain folding. */
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "tap.h"
#include "account_mod.h"
#include "userdb_src.h"

static char root[] = "/tmp/postern-unit-account.XXXXXX";

static void put(const char *rel, const char *text)
{
  char path[512];
  snprintf(path, sizeof path, "%s/%s", root, rel);
  FILE *f = fopen(path, "w");
  fputs(text, f);
  fclose(f);
  chmod(path, 0600);
}

static void options(void)
{
  struct account a = {0};
  const char *own = "disableimap=0,wbnoimages=1";
  ok(account_merge_options(&a, "disableimap=1,disablepop3=1,disableshared", own, strlen(own)), "merge");
  is_str(a.options.s, "disablepop3=1,disableshared,disableimap=0,wbnoimages=1", "the account's options win, defaults first");
  ok(account_option(&a, "disablepop3"), "name=1 is set");
  ok(account_option(&a, "disableshared"), "a bare name is set");
  ok(!account_option(&a, "disableimap"), "name=0 is not");
  ok(!account_option(&a, "disable"), "a prefix of a name is not a name");
  ok(!account_option(&a, "wbnodsn"), "an absent option is not set");
  ok(account_merge_options(&a, 0, "", 0) && a.options.len == 0 && a.options.s && !*a.options.s, "no options at all");
  account_free(&a);
}

int main(void)
{
  options();
  if (!mkdtemp(root)) return 111;
  char path[512], cdb[512], shadow[512], text[1024];
  snprintf(path, sizeof path, "%s/etc", root);
  mkdir(path, 0755);
  setenv("POSTERN_HOME", root, 1);
  put("etc/userdb", "joe@example.test\thome=/home/joe|uid=1001|gid=1002|quota=100S|systempw=x\n"
                    "box@example.test\thome=/h|uid=1|gid=1|mail=/var/box\n");
  snprintf(path, sizeof path, "%s/etc/userdb", root);
  snprintf(cdb, sizeof cdb, "%s/etc/userdb.cdb", root);
  snprintf(shadow, sizeof shadow, "%s/etc/userdbshadow.cdb", root);
  stralloc err = {0};
  is_int(userdb_compile(path, cdb, shadow, &err), 1, "compile");
  put("passwd", "joe:x:2001:2002::/home/sysjoe:/bin/sh\nann:x:3001:3002::/home/ann:/bin/sh\n");
  snprintf(text, sizeof text, "authmodulelist='authuserdb authpwd'\nAUTHPWD_PASSWD=%s/passwd\nDEFAULTOPTIONS=wbnodsn=1\n", root);
  put("etc/authdaemonrc", text);

  struct account a = {0};
  is_int(account_lookup(&a, "joe@example.test"), 1, "a userdb account");
  ok(a.uid == 1001 && a.gid == 1002, "its uid and gid");
  is_str(a.home.s, "/home/joe", "home");
  is_str(a.maildir.s, "/home/joe/Maildir", "MAILDIR defaults to home/Maildir");
  is_str(a.quota.s, "100S", "quota");
  is_str(a.options.s, "wbnodsn=1", "DEFAULTOPTIONS");
  account_free(&a);
  is_int(account_lookup(&a, "joe@EXAMPLE.Test"), 1, "the domain is folded");
  is_str(a.address.s, "joe@example.test", "to the stored address");
  account_free(&a);
  is_int(account_lookup(&a, "box@example.test"), 1, "mail field");
  is_str(a.maildir.s, "/var/box", "is MAILDIR");
  account_free(&a);
  is_int(account_lookup(&a, "ann"), 1, "a passwd account");
  ok(a.uid == 3001 && a.gid == 3002, "its ids");
  is_str(a.user.s, "ann", "USER is the login name");
  is_str(a.maildir.s, "/home/ann/Maildir", "and its Maildir");
  account_free(&a);
  is_int(account_lookup(&a, "nobody-here"), 0, "an unknown name");
  account_free(&a);
  snprintf(text, sizeof text, "authmodulelist='authpwd authuserdb'\nAUTHPWD_PASSWD=%s/passwd\n", root);
  put("etc/authdaemonrc", text);
  is_int(account_lookup(&a, "joe"), 1, "authpwd first");
  is_str(a.home.s, "/home/sysjoe", "finds the system joe");
  account_free(&a);
  snprintf(text, sizeof text, "authmodulelist=authpwd\nAUTHPWD_PASSWD=%s/nonexistent\n", root);
  put("etc/authdaemonrc", text);
  is_int(account_lookup(&a, "joe"), -1, "an unreadable passwd file is a temporary failure");
  account_free(&a);
  free(err.s);
  snprintf(text, sizeof text, "rm -rf '%s'", root);
  if (system(text) != 0) ok(0, "cleanup");
  return done_testing();
}
