/* The selected Maildir folder: messages with their UIDs, flags and file
 * names, kept in step with the directory by mbox_sync. A sync reads the
 * directories only when cur/ or new/ changed, and the uid list only when
 * files without a known UID appeared, so a command on a quiet 10,000
 * message folder touches no file at all. */
#include <stdio.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "imapd.h"
#include "maildir.h"
#include "imap-mbox.h"
#include "imap-watch.h"

const char *mbox_fname(const struct mbox *mb, size_t idx) { return mb->names.s + mb->m[idx].name; }

size_t name_baselen(const char *name)
{
  const char *c = strchr(name, ':');
  return c ? (size_t)(c - name) : strlen(name);
}

void name_flags(const char *name, unsigned *flags, unsigned *kw)
{
  const char *c = strchr(name, ':');
  *flags = 0;
  *kw = 0;
  if (!c || c[1] != '2' || c[2] != ',') return;
  for (c += 3; *c; ++c) {
    if (*c >= 'A' && *c <= 'Z') *flags |= FL(*c);
    else if (*c >= 'a' && *c <= 'z') *kw |= 1u << (*c - 'a');
  }
}

int mbox_path(const struct mbox *mb, size_t idx, stralloc *path)
{
  return stralloc_copy(path, &mb->dir) &&
         stralloc_cats(path, (mb->m[idx].flags & F_NEW) ? "/new/" : "/cur/") &&
         stralloc_cats(path, mbox_fname(mb, idx)) && stralloc_0(path);
}

long mbox_find_uid(const struct mbox *mb, unsigned uid)
{
  size_t lo = 0, hi = mb->n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (mb->m[mid].uid < uid) lo = mid + 1;
    else hi = mid;
  }
  return lo < mb->n && mb->m[lo].uid == uid ? (long)lo : -1;
}

int mbox_open(struct mbox *mb, const char *dir, const char *name, int readonly)
{
  struct stat st;
  if (!stralloc_copys(&mb->dir, dir) || !stralloc_0(&mb->dir)) return -1;
  --mb->dir.len;
  if (!stralloc_copys(&mb->name, name) || !stralloc_0(&mb->name)) return -1;
  --mb->name.len;
  stralloc cur = { 0 };
  if (!stralloc_copy(&cur, &mb->dir) || !stralloc_cats(&cur, "/cur") || !stralloc_0(&cur)) return -1;
  int r = stat(cur.s, &st);
  stralloc_free(&cur);
  if (r < 0 || !S_ISDIR(st.st_mode)) return -1;
  mb->readonly = readonly;
  mb->n = 0;
  mb->names.len = 0;
  mb->uidvalidity = mb->uidnext = 0;
  mb->recent = 0;
  mb->vsize_dirty = 0;
  mb->highestmodseq = 1;
  memset(&mb->cur_mtime, 0, sizeof mb->cur_mtime);
  memset(&mb->new_mtime, 0, sizeof mb->new_mtime);
  memset(&mb->kw_mtime, 0, sizeof mb->kw_mtime);
  mb->nkw = 0;
  kw_load(mb);
  watch_stop(mb);
  if (mb->want_watch) watch_start(mb);
  if (mbox_sync(mb, 1, 0) >= 0) return 0;
  watch_stop(mb);
  return -1;
}

void mbox_close(struct mbox *mb)
{
  if (mb->vsize_dirty && mb->n) {
    int fd = uidlist_lock(mb->dir.s);
    if (fd >= 0) {
      /* Only when no other session wrote it meanwhile: their list is newer. */
      struct uidlist_head h;
      if (uidlist_header(mb->dir.s, &h) == 0 && h.validity == mb->uidvalidity && h.next == mb->uidnext &&
          h.modseq == mb->highestmodseq)
        uidlist_write(mb, 0);
      uidlist_unlock(fd);
    }
  }
  watch_stop(mb);
  mb->n = 0;
  mb->names.len = 0;
  mb->vsize_dirty = 0;
}

