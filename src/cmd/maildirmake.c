/* maildirmake: creates a maildir, a Maildir++ folder in one (-f), or
 * installs a Maildir++ quota (-q), as Courier's maildirmake. It never
 * replaces or empties anything that exists. */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "die.h"
#include "maildir.h"
#include "quota.h"
#include "stralloc.h"

#define USAGE "maildirmake [-f folder] [-q quota] maildir"

struct opts {
  const char *folder;
  const char *quota;
  const char *maildir;
};

static void parse_args(struct opts *o, int argc, char **argv)
{
  int opt;
  while ((opt = getopt(argc, argv, "f:q:")) != -1) {
    if (opt == 'f') o->folder = optarg;
    else if (opt == 'q') o->quota = optarg;
    else die_usage(USAGE);
  }
  if (optind != argc - 1 || !*argv[optind]) die_usage(USAGE);
  o->maildir = argv[optind];
}

/* Folder names are Maildir++ names: '.' separates levels, no '/'. */
static int folder_ok(const char *f)
{
  if (!*f || f[0] == '.' || strchr(f, '/')) return 0;
  if (strstr(f, "..") || f[strlen(f) - 1] == '.') return 0;
  return 1;
}

static void make_folder(const struct opts *o)
{
  stralloc path = {0};
  if (!folder_ok(o->folder)) die(100, "bad folder name: ", o->folder);
  if (access(o->maildir, F_OK) < 0) die_sys(100, "unable to find maildir ", o->maildir);
  if (!stralloc_copys(&path, o->maildir) || !stralloc_cats(&path, "/.")
      || !stralloc_cats(&path, o->folder) || !stralloc_0(&path)) die_nomem();
  if (maildir_make(path.s, 1) < 0) {
    if (errno == EEXIST) die(100, path.s, " exists already");
    die_sys(111, "unable to create ", path.s);
  }
  stralloc_free(&path);
}

int main(int argc, char **argv)
{
  PROG = "maildirmake";
  struct opts o = {0};
  parse_args(&o, argc, argv);
  struct quota q;
  if (o.quota && !quota_parse(&q, o.quota)) die(100, "bad quota: ", o.quota, " (e.g. 10000000S,1000C)");
  if (o.folder) make_folder(&o);
  else if (maildir_make(o.maildir, 0) < 0) {
    /* -q on an existing maildir installs the quota, as Courier's does */
    if (errno != EEXIST) die_sys(111, "unable to create ", o.maildir);
    if (!o.quota) die(100, o.maildir, " exists already");
  }
  if (o.quota && quota_write(o.maildir, o.quota) < 0) die_sys(111, "unable to write the quota of ", o.maildir);
  return 0;
}
