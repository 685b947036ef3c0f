#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "home.h"

static int environment_trusted(void)
{
  return getuid() == geteuid() && getgid() == getegid();
}

/* A setuid program must not take its root from the caller's environment;
 * it uses the root it was installed in (ROOT/command/NAME), which only
 * the administrator can choose. */
static const char *root_of_executable(void)
{
  static char root[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", root, sizeof root - 1);
  if (n <= 0) return 0;
  root[n] = 0;
  for (int up = 0; up < 2; ++up) {
    char *slash = strrchr(root, '/');
    if (!slash || slash == root) return 0;
    *slash = 0;
  }
  return root;
}

const char *postern_home(void)
{
  if (!environment_trusted()) {
    const char *root = root_of_executable();
    return root ? root : CONF_HOME;
  }
  const char *env = getenv("POSTERN_HOME");
  return (env && *env) ? env : CONF_HOME;
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