static int rename_to(const struct mbox *mb, const char *from_sub, const char *from,
                     const char *to_sub, const char *to)
{
  stralloc a = { 0 }, b = { 0 };
  int r = -1;
  if (stralloc_copy(&a, &mb->dir) && stralloc_cats(&a, from_sub) && stralloc_cats(&a, from) &&
      stralloc_0(&a) && stralloc_copy(&b, &mb->dir) && stralloc_cats(&b, to_sub) &&
      stralloc_cats(&b, to) && stralloc_0(&b))
    r = rename(a.s, b.s);
  stralloc_free(&a);
  stralloc_free(&b);
  return r;
}

/* Finds the current name of a message whose file was renamed by someone
 * else: 1 found (name updated), 0 gone. */
int mbox_relocate(struct mbox *mb, size_t idx)
{
  const char *old = mbox_fname(mb, idx);
  size_t bl = name_baselen(old);
  stralloc base = { 0 }, path = { 0 };
  int found = 0;
  if (!stralloc_copyb(&base, old, bl)) return 0;
  if (!stralloc_copy(&path, &mb->dir) || !stralloc_cats(&path, "/cur") || !stralloc_0(&path)) goto out;
  DIR *d = opendir(path.s);
  if (!d) goto out;
  struct dirent *de;
  while ((de = readdir(d)))
    if (!strncmp(de->d_name, base.s, bl) && (de->d_name[bl] == ':' || !de->d_name[bl])) {
      mb->m[idx].name = (unsigned)mb->names.len;
      if (stralloc_cats(&mb->names, de->d_name) && stralloc_0(&mb->names)) found = 1;
      mb->m[idx].flags &= ~F_NEW;
      break;
    }
  closedir(d);
out:
  stralloc_free(&base);
  stralloc_free(&path);
  return found;
}

/* The info part for flags and keywords: ":2," then the letters in ASCII
 * order (upper-case flags, then keyword letters), as Maildir readers expect. */
void info_of(stralloc *info, unsigned flags, unsigned kw)
{
  char c;
  info->len = 0;
  (void)stralloc_cats(info, ":2,");
  for (c = 'A'; c <= 'Z'; ++c)
    if (flags & FL(c)) (void)stralloc_append(info, &c);
  for (c = 'a'; c <= 'z'; ++c)
    if (kw & (1u << (c - 'a'))) (void)stralloc_append(info, &c);
  (void)stralloc_0(info);
}

