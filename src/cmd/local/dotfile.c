#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "conf.h"
#include "die.h"
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

/* The file names of dot-courier(5): .courier, .courier-EXT, then
 * .courier-PREFIX-default for ever shorter prefixes of EXT, then
 * .courier-default. EXT is matched lower-cased, with '.' and '/' read as ':'. */
static int search(struct lctx *c, const char *base)
{
  stralloc name = {0}, ext = {0};
  int r;
  if (!stralloc_copys(&name, base) || !stralloc_0(&name)) die_nomem();
  if (!*c->ext) { r = try_file(c, name.s); goto out; }
  if (!stralloc_copys(&ext, c->ext)) die_nomem();
  for (size_t i = 0; i < ext.len; ++i) {
    if (ext.s[i] >= 'A' && ext.s[i] <= 'Z') ext.s[i] += 32;
    /* '/' too: an extension must never name a file in a subdirectory */
    if (ext.s[i] == '.' || ext.s[i] == '/') ext.s[i] = ':';
  }
  if (!stralloc_copys(&name, base) || !stralloc_append(&name, "-") || !stralloc_cat(&name, &ext) ||
      !stralloc_0(&name)) die_nomem();
  if ((r = try_file(c, name.s))) goto out;
  for (size_t cut = ext.len; cut > 0; --cut) {
    if (ext.s[cut - 1] != '-') continue;
    if (!stralloc_copys(&name, base) || !stralloc_append(&name, "-") || !stralloc_catb(&name, ext.s, cut) ||
        !stralloc_cats(&name, "default") || !stralloc_0(&name)) die_nomem();
    if ((r = try_file(c, name.s))) {
      if (!stralloc_copyb(&c->dflt, c->ext + cut, ext.len - cut)) die_nomem();
      goto out;
    }
  }
  if (!stralloc_copys(&name, base) || !stralloc_cats(&name, "-default") || !stralloc_0(&name)) die_nomem();
  if ((r = try_file(c, name.s)) > 0 && !stralloc_copys(&c->dflt, c->ext)) die_nomem();
out:
  stralloc_free(&name);
  stralloc_free(&ext);
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
