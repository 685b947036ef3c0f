#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include "die.h"
#include "dotnames.h"

void dotnames_start(struct dotnames *it, const char *base, const char *ext)
{
  it->base = base;
  it->step = 0;
  it->dflt = 0;
  it->is_default = 0;
  if (!stralloc_copys(&it->ext, ext)) die_nomem();
  for (size_t i = 0; i < it->ext.len; ++i) {
    char *ch = it->ext.s + i;
    if (*ch >= 'A' && *ch <= 'Z') *ch += 32;
    if (*ch == '.' || *ch == '/') *ch = ':';
  }
  it->cut = it->ext.len;
}

static void make(stralloc *name, const char *base, const char *ext, size_t len, const char *tail)
{
  if (!stralloc_copys(name, base)) die_nomem();
  if ((ext || tail) && !stralloc_append(name, "-")) die_nomem();
  if (ext && !stralloc_catb(name, ext, len)) die_nomem();
  if (tail && !stralloc_cats(name, tail)) die_nomem();
  if (!stralloc_0(name)) die_nomem();
}

int dotnames_next(struct dotnames *it, stralloc *name)
{
  it->is_default = 0;
  if (it->step == 0) {
    it->step = it->ext.len ? 1 : 3;
    make(name, it->base, it->ext.len ? it->ext.s : 0, it->ext.len, 0);
    return 1;
  }
  while (it->step == 1 && it->cut > 0) {
    size_t cut = it->cut--;
    if (it->ext.s[cut - 1] != '-') continue;
    make(name, it->base, it->ext.s, cut, "default");
    it->dflt = cut;
    it->is_default = 1;
    return 1;
  }
  if (it->step <= 2) {
    it->step = 3;
    make(name, it->base, 0, 0, "default");
    it->dflt = 0;
    it->is_default = 1;
    return 1;
  }
  return 0;
}

void dotnames_free(struct dotnames *it)
{
  stralloc_free(&it->ext);
}

int dotnames_exist(const char *dir, const char *ext)
{
  struct stat st;
  if (stat(dir, &st) < 0) return errno == ENOENT || errno == ENOTDIR ? 0 : -1;
  struct dotnames it = {0};
  stralloc name = {0}, path = {0};
  int found = 0;
  dotnames_start(&it, ".courier", ext);
  while (!found && dotnames_next(&it, &name)) {
    if (!stralloc_copys(&path, dir) || !stralloc_append(&path, "/") || !stralloc_cats(&path, name.s) ||
        !stralloc_0(&path)) die_nomem();
    if (stat(path.s, &st) == 0) found = S_ISREG(st.st_mode);
    else if (errno != ENOENT && errno != ENOTDIR) found = -1;
  }
  dotnames_free(&it);
  stralloc_free(&name);
  stralloc_free(&path);
  return found;
}
