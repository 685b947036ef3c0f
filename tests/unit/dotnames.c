/* dotnames: the order of dot-courier(5) file names, and dotnames_exist. */
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include "dotnames.h"
#include "tap.h"

/* All names for ext, joined with spaces, and each DEFAULT. */
static void names(const char *ext, stralloc *all, stralloc *defaults)
{
  struct dotnames it = {0};
  stralloc name = {0};
  all->len = defaults->len = 0;
  dotnames_start(&it, ".courier", ext);
  while (dotnames_next(&it, &name)) {
    if (all->len) stralloc_cats(all, " ");
    stralloc_cats(all, name.s);
    if (it.is_default) { stralloc_cats(defaults, "["); stralloc_cats(defaults, ext + it.dflt); stralloc_cats(defaults, "]"); }
  }
  stralloc_0(all);
  stralloc_0(defaults);
  dotnames_free(&it);
  stralloc_free(&name);
}

int main(void)
{
  stralloc all = {0}, defaults = {0};
  names("", &all, &defaults);
  is_str(all.s, ".courier", "no extension: .courier only");
  names("foo-bar-baz", &all, &defaults);
  is_str(all.s, ".courier-foo-bar-baz .courier-foo-bar-default .courier-foo-default .courier-default",
         "longest -default prefix first, .courier-default last");
  is_str(defaults.s, "[baz][bar-baz][foo-bar-baz]", "DEFAULT is what each -default matched");
  names("Mixed.Case/x", &all, &defaults);
  is_str(all.s, ".courier-mixed:case:x .courier-default", "lower-cased, '.' and '/' read as ':'");
  names("-lead", &all, &defaults);
  is_str(all.s, ".courier--lead .courier--default .courier-default", "a leading '-' is a prefix of its own");

  char dir[] = "/tmp/dotnames.XXXXXX";
  ok(mkdtemp(dir) != 0, "a scratch directory");
  is_int(dotnames_exist(dir, "srs0-abc"), 0, "an empty directory has no file");
  stralloc path = {0};
  stralloc_copys(&path, dir); stralloc_cats(&path, "/.courier-srs0-default"); stralloc_0(&path);
  int fd = open(path.s, O_WRONLY | O_CREAT, 0644);
  close(fd);
  is_int(dotnames_exist(dir, "SRS0-abc"), 1, "a -default file is found for a longer extension");
  is_int(dotnames_exist(dir, "other"), 0, "and not for another one");
  is_int(dotnames_exist("/nonexistent/dir", "x"), 0, "a missing directory has no file");
  unlink(path.s);
  rmdir(dir);
  stralloc_free(&all); stralloc_free(&defaults); stralloc_free(&path);
  return done_testing();
}
