#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pwfile.h"

static int copy0(stralloc *sa, const char *s)
{
  return stralloc_copys(sa, s ? s : "") && stralloc_0(sa) && (--sa->len, 1);
}

static int fill(struct pwent *pw, const struct passwd *p)
{
  pw->uid = p->pw_uid;
  pw->gid = p->pw_gid;
  if (copy0(&pw->name, p->pw_name) && copy0(&pw->passwd, p->pw_passwd)
      && copy0(&pw->home, p->pw_dir) && copy0(&pw->shell, p->pw_shell)) return 1;
  errno = ENOMEM;
  return -1;
}

static int from_file(struct pwent *pw, const char *file, const char *name)
{
  FILE *f = fopen(file, "re");
  if (!f) return -1;
  /* fgetpwent, not glibc's fgetpwent_r: musl has only the former, and
   * no caller is threaded. */
  struct passwd *p;
  int r = 0, e;
  errno = 0;
  while ((p = fgetpwent(f)) != 0)
    if (!strcmp(p->pw_name, name)) { r = fill(pw, p); break; }
  if (!p && errno && errno != ENOENT) r = -1;
  e = errno;
  fclose(f);
  errno = e;
  return r;
}

static int from_system(struct pwent *pw, const char *name)
{
  char buf[16384];
  struct passwd p, *res = 0;
  int e = getpwnam_r(name, &p, buf, sizeof buf, &res);
  if (res) return fill(pw, &res[0]);
  /* getpwnam_r(3): these mean "no such name" for some NSS modules. */
  if (e == 0 || e == ENOENT || e == ESRCH || e == EBADF || e == EPERM) return 0;
  errno = e;
  return -1;
}

int pwfile_lookup(struct pwent *pw, const char *file, const char *name)
{
  if (!*name || strchr(name, ':') || strchr(name, '\n')) return 0;
  return file ? from_file(pw, file, name) : from_system(pw, name);
}

void pwfile_free(struct pwent *pw)
{
  free(pw->name.s); free(pw->passwd.s); free(pw->home.s); free(pw->shell.s);
  memset(pw, 0, sizeof *pw);
}