int fd_write_all(int fd, const char *s, size_t n)
{
  while (n) {
    ssize_t w = write(fd, s, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return -1;
    s += w;
    n -= (size_t)w;
  }
  return 0;
}

int mbox_set_flags(struct mbox *mb, size_t idx, unsigned flags, unsigned kw)
{
  struct msg *m = &mb->m[idx];
  flags &= F_LETTERS;
  if ((m->flags & F_LETTERS) == flags && m->kw == kw) return 0;
  for (int attempt = 0; attempt < 2; ++attempt) {
    const char *old = mbox_fname(mb, idx);
    stralloc nn = { 0 }, info = { 0 };
    info_of(&info, flags, kw);
    int ok = stralloc_copyb(&nn, old, name_baselen(old)) && stralloc_cat(&nn, &info);
    stralloc_free(&info);
    if (!ok) { stralloc_free(&nn); return -1; }
    int r = rename_to(mb, (m->flags & F_NEW) ? "/new/" : "/cur/", old, "/cur/", nn.s);
    if (r == 0) {
      m->name = (unsigned)mb->names.len;
      int ok = stralloc_catb(&mb->names, nn.s, nn.len);
      stralloc_free(&nn);
      if (!ok) return -1;
      m->flags = (m->flags & ~(F_LETTERS | F_NEW)) | flags | F_MODSEQ;
      m->kw = kw;
      return 0;
    }
    stralloc_free(&nn);
    if (errno != ENOENT || !mbox_relocate(mb, idx)) return -1;
  }
  return -1;
}

long mbox_expunge(struct mbox *mb, int all, const struct sync_cb *cb)
{
  stralloc path = { 0 };
  long removed = 0;
  for (size_t i = mb->n; i-- > 0;) {
    struct msg *m = &mb->m[i];
    if (all == 2 ? !(m->flags & F_MARK) : (!(m->flags & F_DELETED) || (!all && !(m->flags & F_MARK)))) continue;
    if (!mbox_path(mb, i, &path)) break;
    if (unlink(path.s) < 0 && errno != ENOENT) continue;
    long long sz = maildir_name_size(mbox_fname(mb, i));
    if (sz > 0) mb->expunged_bytes += sz;
    m->name = (unsigned)-1;
    if (cb && cb->expunge) cb->expunge(cb->ctx, i + 1);
    ++removed;
  }
  mbox_compact(mb);
  stralloc_free(&path);
  return removed;
}

long long mbox_vsize(struct mbox *mb, size_t idx)
{
  if (mb->m[idx].vsize) return (long long)mb->m[idx].vsize - 1;
  const char *buf;
  size_t len;
  if (mbox_map(mb, idx, &buf, &len) < 0) return 0;
  size_t v = len;
  for (size_t i = 0; i < len; ++i)
    if (buf[i] == '\n' && (i == 0 || buf[i - 1] != '\r')) ++v;
  mbox_unmap(mb, buf, len);
  if (v < 0xfffffffeu) {
    mb->m[idx].vsize = (unsigned)v + 1;
    mb->vsize_dirty = 1;
  }
  return (long long)v;
}

time_t mbox_internaldate(struct mbox *mb, size_t idx)
{
  stralloc path = { 0 };
  struct stat st;
  time_t t = 0;
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (!mbox_path(mb, idx, &path)) break;
    if (stat(path.s, &st) == 0) { t = st.st_mtime; break; }
    if (errno != ENOENT || !mbox_relocate(mb, idx)) break;
  }
  stralloc_free(&path);
  return t;
}

void mbox_free(struct mbox *mb)
{
  mbox_close(mb);
  watch_close(mb);
  free(mb->scan_e);
  free(mb->scan_hash);
  stralloc_free(&mb->scan_names);
  mb->scan_e = 0;
  mb->scan_hash = 0;
  mb->scan_a = mb->scan_hsize = 0;
  free(mb->m);
  mb->m = 0;
  mb->a = 0;
  stralloc_free(&mb->names);
  stralloc_free(&mb->rbuf);
  stralloc_free(&mb->dir);
  stralloc_free(&mb->name);
  for (int k = 0; k < KW_MAX; ++k) stralloc_free(&mb->kwnames[k]);
}

void mbox_modseq_commit(struct mbox *mb, int locked)
{
  size_t i = 0;
  while (i < mb->n && !(mb->m[i].flags & F_MODSEQ)) ++i;
  if (i == mb->n) return;
  int lock = locked ? -1 : uidlist_lock(mb->dir.s);
  if (uidlist_bump(mb) < 0)   /* kept in memory at least: still increasing */
    for (mb->highestmodseq++, i = 0; i < mb->n; ++i)
      if (mb->m[i].flags & F_MODSEQ) { mb->m[i].modseq = mb->highestmodseq; mb->m[i].flags &= ~F_MODSEQ; }
  if (!locked) uidlist_unlock(lock);
}

void mbox_compact(struct mbox *mb)
{
  size_t j = 0;
  for (size_t i = 0; i < mb->n; ++i) {
    if (mb->m[i].name == (unsigned)-1) {
      if (mb->m[i].flags & F_RECENT) --mb->recent;
      continue;
    }
    mb->m[j++] = mb->m[i];
  }
  mb->n = j;
}
