#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "die.h"
#include "home.h"

static int environment_trusted(void)
{
  return getuid() == geteuid() && getgid() == getegid();
}

/* ROOT for a program that runs as ROOT/DIR/NAME (links followed), with
 * DIR "command" when dir_named is set; else 0. A setuid program must
 * not take its root from the caller's environment: it uses the root it
 * was installed in, which only the administrator can choose. */
static const char *root_of_executable(const char *dir_named)
{
  static char root[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", root, sizeof root - 1);
  if (n <= 0) return 0;
  root[n] = 0;
  for (int up = 0; up < 2; ++up) {
    char *slash = strrchr(root, '/');
    if (!slash || slash == root) return 0;
    if (up == 1 && dir_named && strcmp(slash + 1, dir_named)) return 0;
    *slash = 0;
  }
  return root;
}

/* Only the administrator (root, or the user the program is setuid to)
 * may choose what is in the root: a hard link to the program in a
 * directory someone else controls must not lend it that user's accounts
 * or queue. */
static int owned_by_administrator(const char *dir, const char *sub)
{
  char path[PATH_MAX + 16];
  struct stat st;
  size_t n = strlen(dir);
  if (n + strlen(sub) + 2 > sizeof path) return 0;
  memcpy(path, dir, n);
  path[n] = '/';
  strcpy(path + n + 1, sub);
  return stat(path, &st) == 0 && (st.st_uid == 0 || st.st_uid == geteuid())
      && !(st.st_mode & (S_IWGRP | S_IWOTH));
}

const char *postern_home(void)
{
  if (!environment_trusted()) {
    const char *root = root_of_executable(0);
    if (!root) return CONF_HOME;
    if (!owned_by_administrator(root, ".") || !owned_by_administrator(root, "command"))
      die(111, "refusing the root ", root, ": it or its command/ is not the administrator's alone");
    return root;
  }
  const char *env = getenv("POSTERN_HOME");
  if (env && *env) return env;
  /* run/command/sendmail serves run/, as an installed root's programs
   * serve theirs, without the variable. */
  const char *root = root_of_executable("command");
  return root ? root : CONF_HOME;
}

int home_path(stralloc *out, const char *rel)
{
  return stralloc_copys(out, postern_home())
      && stralloc_cats(out, "/")
      && stralloc_cats(out, rel)
      && stralloc_0(out)
      && (--out->len, 1);
}

int home_command(stralloc *out, const char *name)
{
  const char *dir = environment_trusted() ? getenv("POSTERN_COMMAND_DIR") : 0;
  if (!dir || !*dir) {
    if (!home_path(out, "command/")) return 0;
    return stralloc_cats(out, name) && stralloc_0(out) && (--out->len, 1);
  }
  return stralloc_copys(out, dir) && stralloc_cats(out, "/")
      && stralloc_cats(out, name) && stralloc_0(out) && (--out->len, 1);
}
