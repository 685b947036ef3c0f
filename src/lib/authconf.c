#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "authconf.h"
#include "home.h"

/* Without an authdaemonrc, virtual accounts first, then the system's. */
#define DEFAULT_MODULES "authuserdb authpwd"

static int split_modules(stralloc *out, const char *list)
{
  out->len = 0;
  while (*list) {
    size_t n = strcspn(list, " \t,");
    if (n) {
      if (!stralloc_catb(out, list, n) || !stralloc_0(out)) return 0;
      list += n;
    } else {
      ++list;
    }
  }
  return 1;
}

int authconf_read(struct authconf *c)
{
  memset(c, 0, sizeof *c);
  stralloc path = {0};
  if (!home_path(&path, "etc/authdaemonrc")) { errno = ENOMEM; return 0; }
  unsigned long bad = 0;
  int r = conf_env_read(&c->env, path.s, &bad);
  free(path.s);
  if (r == -2) { errno = EINVAL; return 0; }
  if (r < 0) return 0;
  const char *list = conf_env_get(&c->env, "authmodulelist");
  if (!list) list = DEFAULT_MODULES;
  if (!split_modules(&c->modules, list)) { errno = ENOMEM; return 0; }
  return 1;
}

const char *authconf_get(const struct authconf *c, const char *name)
{
  const char *v = conf_env_get(&c->env, name);
  return (v && *v) ? v : 0;
}

const char *authconf_module(const struct authconf *c, size_t *pos)
{
  if (*pos >= c->modules.len) return 0;
  const char *name = c->modules.s + *pos;
  *pos += strlen(name) + 1;
  return name;
}

void authconf_free(struct authconf *c)
{
  conf_env_free(&c->env);
  free(c->modules.s);
  c->modules.s = 0;
  c->modules.len = c->modules.a = 0;
}
