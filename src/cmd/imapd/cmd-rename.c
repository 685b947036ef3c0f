#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "imap-list.h"
#include "maildir.h"

/* Moves every message of INBOX into dir (RENAME INBOX, RFC 3501 6.3.5:
 * INBOX stays, empty). */
static int move_inbox(struct session *s, const char *dir)
{
  static const char *const subs[] = { "/cur/", "/new/" };
  stralloc from = { 0 }, to = { 0 };
  int r = 0;
  for (int k = 0; k < 2; ++k) {
    if (!stralloc_copy(&from, &s->maildir) || !stralloc_cats(&from, subs[k]) || !stralloc_0(&from)) return -1;
    DIR *d = opendir(from.s);
    if (!d) return -1;
    struct dirent *de;
    while ((de = readdir(d))) {
      if (de->d_name[0] == '.') continue;
      if (!stralloc_copy(&from, &s->maildir) || !stralloc_cats(&from, subs[k]) ||
          !stralloc_cats(&from, de->d_name) || !stralloc_0(&from) || !stralloc_copys(&to, dir) ||
          !stralloc_cats(&to, subs[k]) || !stralloc_cats(&to, de->d_name) || !stralloc_0(&to) ||
          rename(from.s, to.s) < 0)
        r = -1;
    }
    closedir(d);
  }
  stralloc_free(&from);
  stralloc_free(&to);
  return r;
}

/* Renames ".old" (when it is a folder itself) and every ".old.child" to
 * ".new...". Returns how many were renamed, -1 on error. */
static int rename_tree(struct session *s, const char *olddir, const char *newdir)
{
  const char *ob = strrchr(olddir, '/') + 1, *nb = strrchr(newdir, '/') + 1;
  size_t ol = strlen(ob);
  stralloc a = { 0 }, b = { 0 };
  int n = 0;
  if (rename(olddir, newdir) == 0) ++n;
  else if (errno != ENOENT) return -1;
  DIR *d = opendir(s->maildir.s);
  if (!d) return n;
  struct dirent *de;
  while ((de = readdir(d))) {
    if (strncmp(de->d_name, ob, ol) || de->d_name[ol] != '.') continue;
    if (stralloc_copy(&a, &s->maildir) && stralloc_cats(&a, "/") && stralloc_cats(&a, de->d_name) &&
        stralloc_0(&a) && stralloc_copy(&b, &s->maildir) && stralloc_cats(&b, "/") &&
        stralloc_cats(&b, nb) && stralloc_cats(&b, de->d_name + ol) && stralloc_0(&b) &&
        rename(a.s, b.s) == 0)
      ++n;
  }
  closedir(d);
  stralloc_free(&a);
  stralloc_free(&b);
  return n;
}

CMD(rename)
{
  struct imap_arg *from = args, *to = arg_next(s, args);
  if (!imap_is_string(from) || !imap_is_string(to) || arg_next(s, to))
    return reply_bad(s, "RENAME takes two mailbox names");
  stralloc od = { 0 }, nd = { 0 }, oc = { 0 }, nc = { 0 };
  int r;
  if (!folder_dir(s, arg_str(s, from), &od) || !folder_dir(s, arg_str(s, to), &nd) ||
      !folder_canon(arg_str(s, from), &oc) || !folder_canon(arg_str(s, to), &nc) || folder_is_inbox(nc.s))
    r = reply_no(s, "[CANNOT] Invalid mailbox name");
  else if (folder_exists(s, nc.s)) r = reply_no(s, "[ALREADYEXISTS] Target mailbox exists");
  else if (!folder_is_inbox(oc.s) && !strncmp(nc.s, oc.s, oc.len) && nc.s[oc.len] == '.')
    r = reply_no(s, "[CANNOT] Cannot rename a mailbox into itself");
  else if (folder_is_inbox(oc.s)) {
    if (maildir_make(nd.s, 1) < 0 || move_inbox(s, nd.s) < 0) r = reply_no(s, "[SERVERBUG] Unable to rename INBOX");
    else r = reply_ok(s, "RENAME completed");
  } else {
    if (s->state == S_SELECTED && !strcmp(s->mb.name.s, oc.s)) session_unselect(s);
    int n = rename_tree(s, od.s, nd.s);
    if (n < 0) r = reply_no(s, "[SERVERBUG] Unable to rename mailbox");
    else if (n == 0) r = reply_no(s, "[NONEXISTENT] Mailbox does not exist");
    else { subs_rename(s, oc.s, nc.s); r = reply_ok(s, "RENAME completed"); }
  }
  stralloc_free(&od);
  stralloc_free(&nd);
  stralloc_free(&oc);
  stralloc_free(&nc);
  return r;
}
