/* authenumerate: lists every account the modules of authmodulelist can
 * enumerate (userdb.cdb, passwd), one a line:
 *   name<TAB>uid<TAB>gid<TAB>home<TAB>maildir[<TAB>options with -o] */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "account_mod.h"
#include "buffer.h"
#include "cdb.h"
#include "die.h"
#include "exitcode.h"
#include "fmt.h"
#include "home.h"

static void put(const struct account *a, int with_options)
{
  char u[FMT_ULONG], g[FMT_ULONG];
  u[fmt_ulong(u, a->uid)] = 0;
  g[fmt_ulong(g, a->gid)] = 0;
  buffer_putm(buffer_1, a->address.s, "\t", u, "\t", g, "\t", a->home.s, "\t", a->maildir.s);
  if (with_options) buffer_putm(buffer_1, "\t", a->options.s);
  buffer_puts(buffer_1, "\n");
}

static void from_userdb(const struct authconf *conf, int with_options)
{
  stralloc path = {0}, key = {0}, rec = {0};
  if (!home_path(&path, "etc/userdb.cdb")) die_nomem();
  int fd = open(path.s, O_RDONLY | O_CLOEXEC);
  if (fd < 0 && errno == ENOENT) { free(path.s); return; }
  if (fd < 0) die_sys(EXIT_TEMP, "unable to read ", path.s);
  struct cdb c = {0};   /* cdb_init frees what an old map field points to */
  cdb_init(&c, fd);
  uint32 kpos;
  for (int r = cdb_firstkey(&c, &kpos); r > 0; r = cdb_nextkey(&c, &kpos)) {
    uint32 klen = cdb_keylen(&c), dlen = cdb_datalen(&c);
    if (!stralloc_ready(&key, klen + 1) || !stralloc_ready(&rec, dlen + 1)) die_nomem();
    if (cdb_read(&c, (unsigned char *)key.s, klen, cdb_keypos(&c)) < 0
        || cdb_read(&c, (unsigned char *)rec.s, dlen, cdb_datapos(&c)) < 0) die_sys(EXIT_TEMP, "unable to read ", path.s);
    key.s[klen] = 0;
    struct account a = {0};
    if (account_from_userdb(&a, conf, key.s, rec.s, dlen) == 1) put(&a, with_options);
    account_free(&a);
  }
  cdb_free(&c);
  close(fd);
  free(path.s); free(key.s); free(rec.s);
}

static void from_passwd(const struct authconf *conf, int with_options)
{
  const char *file = authconf_get(conf, "AUTHPWD_PASSWD");
  FILE *f = file ? fopen(file, "re") : 0;
  if (file && !f) die_sys(EXIT_TEMP, "unable to read ", file);
  if (!f) setpwent();
  struct passwd *p;
  while ((p = f ? fgetpwent(f) : getpwent())) {
    struct account a = {0};
    if (account_module_lookup(&a, conf, "authpwd", p->pw_name) == 1) put(&a, with_options);
    account_free(&a);
  }
  if (f) fclose(f); else endpwent();
}

int main(int argc, char **argv)
{
  PROG = "authenumerate";
  int with_options = argc == 2 && !strcmp(argv[1], "-o");
  if (argc > 2 || (argc == 2 && !with_options)) die_usage("authenumerate [-o]");
  struct authconf conf;
  if (!authconf_read(&conf)) die_sys(EXIT_TEMP, "unable to read etc/authdaemonrc");
  size_t pos = 0;
  int passwd_done = 0;
  const char *m;
  while ((m = authconf_module(&conf, &pos))) {
    if (!strcmp(m, "authuserdb")) from_userdb(&conf, with_options);
    else if (!passwd_done && (!strcmp(m, "authpwd") || !strcmp(m, "authshadow") || !strcmp(m, "authpam"))) {
      from_passwd(&conf, with_options);
      passwd_done = 1;
    }
  }
  if (buffer_flush(buffer_1) < 0) die_sys(EXIT_TEMP, "unable to write output");
  authconf_free(&conf);
  return 0;
}
