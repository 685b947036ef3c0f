/* inotify on the selected folder's new/ and cur/: a sync then learns
 * from the events which names changed and looks at those alone, instead
 * of listing directories of thousands of files after every change.
 *
 * The events only say where to look; what a sync believes is what a
 * look at each named file says now, so an event older than the listing
 * or a change made after the events were read is harmless. A known
 * message whose file vanished for any reason other than an IN_DELETE
 * (a rename whose other half was not read yet, a move out of the
 * folder) sends the sync back to listing the directories, and so does
 * a queue overflow. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>
#include "imapd.h"
#include "imap-watch.h"

#define WATCH_MASK (IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF)

static int add(int fd, const struct mbox *mb, const char *sub)
{
  stralloc p = { 0 };
  int wd = -1;
  if (stralloc_copy(&p, &mb->dir) && stralloc_cats(&p, sub) && stralloc_0(&p))
    wd = inotify_add_watch(fd, p.s, WATCH_MASK | IN_ONLYDIR);
  stralloc_free(&p);
  return wd;
}

int watch_start(struct mbox *mb)
{
  mb->watching = 0;
  if (!mb->ino_open) {
    mb->ino = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (mb->ino < 0) return -1;
    mb->ino_open = 1;
  }
  mb->wd_new = add(mb->ino, mb, "/new");
  mb->wd_cur = add(mb->ino, mb, "/cur");
  if (mb->wd_new < 0 || mb->wd_cur < 0) {
    watch_close(mb);
    return -1;
  }
  mb->watching = 1;
  return 0;
}

/* The events of the removed watches (their IN_IGNORED too) name watch
 * descriptors no longer in use: the next folder's syncs skip them. */
void watch_stop(struct mbox *mb)
{
  if (!mb->watching) return;
  inotify_rm_watch(mb->ino, mb->wd_new);
  inotify_rm_watch(mb->ino, mb->wd_cur);
  mb->watching = 0;
}

void watch_close(struct mbox *mb)
{
  if (mb->ino_open) close(mb->ino);
  mb->ino_open = mb->watching = 0;
}

static int push(struct touched *t, const char *name, int innew, int kind, unsigned cookie)
{
  if (t->n == t->a) {
    size_t na = t->a ? t->a * 2 : 64;
    struct touch *n = realloc(t->t, na * sizeof *n);
    if (!n) return -1;
    t->t = n;
    t->a = na;
  }
  struct touch *e = &t->t[t->n++];
  e->name = (unsigned)t->names.len;
  e->innew = (unsigned char)innew;
  e->kind = (unsigned char)kind;
  e->deleted = kind == W_DELETE;
  e->gone = 0;
  e->cookie = cookie;
  return stralloc_cats(&t->names, name) && stralloc_0(&t->names) ? 0 : -1;
}

static void one_event(const struct mbox *mb, struct touched *t, const struct inotify_event *ev)
{
  if (!(ev->mask & IN_Q_OVERFLOW) && ev->wd != mb->wd_new && ev->wd != mb->wd_cur) return;
  if (ev->mask & (IN_Q_OVERFLOW | IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF | IN_UNMOUNT)) {
    t->full = 1;
    return;
  }
  if (!ev->len || !ev->name[0] || ev->name[0] == '.') return;
  int kind = (ev->mask & IN_DELETE) ? W_DELETE : (ev->mask & IN_MOVED_FROM) ? W_FROM
             : (ev->mask & IN_MOVED_TO) ? W_TO : W_CREATE;
  if (push(t, ev->name, ev->wd == mb->wd_new, kind, ev->cookie) < 0) t->full = 1;
}

long watch_read(struct mbox *mb, struct touched *t)
{
  char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
  long count = 0;
  if (!mb->watching) return -1;
  for (;;) {
    ssize_t n = read(mb->ino, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EAGAIN) return count;
    if (n <= 0) return -1;
    for (char *p = buf; p < buf + n;) {
      const struct inotify_event *ev = (const struct inotify_event *)p;
      one_event(mb, t, ev);
      ++count;
      p += sizeof *ev + ev->len;
    }
  }
}

static unsigned hash_name(const char *s, int innew)
{
  unsigned h = 2166136261u ^ (unsigned)innew;
  for (; *s; ++s) h = (h ^ (unsigned char)*s) * 16777619u;
  return h;
}

const struct touch *watch_find(const struct touched *t, const char *name, int innew)
{
  if (!t->hash) return 0;
  for (size_t h = hash_name(name, innew) & t->mask; t->hash[h]; h = (h + 1) & t->mask) {
    const struct touch *e = &t->t[t->hash[h] - 1];
    if (e->innew == innew && !strcmp(t->names.s + e->name, name)) return e;
  }
  return 0;
}

/* Indexes the names, one entry per name (a later event for the same
 * name adds only what it says: IN_DELETE). */
static int index_touched(struct touched *t)
{
  size_t size = 64;
  while (size < t->n * 2) size *= 2;
  free(t->hash);
  t->hash = calloc(size, sizeof *t->hash);
  if (!t->hash) return -1;
  t->mask = size - 1;
  for (size_t i = 0; i < t->n; ++i) {
    struct touch *e = &t->t[i];
    const char *nm = t->names.s + e->name;
    size_t h = hash_name(nm, e->innew) & t->mask;
    for (;; h = (h + 1) & t->mask) {
      if (!t->hash[h]) { t->hash[h] = (unsigned)i + 1; break; }
      struct touch *o = &t->t[t->hash[h] - 1];
      if (o->innew == e->innew && !strcmp(t->names.s + o->name, nm)) {
        o->deleted |= e->deleted;
        e->gone = 2;      /* a repeat: skipped */
        break;
      }
    }
  }
  return 0;
}

int watch_check(const struct mbox *mb, struct touched *t)
{
  stralloc p = { 0 };
  struct stat st;
  for (size_t i = 0; i < t->n; ++i) t->t[i].gone = 0;
  if (index_touched(t) < 0) return -1;
  for (size_t i = 0; i < t->n; ++i) {
    struct touch *e = &t->t[i];
    if (e->gone == 2) continue;
    if (!stralloc_copy(&p, &mb->dir) || !stralloc_cats(&p, e->innew ? "/new/" : "/cur/") ||
        !stralloc_cats(&p, t->names.s + e->name) || !stralloc_0(&p)) {
      stralloc_free(&p);
      return -1;
    }
    if (lstat(p.s, &st) == 0) continue;
    if (errno != ENOENT) { stralloc_free(&p); return -1; }
    e->gone = 1;
  }
  stralloc_free(&p);
  return 0;
}

static int unlinked(const struct touched *t, const char *name, int innew, int depth)
{
  const struct touch *e = watch_find(t, name, innew);
  if (!e || !e->gone) return 0;
  if (e->deleted) return 1;
  if (depth > 8) return 0;
  size_t from = t->n;
  for (size_t i = 0; i < t->n; ++i)   /* its last rename away */
    if (t->t[i].kind == W_FROM && t->t[i].innew == innew && !strcmp(t->names.s + t->t[i].name, name))
      from = i;
  for (size_t i = from + 1; i < t->n; ++i)
    if (t->t[i].kind == W_TO && t->t[i].cookie == t->t[from].cookie)
      return unlinked(t, t->names.s + t->t[i].name, t->t[i].innew, depth + 1);
  return 0;
}

int watch_unlinked(const struct touched *t, const char *name, int innew)
{
  return unlinked(t, name, innew, 0);
}

void watch_free(struct touched *t)
{
  stralloc_free(&t->names);
  free(t->t);
  free(t->hash);
  *t = (struct touched){ 0 };
}
