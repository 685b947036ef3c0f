/* The uid list of a folder: the file postern-uidlist (see imapd(5)).
 *
 *   3 V<uidvalidity> N<uidnext> M<highest mod-sequence>
 *   <uid> [W<rfc822.size>] [M<mod-sequence>] :<base name>
 *
 * The syntax of Dovecot's dovecot-uidlist version 3 (M is postern's). Writers hold an
 * exclusive flock on postern-uidlist.lock. New messages' lines are
 * appended, and so are new mod-sequences of known messages (a later line
 * of a UID updates the earlier one); a torn last line is ignored, and cut
 * off by the next append. When repeated lines outnumber the messages,
 * the list is written anew: postern-uidlist.tmp, fsync'd and renamed
 * over the list, so a crash at any moment leaves the old list or the new
 * one. No line ever gives a known base name another UID. */
#include <stdio.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "fmt.h"
#include "fsync_dir.h"
#include "imapd.h"
#include "imap-mbox.h"

static int path_of(stralloc *p, const char *dir, const char *file)
{
  return stralloc_copys(p, dir) && stralloc_cats(p, "/") && stralloc_cats(p, file) && stralloc_0(p);
}

int uidlist_lock(const char *dir)
{
  stralloc p = { 0 };
  int fd = -1;
  if (path_of(&p, dir, "postern-uidlist.lock")) fd = open(p.s, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  stralloc_free(&p);
  if (fd < 0) return -1;
  while (flock(fd, LOCK_EX) < 0)
    if (errno != EINTR) { close(fd); return -1; }
  return fd;
}

void uidlist_unlock(int fd)
{
  if (fd >= 0) close(fd);
}

static unsigned long num(const char **s, const char *end)
{
  unsigned long n = 0;
  while (*s < end && **s >= '0' && **s <= '9') n = n * 10 + (unsigned long)(*(*s)++ - '0');
  return n;
}

static void parse_header(const char *s, const char *end, struct uidlist_head *h)
{
  if (s >= end || *s != '3') return;
  while (s < end && *s != '\n') {
    if (*s == ' ' && s + 1 < end && (s[1] == 'V' || s[1] == 'N' || s[1] == 'M')) {
      char k = s[1];
      s += 2;
      unsigned long v = num(&s, end);
      if (k == 'V') h->validity = (unsigned)v;
      else if (k == 'N') h->next = (unsigned)v;
      else h->modseq = v;
      continue;
    }
    ++s;
  }
}

static void parse_entry(const char *s, const char *end, struct uidlist_entry *out)
{
  struct uidlist_entry e = { 0 };
  e.uid = (unsigned)num(&s, end);
  while (s < end && *s == ' ') {
    ++s;
    if (*s == ':') {
      e.base = s + 1;
      e.baselen = (size_t)(end - e.base);
      break;
    }
    char k = *s++;
    unsigned long v = num(&s, end);
    if (k == 'W' && v < 0xfffffffeul) e.vsize = (unsigned)v + 1;
    if (k == 'M') e.modseq = v;
    while (s < end && *s != ' ') ++s;
  }
  *out = e;
}

int uidlist_read(const char *dir, struct uidlist_head *h,
                 void (*fn)(void *ctx, const struct uidlist_entry *e), void *ctx)
{
  stralloc p = { 0 };
  h->validity = h->next = 0;
  h->modseq = 0;
  h->lines = 0;
  if (!path_of(&p, dir, "postern-uidlist")) return -1;
  int fd = open(p.s, O_RDONLY | O_CLOEXEC);
  stralloc_free(&p);
  if (fd < 0) return errno == ENOENT ? 0 : -1;
  struct stat st;
  if (fstat(fd, &st) < 0) { close(fd); return -1; }
  if (!st.st_size) { close(fd); return 0; }
  char *buf = mmap(0, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (buf == MAP_FAILED) return -1;
  const char *s = buf, *end = buf + st.st_size;
  const char *nl = memchr(s, '\n', (size_t)(end - s));
  parse_header(s, nl ? nl : end, h);
  /* Lines are appended without rewriting the header, so its N and M
   * are lower bounds: the lines give the rest. */
  if (h->validity)
    for (s = nl ? nl + 1 : end; s < end; s = nl + 1) {
      nl = memchr(s, '\n', (size_t)(end - s));
      if (!nl) break;        /* never a torn last line: ignore one */
      struct uidlist_entry e;
      parse_entry(s, nl, &e);
      if (!e.uid || !e.base || !e.baselen) continue;
      ++h->lines;
      if (e.uid >= h->next) h->next = e.uid + 1;
      if (e.modseq > h->modseq) h->modseq = e.modseq;
      if (fn) fn(ctx, &e);
    }
  munmap(buf, (size_t)st.st_size);
  return 0;
}

int uidlist_header(const char *dir, struct uidlist_head *h)
{
  return uidlist_read(dir, h, 0, 0);
}

static int cat_u(stralloc *sa, unsigned long n)
{
  char buf[FMT_ULONG];
  return stralloc_catb(sa, buf, fmt_ulong(buf, n));
}

int uidlist_write(const struct mbox *mb, const stralloc *extra)
{
  stralloc out = { 0 }, tmp = { 0 }, dst = { 0 };
  int r = -1, fd = -1;
  if (!stralloc_copys(&out, "3 V") || !cat_u(&out, mb->uidvalidity) || !stralloc_cats(&out, " N") ||
      !cat_u(&out, mb->uidnext) || !stralloc_cats(&out, " M") || !cat_u(&out, mb->highestmodseq) ||
      !stralloc_cats(&out, "\n"))
    goto out;
  for (size_t i = 0; i < mb->n; ++i) {
    const char *nm = mbox_fname(mb, i);
    if (!cat_u(&out, mb->m[i].uid)) goto out;
    if (mb->m[i].vsize && (!stralloc_cats(&out, " W") || !cat_u(&out, mb->m[i].vsize - 1))) goto out;
    if (!stralloc_cats(&out, " M") || !cat_u(&out, mb->m[i].modseq)) goto out;
    if (!stralloc_cats(&out, " :") || !stralloc_catb(&out, nm, name_baselen(nm)) ||
        !stralloc_cats(&out, "\n"))
      goto out;
  }
  if (extra && !stralloc_cat(&out, extra)) goto out;
  if (!path_of(&tmp, mb->dir.s, "postern-uidlist.tmp") || !path_of(&dst, mb->dir.s, "postern-uidlist"))
    goto out;
  fd = open(tmp.s, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) goto out;
  if (fd_write_all(fd, out.s, out.len) < 0 || fsync(fd) < 0) goto out;
  if (close(fd) < 0) { fd = -1; goto out; }
  fd = -1;
  if (rename(tmp.s, dst.s) < 0) goto out;
  fsync_dir_of(dst.s);
  r = 0;
out:
  if (fd >= 0) close(fd);
  if (r < 0 && tmp.s) unlink(tmp.s);
  stralloc_free(&out);
  stralloc_free(&tmp);
  stralloc_free(&dst);
  return r;
}

/* Whether the list already names a base (a sync gave it a UID). */
struct seen { const char *base; size_t bl; unsigned uid; };

static void seen_base(void *ctx, const struct uidlist_entry *e)
{
  struct seen *f = ctx;
  if (!f->uid && e->baselen == f->bl && !memcmp(e->base, f->base, f->bl)) f->uid = e->uid;
}

/* A new list: written aside, fsync'd and renamed into place. */
static int replace_list(const char *dir, const char *list, const stralloc *text)
{
  stralloc tmp = { 0 };
  int r = -1;
  if (!path_of(&tmp, dir, "postern-uidlist.tmp")) goto out;
  int fd = open(tmp.s, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) goto out;
  if (fd_write_all(fd, text->s, text->len) < 0 || fsync(fd) < 0) { close(fd); unlink(tmp.s); goto out; }
  close(fd);
  if (rename(tmp.s, list) < 0) { unlink(tmp.s); goto out; }
  fsync_dir_of(list);
  r = 0;
out:
  stralloc_free(&tmp);
  return r;
}

/* The length of the list up to its last newline (a torn last line
 * left by a crash is not counted), looking back from the end. */
static off_t whole_length(int fd, off_t size)
{
  char buf[4096];
  for (off_t end = size; end > 0;) {
    off_t start = end > (off_t)sizeof buf ? end - (off_t)sizeof buf : 0;
    ssize_t n = pread(fd, buf, (size_t)(end - start), start);
    if (n <= 0) return -1;
    for (ssize_t i = n; i-- > 0;)
      if (buf[i] == '\n') return start + i + 1;
    end = start;
  }
  return 0;
}

/* Appends lines to the list (the caller holds the lock): cuts off a
 * torn last line first, then one write and one fdatasync. */
static int append_tail(const char *dir, const stralloc *lines)
{
  stralloc p = { 0 };
  int fd = -1, r = -1;
  struct stat st;
  if (!path_of(&p, dir, "postern-uidlist") || (fd = open(p.s, O_RDWR | O_CLOEXEC)) < 0 || fstat(fd, &st) < 0)
    goto out;
  off_t whole = whole_length(fd, st.st_size);
  if (whole <= 0) goto out;   /* not even a header: not ours to extend */
  if (whole < st.st_size && ftruncate(fd, whole) < 0) goto out;
  for (size_t off = 0; off < lines->len;) {
    ssize_t w = pwrite(fd, lines->s + off, lines->len - off, whole + (off_t)off);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) goto out;
    off += (size_t)w;
  }
  if (fdatasync(fd) == 0) r = 0;
out:
  if (fd >= 0 && close(fd) < 0) r = -1;
  stralloc_free(&p);
  return r;
}

/* Appends entries for new files (bases: NUL-terminated names, count of
 * them) to the list, with the next UIDs. The caller holds the lock and
 * makes the files visible only under it, so no sync gives them other
 * UIDs. *first gets the first UID given. 0 ok, -1 error. */
int uidlist_add(const char *dir, const stralloc *bases, size_t count, unsigned *validity, unsigned *first)
{
  stralloc p = { 0 }, out = { 0 };
  struct uidlist_head h;
  struct seen f = { .base = bases->s, .bl = name_baselen(bases->s) };
  int r = -1;
  if (uidlist_read(dir, &h, count == 1 ? seen_base : 0, &f) < 0 || !path_of(&p, dir, "postern-uidlist")) goto out;
  unsigned v = h.validity, next = h.next;
  unsigned long long modseq = h.modseq + 1;
  if (!v) {
    v = (unsigned)time(0);
    next = 1;
  }
  *validity = v;
  *first = next;
  if (f.uid) { *first = f.uid; r = 0; goto out; }
  const char *b = bases->s;
  for (size_t i = 0; i < count; ++i, b += strlen(b) + 1)
    if (!cat_u(&out, next + i) || !stralloc_cats(&out, " M") || !cat_u(&out, modseq) ||
        !stralloc_cats(&out, " :") || !stralloc_catb(&out, b, name_baselen(b)) ||
        !stralloc_cats(&out, "\n"))
      goto out;
  if (v == h.validity) {
    if (append_tail(dir, &out) < 0) goto out;
  } else {
    stralloc head = { 0 };
    int ok = stralloc_copys(&head, "3 V") && cat_u(&head, v) && stralloc_cats(&head, " N") &&
             cat_u(&head, next + count) && stralloc_cats(&head, " M") && cat_u(&head, modseq) &&
             stralloc_cats(&head, "\n") && stralloc_cat(&head, &out);
    if (ok) ok = replace_list(dir, p.s, &head) == 0;
    stralloc_free(&head);
    if (!ok) goto out;
  }
  r = 0;
out:
  stralloc_free(&p);
  stralloc_free(&out);
  return r;
}

struct bump { struct mbox *mb; stralloc extra; unsigned maxuid; int failed; };

/* Newer mod-sequences from the list are kept; lines of messages this
 * session has not seen yet are carried over. */
static void merge(void *ctx, const struct uidlist_entry *e)
{
  struct bump *b = ctx;
  long i = mbox_find_uid(b->mb, e->uid);
  if (i >= 0) {
    struct msg *m = &b->mb->m[i];
    if (e->modseq > m->modseq && !(m->flags & F_MODSEQ)) m->modseq = e->modseq;
    if (!m->vsize && e->vsize) m->vsize = e->vsize;
    return;
  }
  if (e->uid <= b->maxuid) return;   /* removed meanwhile */
  if (!cat_u(&b->extra, e->uid) || (e->vsize && (!stralloc_cats(&b->extra, " W") || !cat_u(&b->extra, e->vsize - 1))) ||
      (e->modseq && (!stralloc_cats(&b->extra, " M") || !cat_u(&b->extra, e->modseq))) ||
      !stralloc_cats(&b->extra, " :") || !stralloc_catb(&b->extra, e->base, e->baselen) ||
      !stralloc_cats(&b->extra, "\n"))
    b->failed = 1;
}

static int cat_line(stralloc *out, const struct mbox *mb, size_t i)
{
  const char *nm = mbox_fname(mb, i);
  const struct msg *m = &mb->m[i];
  return cat_u(out, m->uid) && (!m->vsize || (stralloc_cats(out, " W") && cat_u(out, m->vsize - 1))) &&
         stralloc_cats(out, " M") && cat_u(out, m->modseq) && stralloc_cats(out, " :") &&
         stralloc_catb(out, nm, name_baselen(nm)) && stralloc_cats(out, "\n");
}

/* The new mod-sequences as lines appended to the list; the whole list
 * written anew instead when repeated lines have piled up. */
int uidlist_bump(struct mbox *mb)
{
  struct uidlist_head h;
  struct bump b = { .mb = mb, .maxuid = mb->n ? mb->m[mb->n - 1].uid : 0 };
  stralloc lines = { 0 };
  int r = -1;
  size_t marked = 0;
  for (size_t i = 0; i < mb->n; ++i) marked += (mb->m[i].flags & F_MODSEQ) != 0;
  if (uidlist_read(mb->dir.s, &h, 0, 0) < 0) goto out;
  /* What others wrote matters only to a list written anew. */
  int rewrite = !h.validity || h.lines + marked > 2 * mb->n + 64;
  if (rewrite && (uidlist_read(mb->dir.s, &h, merge, &b) < 0 || b.failed)) goto out;
  if (h.validity && h.validity != mb->uidvalidity) goto out;   /* a new list: not ours to change */
  unsigned long long top = (h.modseq > mb->highestmodseq ? h.modseq : mb->highestmodseq) + 1;
  for (size_t i = 0; i < mb->n; ++i)
    if (mb->m[i].flags & F_MODSEQ) {
      mb->m[i].modseq = top;
      mb->m[i].flags &= ~F_MODSEQ;
      if (!cat_line(&lines, mb, i)) b.failed = 1;
    }
  mb->highestmodseq = top;
  if (h.next > mb->uidnext) mb->uidnext = h.next;
  if (!rewrite && !b.failed && append_tail(mb->dir.s, &lines) == 0) r = 0;
  else if (!rewrite) r = -1;
  else r = uidlist_write(mb, &b.extra);
out:
  stralloc_free(&b.extra);
  stralloc_free(&lines);
  return r;
}
