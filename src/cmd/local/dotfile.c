#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "conf.h"
#include "die.h"
#include "dotnames.h"
#include "exitcode.h"
#include "home.h"
#include "local.h"

/* Reads HOME/<name>: 1 found (instructions set), 0 absent, or an exit
 * code (<0 negated) when it cannot be used. */
static int try_file(struct lctx *c, const char *name)
{
  int fd = open(name, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    if (errno == ENOENT || errno == ENOTDIR) return 0;
    return -say(c, EXIT_TEMP, "4.3.0 unable to read ", name);
  }
  struct stat st;
  if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) { close(fd); return -say(c, EXIT_TEMP, "4.3.0 ", name, " is not a file"); }
  if (st.st_mode & 002) { close(fd); return -say(c, EXIT_TEMP, "4.7.0 ", name, " is writable by anyone: ignored until fixed"); }
  close(fd);
  if (conf_slurp(&c->instructions, name) < 0) return -say(c, EXIT_TEMP, "4.3.0 unable to read ", name);
  return 1;
}

/* The first file of dot-courier(5)'s order (dotnames.h) that exists. */
static int search(struct lctx *c, const char *base)
{
  struct dotnames it = {0};
  stralloc name = {0};
  int r = 0;
  dotnames_start(&it, base, c->ext);
  while (!r && dotnames_next(&it, &name)) {
    r = try_file(c, name.s);
    if (r > 0 && it.is_default && !stralloc_copys(&c->dflt, c->ext + it.dflt)) die_nomem();
  }
  dotnames_free(&it);
  stralloc_free(&name);
  return r;
}

static void default_delivery(struct lctx *c)
{
  const char *d = conf_env_get(&c->courierd, "DEFAULTDELIVERY");
  if (d && *d) {
    if (!stralloc_copys(&c->instructions, d)) die_nomem();
  } else if (c->maildir && *c->maildir) {
    if (!stralloc_copys(&c->instructions, c->maildir) || !stralloc_cats(&c->instructions, "/")) die_nomem();
  } else if (!stralloc_copys(&c->instructions, "./Maildir/")) die_nomem();
}

/* 0 when c->instructions holds what to do, else an exit code. */
int dotfile_find(struct lctx *c)
{
  stralloc path = {0}, ext = {0};
  if (!home_path(&path, "etc/dotextension")) die_nomem();
  int r = conf_first_line(&ext, path.s);
  stralloc_free(&path);
  const char *base = ".courier";
  if (r > 0 && ext.len == 5 && !memcmp(ext.s, "qmail", 5)) base = ".qmail";
  stralloc_free(&ext);
  r = search(c, base);
  if (r < 0) return -r;
  if (r == 0) {
    if (*c->ext) return say(c, EXIT_PERM, "5.1.1 no such address here: ", c->recipient);
    default_delivery(c);
  } else if (c->instructions.len == 0) {
    default_delivery(c);   /* an empty file asks for the default */
  }
  return 0;
}
