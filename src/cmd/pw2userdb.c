/* pw2userdb: prints passwd(5) accounts (with their shadow(5) hashes
 * when readable) as userdb text, for etc/userdb/system and the like:
 *   pw2userdb [--passwd=file] [--shadow=file] [--noshadow] */
#include <errno.h>
#include <pwd.h>
#include <shadow.h>
#include <stdio.h>
#include <string.h>
#include "buffer.h"
#include "die.h"
#include "exitcode.h"
#include "fmt.h"

#define USAGE "pw2userdb [--passwd=file] [--shadow=file] [--noshadow]"

struct options {
  const char *passwd, *shadow;
  int noshadow;
};

static void field(const char *name, const char *value, int first)
{
  buffer_putm(buffer_1, first ? "" : "|", name, "=", value);
}

/* The hash from the shadow file when it has one for the account. */
static void shadow_hash(const struct options *o, const char *name, char *out, size_t size)
{
  FILE *f = o->shadow ? fopen(o->shadow, "re") : 0;
  if (o->shadow && !f) die_sys(EXIT_TEMP, "unable to read ", o->shadow);
  char buf[4096];
  struct spwd sp, *res = 0;
  int e;
  if (f) {
    while ((e = fgetspent_r(f, &sp, buf, sizeof buf, &res)) == 0 && strcmp(sp.sp_namp, name)) res = 0;
    fclose(f);
  } else {
    getspnam_r(name, &sp, buf, sizeof buf, &res);
  }
  if (res && strlen(res->sp_pwdp) < size) strcpy(out, res->sp_pwdp);
  explicit_bzero(buf, sizeof buf);
}

static void put_account(const struct options *o, const struct passwd *p)
{
  char u[FMT_ULONG], g[FMT_ULONG], hash[512];
  if (strchr(p->pw_name, '|') || strchr(p->pw_dir, '|') || strchr(p->pw_gecos, '|')) {
    warn("skipping ", p->pw_name, ": '|' in a field");
    return;
  }
  u[fmt_ulong(u, p->pw_uid)] = 0;
  g[fmt_ulong(g, p->pw_gid)] = 0;
  snprintf(hash, sizeof hash, "%s", p->pw_passwd);
  if (!o->noshadow && !strcmp(hash, "x")) { hash[0] = 0; shadow_hash(o, p->pw_name, hash, sizeof hash); }
  buffer_putm(buffer_1, p->pw_name, "\t");
  field("uid", u, 1);
  field("gid", g, 0);
  field("home", p->pw_dir, 0);
  if (*p->pw_shell) field("shell", p->pw_shell, 0);
  if (*hash && strcmp(hash, "x")) field("systempw", hash, 0);
  if (*p->pw_gecos) field("gecos", p->pw_gecos, 0);
  buffer_puts(buffer_1, "\n");
  explicit_bzero(hash, sizeof hash);
}

int main(int argc, char **argv)
{
  PROG = "pw2userdb";
  struct options o = { 0, 0, 0 };
  for (int i = 1; i < argc; ++i) {
    if (!strncmp(argv[i], "--passwd=", 9)) o.passwd = argv[i] + 9;
    else if (!strncmp(argv[i], "--shadow=", 9)) o.shadow = argv[i] + 9;
    else if (!strcmp(argv[i], "--noshadow")) o.noshadow = 1;
    else die_usage(USAGE);
  }
  FILE *f = o.passwd ? fopen(o.passwd, "re") : 0;
  if (o.passwd && !f) die_sys(EXIT_TEMP, "unable to read ", o.passwd);
  if (!f) setpwent();
  struct passwd *p;
  errno = 0;
  while ((p = f ? fgetpwent(f) : getpwent())) { put_account(&o, p); errno = 0; }
  if (errno && errno != ENOENT) die_sys(EXIT_TEMP, "unable to read the accounts");
  if (f) fclose(f); else endpwent();
  if (buffer_flush(buffer_1) < 0) die_sys(EXIT_TEMP, "unable to write output");
  return 0;
}
