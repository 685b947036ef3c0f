#ifndef PWFILE_H
#define PWFILE_H

#include <sys/types.h>
#include "stralloc.h"

/* A system account from a passwd(5) file named by the configuration, or
 * from the system's own database (getpwnam) when file is 0. */
struct pwent {
  stralloc name;
  stralloc passwd;   /* the passwd field: "x" when the hash is in shadow */
  stralloc home;
  stralloc shell;
  uid_t uid;
  gid_t gid;
};

/* 1 found, 0 no such account, -1 temporary failure (errno). */
int pwfile_lookup(struct pwent *pw, const char *file, const char *name);
void pwfile_free(struct pwent *pw);

#endif
