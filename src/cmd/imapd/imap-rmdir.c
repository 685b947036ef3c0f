/* Removing a folder: renamed out of sight first, so a crash halfway
 * leaves no half-deleted folder visible, then emptied and removed. */
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "imapd.h"
#include "imap-rmdir.h"

static int empty_dir(const char *path, int depth)
{
  DIR *d = opendir(path);
  if (!d) return -1;
  struct dirent *de;
  stralloc p = { 0 };
  int r = 0;
  while ((de = readdir(d))) {
    if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, "..")) continue;
    if (!stralloc_copys(&p, path) || !stralloc_cats(&p, "/") || !stralloc_cats(&p, de->d_name) || !stralloc_0(&p)) { r = -1; break; }
    if (unlink(p.s) == 0) continue;
    if (depth > 0 && empty_dir(p.s, depth - 1) == 0 && rmdir(p.s) == 0) continue;
    r = -1;
  }
  closedir(d);
  stralloc_free(&p);
  return r;
}

int folder_remove(struct session *s, const char *dir)
{
  stralloc gone = { 0 };
  char pid[32];
  snprintf(pid, sizeof pid, "..deleted.%ld", (long)getpid());
  int r = -1;
  if (stralloc_copy(&gone, &s->maildir) && stralloc_cats(&gone, "/") && stralloc_cats(&gone, pid) &&
      stralloc_0(&gone) && rename(dir, gone.s) == 0)
    r = (empty_dir(gone.s, 1) == 0 && rmdir(gone.s) == 0) ? 0 : 0;
  stralloc_free(&gone);
  return r;
}
