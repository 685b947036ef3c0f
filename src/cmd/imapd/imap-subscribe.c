/* Subscriptions in courierimapsubscribed (Courier's file: one folder
 * name a line), rewritten as temp file + fsync + rename. */
#include <stdio.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include "conf.h"
#include "imap-list.h"

static int subs_path(struct session *s, stralloc *p, const char *suffix)
{
  return stralloc_copy(p, &s->maildir) && stralloc_cats(p, "/courierimapsubscribed") &&
         stralloc_cats(p, suffix) && stralloc_0(p);
}

/* list: the names, each ended by '\n'. */
int subs_load(struct session *s, stralloc *list)
{
  stralloc p = { 0 };
  list->len = 0;
  if (!subs_path(s, &p, "")) return -1;
  int r = conf_slurp(list, p.s);
  stralloc_free(&p);
  if (r < 0) return -1;
  if (list->len && list->s[list->len - 1] != '\n' && !stralloc_cats(list, "\n")) return -1;
  return 0;
}

int subs_has(const stralloc *list, const char *name)
{
  size_t nl = strlen(name);
  for (size_t i = 0; i < list->len;) {
    const char *e = memchr(list->s + i, '\n', list->len - i);
    size_t l = e ? (size_t)(e - list->s) - i : list->len - i;
    if (l == nl && !memcmp(list->s + i, name, nl)) return 1;
    i += l + 1;
  }
  return 0;
}

static int subs_write(struct session *s, const stralloc *list)
{
  stralloc tmp = { 0 }, dst = { 0 };
  int r = -1;
  if (subs_path(s, &tmp, ".tmp") && subs_path(s, &dst, "")) {
    int fd = open(tmp.s, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd >= 0) {
      if (write(fd, list->s, list->len) == (ssize_t)list->len && fsync(fd) == 0 && close(fd) == 0)
        r = rename(tmp.s, dst.s);
      else { close(fd); unlink(tmp.s); }
    }
  }
  stralloc_free(&tmp);
  stralloc_free(&dst);
  return r;
}

/* Rewrites the list through fn(name) -> keep (1) / drop (0) / rename. */
static int subs_edit(struct session *s, const char *from, const char *to, const char *add)
{
  stralloc list = { 0 }, out = { 0 };
  size_t fl = from ? strlen(from) : 0;
  int r = -1;
  if (subs_load(s, &list) < 0) goto out;
  for (size_t i = 0; i < list.len;) {
    const char *line = list.s + i, *e = memchr(line, '\n', list.len - i);
    size_t l = e ? (size_t)(e - line) : list.len - i;
    i += l + 1;
    if (!l) continue;
    if (from && l >= fl && !memcmp(line, from, fl) && (l == fl || line[fl] == '.')) {
      if (!to) continue;
      if (!stralloc_cats(&out, to) || !stralloc_catb(&out, line + fl, l - fl) || !stralloc_cats(&out, "\n")) goto out;
      continue;
    }
    if (add && l == strlen(add) && !memcmp(line, add, l)) continue;
    if (!stralloc_catb(&out, line, l) || !stralloc_cats(&out, "\n")) goto out;
  }
  if (add && (!stralloc_cats(&out, add) || !stralloc_cats(&out, "\n"))) goto out;
  r = subs_write(s, &out);
out:
  stralloc_free(&list);
  stralloc_free(&out);
  return r;
}

int subs_set(struct session *s, const char *name, int on)
{
  if (on) return subs_edit(s, 0, 0, name);
  stralloc list = { 0 }, out = { 0 };
  int r = -1;
  if (subs_load(s, &list) == 0) {
    for (size_t i = 0; i < list.len;) {
      const char *line = list.s + i, *e = memchr(line, '\n', list.len - i);
      size_t l = e ? (size_t)(e - line) : list.len - i;
      i += l + 1;
      if (!l || (l == strlen(name) && !memcmp(line, name, l))) continue;
      if (!stralloc_catb(&out, line, l) || !stralloc_cats(&out, "\n")) goto out;
    }
    r = subs_write(s, &out);
  }
out:
  stralloc_free(&list);
  stralloc_free(&out);
  return r;
}

int subs_rename(struct session *s, const char *from, const char *to)
{
  return subs_edit(s, from, to, 0);
}
