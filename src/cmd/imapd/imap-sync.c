/* mbox_sync: brings the message list in step with cur/ and new/.
 *
 * Under the uid list's lock: list new/ then cur/ (a file moving from
 * new/ to cur/ meanwhile is seen twice rather than missed), match every
 * file to a known message by its base name (the part before ':'), and
 * give UIDs to the others from the uid list or as fresh ones. A known
 * message with no file is expunged; a known one whose name changed has
 * new flags. New files found in new/ are \Recent for this session, and a
 * read-write session moves them to cur/. */
#include <stdio.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "imapd.h"
#include "imap-mbox.h"
#include "imap-watch.h"

#define SMALL_MESSAGE (256 * 1024)

/* idx: the known message it is, -1 none (a new file), -2 a duplicate
 * of another entry's base, -3 a name now known to be gone. */
struct ent {
  unsigned name, baselen, hash;
  unsigned uid; unsigned vsize; int idx; unsigned char innew; unsigned long long modseq;
};

struct scan {
  struct mbox *mb;
  stralloc names;            /* the new arena */
  struct ent *e;
  size_t n, a;
  unsigned *hash;            /* open addressing: ent index + 1 */
  size_t mask, hsize;
  size_t listed;             /* entries in the uid list */
  struct ent **order;        /* new files the uid list names, in its (UID) order */
  size_t norder;
  unsigned maxuid;           /* the highest UID known before the listing */
  long known;                /* index of known message 0's own entry (scan_touched), or -1 */
};

static unsigned hash_base(const char *s, size_t len)
{
  unsigned h = 2166136261u;
  for (size_t i = 0; i < len; ++i) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static int add_ent(struct scan *sc, const char *name, int innew)
{
  if (sc->n == sc->a) {
    size_t na = sc->a ? sc->a * 2 : 256;
    struct ent *e = realloc(sc->e, na * sizeof *e);
    if (!e) return -1;
    sc->e = e;
    sc->a = na;
  }
  struct ent *e = &sc->e[sc->n++];
  e->name = (unsigned)sc->names.len;
  e->uid = 0;
  e->vsize = 0;
  e->modseq = 0;
  e->idx = -1;
  e->innew = (unsigned char)innew;
  return stralloc_cats(&sc->names, name) && stralloc_0(&sc->names) ? 0 : -1;
}

/* Room for about n more entries of len bytes of names: the arena grows
 * once instead of by an eighth at a time, each growth a copy. */
static int reserve(struct scan *sc, size_t n, size_t len)
{
  if (sc->n + n > sc->a) {
    struct ent *e = realloc(sc->e, (sc->n + n) * sizeof *e);
    if (!e) return -1;
    sc->e = e;
    sc->a = sc->n + n;
  }
  return stralloc_readyplus(&sc->names, len) ? 0 : -1;
}

static int list_dir(struct scan *sc, const char *sub, int innew)
{
  stralloc path = { 0 };
  if (!stralloc_copy(&path, &sc->mb->dir) || !stralloc_cats(&path, sub) || !stralloc_0(&path)) return -1;
  DIR *d = opendir(path.s);
  stralloc_free(&path);
  if (!d) return errno == ENOENT && innew ? 0 : -1;
  struct stat st;   /* a directory's size bounds the length of its names */
  if (fstat(dirfd(d), &st) == 0 && reserve(sc, (size_t)st.st_size / 48 + 16, (size_t)st.st_size) < 0) {
    closedir(d);
    return -1;
  }
  struct dirent *de;
  while ((de = readdir(d)))
    if (de->d_name[0] != '.' && add_ent(sc, de->d_name, innew) < 0) { closedir(d); return -1; }
  closedir(d);
  return 0;
}

/* Hash of the listed files by base name; a file seen twice (moved
 * during the listing) keeps its cur/ entry. */
static int index_listing(struct scan *sc)
{
  size_t size = 64;
  while (size < sc->n * 2) size *= 2;
  if (size > sc->hsize) {
    unsigned *h = realloc(sc->hash, size * sizeof *h);
    if (!h) return -1;
    sc->hash = h;
    sc->hsize = size;
  }
  memset(sc->hash, 0, size * sizeof *sc->hash);
  sc->mask = size - 1;
  for (size_t i = 0; i < sc->n; ++i) {
    struct ent *e = &sc->e[i];
    const char *nm = sc->names.s + e->name;
    e->baselen = (unsigned)name_baselen(nm);
    e->hash = hash_base(nm, e->baselen);
    for (size_t h = e->hash & sc->mask;; h = (h + 1) & sc->mask) {
      if (!sc->hash[h]) { sc->hash[h] = (unsigned)i + 1; break; }
      struct ent *o = &sc->e[sc->hash[h] - 1];
      if (o->hash == e->hash && o->baselen == e->baselen && !memcmp(sc->names.s + o->name, nm, e->baselen)) {
        if (o->innew && !e->innew) sc->hash[h] = (unsigned)i + 1;
        e->idx = -2;    /* duplicate: ignored */
        if (o->innew && !e->innew) o->idx = -2;
        break;
      }
    }
  }
  return 0;
}

static struct ent *lookup(struct scan *sc, const char *base, size_t bl)
{
  unsigned hv = hash_base(base, bl);
  for (size_t h = hv & sc->mask; sc->hash[h]; h = (h + 1) & sc->mask) {
    struct ent *e = &sc->e[sc->hash[h] - 1];
    if (e->hash == hv && e->baselen == bl && e->idx != -3 && !memcmp(sc->names.s + e->name, base, bl)) return e;
  }
  return 0;
}

static void from_uidlist(void *ctx, const struct uidlist_entry *ue)
{
  struct scan *sc = ctx;
  ++sc->listed;
  /* Only new files are looked for, and one the list gives a UID this
   * session already passed gets a fresh UID whatever that line says. */
  if (ue->uid <= sc->maxuid) return;
  struct ent *e = lookup(sc, ue->base, ue->baselen);
  if (!e || e->idx != -1) return;
  if (!e->uid) {
    if (sc->order) sc->order[sc->norder++] = e;
    e->uid = ue->uid;
    e->vsize = ue->vsize;
    e->modseq = ue->modseq;
  } else if (e->uid == ue->uid) {   /* a later line of the UID: a newer mod-sequence */
    if (ue->modseq > e->modseq) e->modseq = ue->modseq;
    if (ue->vsize) e->vsize = ue->vsize;
  }
}

static int cmp_ent_uid(const void *a, const void *b)
{
  const struct ent *x = *(struct ent *const *)a, *y = *(struct ent *const *)b;
  return x->uid < y->uid ? -1 : x->uid > y->uid;
}

static void sort_by_uid(struct ent **v, size_t n)
{
  for (size_t i = 1; i < n; ++i)
    if (v[i]->uid < v[i - 1]->uid) {
      qsort(v, n, sizeof *v, cmp_ent_uid);
      return;
    }
}

/* ",W=<n>" in the base name: the size with CRLF line ends, as Dovecot
 * and postern's deliveries write it (RFC822.SIZE without reading). */
static unsigned name_vsize(const char *name)
{
  size_t bl = name_baselen(name);
  for (size_t i = 0; i + 3 < bl; ++i)
    if (name[i] == ',' && name[i + 1] == 'W' && name[i + 2] == '=') {
      unsigned long long v = 0;
      for (i += 3; i < bl && name[i] >= '0' && name[i] <= '9'; ++i) v = v * 10 + (unsigned)(name[i] - '0');
      return v < 0xfffffffeull ? (unsigned)v + 1 : 0;
    }
  return 0;
}

/* Delivery order of two Maildir names "<sec>.M<usec>P<pid>...": the
 * numbers compared as numbers (a 5-digit microsecond count comes
 * before a 6-digit one), then the names. */
static unsigned long long lead_num(const char **p)
{
  unsigned long long n = 0;
  while (**p >= '0' && **p <= '9') n = n * 10 + (unsigned long long)(*(*p)++ - '0');
  return n;
}

static int cmp_ent_name(const void *a, const void *b, void *arg)
{
  const char *names = arg;
  const char *x = names + (*(struct ent *const *)a)->name, *y = names + (*(struct ent *const *)b)->name;
  const char *p = x, *q = y;
  unsigned long long sx = lead_num(&p), sy = lead_num(&q);
  if (sx != sy) return sx < sy ? -1 : 1;
  if (p[0] == '.' && p[1] == 'M' && q[0] == '.' && q[1] == 'M') {
    p += 2;
    q += 2;
    unsigned long long ux = lead_num(&p), uy = lead_num(&q);
    if (ux != uy) return ux < uy ? -1 : 1;
  }
  return strcmp(x, y);
}

/* Known messages: take their new names and flags, mark the vanished. */
static size_t match_known(struct scan *sc)
{
  struct mbox *mb = sc->mb;
  size_t missing = 0;
  for (size_t i = 0; i < mb->n; ++i) {
    struct msg *m = &mb->m[i];
    const char *old = mb->names.s + m->name;
    /* A message's own entry that no other took the place of is its file. */
    struct ent *e = sc->known >= 0 ? &sc->e[(size_t)sc->known + i] : 0;
    int same = e && e->idx == -1;
    if (!same) e = lookup(sc, old, name_baselen(old));
    if (!e) { m->name = (unsigned)-1; ++missing; continue; }
    e->idx = (int)i;
    const char *nm = sc->names.s + e->name;
    if (!same && strcmp(nm, old)) {
      unsigned f, k;
      name_flags(nm, &f, &k);
      if ((m->flags & F_LETTERS) != f || m->kw != k) m->flags |= F_MARK | F_MODSEQ;
      m->flags = (m->flags & ~F_LETTERS) | f;
      m->kw = k;
    }
    m->name = e->name;
    m->flags = e->innew ? (m->flags | F_NEW) : (m->flags & ~F_NEW);
  }
  return missing;
}

static void report_expunged(struct mbox *mb, const struct sync_cb *cb)
{
  for (size_t i = mb->n; i-- > 0;)
    if (mb->m[i].name == (unsigned)-1 && cb && cb->expunge) cb->expunge(cb->ctx, i + 1);
  mbox_compact(mb);
}

/* UIDs for the files no known message matched: from the uid list when
 * it has them (and they are above every UID this session knows), else
 * fresh ones in name (delivery) order. */
/* Without the lock (locked 0) only UIDs the list already gives are
 * taken; -2 asks for a pass under the lock when any file needs a new
 * UID or the list needs rewriting. */
static int assign_uids(struct scan *sc, struct ent **fresh, size_t nf, int locked)
{
  struct mbox *mb = sc->mb;
  struct uidlist_head h;
  sc->norder = 0;
  sc->maxuid = mb->n ? mb->m[mb->n - 1].uid : 0;
  sc->order = malloc((nf + 1) * sizeof *sc->order);
  if (!sc->order) return -1;
  int rd = uidlist_read(mb->dir.s, &h, from_uidlist, sc);
  if (rd == 0) {
    /* The files the list names, in its order (almost always UID order,
     * so the sort below has nothing to do), then those it does not name. */
    size_t k = sc->norder;
    for (size_t i = 0; i < nf; ++i)
      if (!fresh[i]->uid) sc->order[k++] = fresh[i];
    memcpy(fresh, sc->order, nf * sizeof *fresh);
  }
  free(sc->order);
  sc->order = 0;
  if (rd < 0) return -1;
  unsigned validity = h.validity, next = h.next;
  if (h.modseq > mb->highestmodseq) mb->highestmodseq = h.modseq;
  unsigned maxuid = mb->n ? mb->m[mb->n - 1].uid : 0;
  if (next < mb->uidnext) next = mb->uidnext;
  if (next <= maxuid) next = maxuid + 1;
  if (!next) next = 1;
  int write = !validity || sc->listed > mb->n + nf + (mb->n + nf) / 2 + 64;
  for (size_t i = 0; i < nf; ++i)
    if (!(fresh[i]->uid > maxuid && fresh[i]->uid < next)) write = 1;
  sort_by_uid(fresh, nf);
  for (size_t i = 1; i < nf; ++i)   /* a broken list naming one UID twice */
    if (fresh[i]->uid == fresh[i - 1]->uid) write = 1;
  if (write && !locked) return -2;
  if (!mb->uidvalidity) mb->uidvalidity = validity ? validity : (unsigned)time(0);
  if (write) {
    qsort_r(fresh, nf, sizeof *fresh, cmp_ent_name, sc->names.s);
    for (size_t i = 0; i < nf; ++i)
      if (!(fresh[i]->uid > maxuid && fresh[i]->uid < next)) fresh[i]->uid = next++;
    qsort(fresh, nf, sizeof *fresh, cmp_ent_uid);
    for (size_t i = 1; i < nf; ++i)
      if (fresh[i]->uid == fresh[i - 1]->uid) fresh[i]->uid = next++;
    qsort(fresh, nf, sizeof *fresh, cmp_ent_uid);
    ++mb->highestmodseq;
    for (size_t i = 0; i < nf; ++i) fresh[i]->modseq = mb->highestmodseq;
  }
  mb->uidnext = next;
  return write;
}

static int append_new(struct scan *sc, struct ent **fresh, size_t nf)
{
  struct mbox *mb = sc->mb;
  if (mb->n + nf > mb->a) {
    size_t na = mb->n + nf + mb->n / 2 + 16;
    struct msg *m = realloc(mb->m, na * sizeof *m);
    if (!m) return -1;
    mb->m = m;
    mb->a = na;
  }
  for (size_t i = 0; i < nf; ++i) {
    struct msg *m = &mb->m[mb->n++];
    m->uid = fresh[i]->uid;
    m->name = fresh[i]->name;
    m->vsize = fresh[i]->vsize ? fresh[i]->vsize : name_vsize(mb->names.s + m->name);
    m->modseq = fresh[i]->modseq ? fresh[i]->modseq : mb->highestmodseq;
    name_flags(mb->names.s + m->name, &m->flags, &m->kw);
    if (fresh[i]->innew) { m->flags |= F_NEW | F_RECENT; ++mb->recent; }
  }
  return 0;
}

/* A read-write session moves what it found in new/ to cur/ ("seen by a
 * mail reader"), adding the empty info ":2,". */
static void move_new(struct mbox *mb)
{
  stralloc a = { 0 }, b = { 0 };
  for (size_t i = 0; i < mb->n; ++i) {
    struct msg *m = &mb->m[i];
    if (!(m->flags & F_NEW)) continue;
    const char *nm = mbox_fname(mb, i);
    int has_info = strchr(nm, ':') != 0;
    if (!stralloc_copy(&a, &mb->dir) || !stralloc_cats(&a, "/new/") || !stralloc_cats(&a, nm) ||
        !stralloc_0(&a) || !stralloc_copy(&b, &mb->dir) || !stralloc_cats(&b, "/cur/") ||
        !stralloc_cats(&b, nm) || (!has_info && !stralloc_cats(&b, ":2,")) || !stralloc_0(&b))
      break;
    if (rename(a.s, b.s) < 0) continue;
    m->name = (unsigned)mb->names.len;
    if (!stralloc_cats(&mb->names, b.s + mb->dir.len + 5) || !stralloc_0(&mb->names)) break;
    m->flags &= ~F_NEW;
  }
  stralloc_free(&a);
  stralloc_free(&b);
}

static int dir_mtime(const struct mbox *mb, const char *sub, struct timespec *t)
{
  stralloc p = { 0 };
  struct stat st;
  int r = -1;
  if (stralloc_copy(&p, &mb->dir) && stralloc_cats(&p, sub) && stralloc_0(&p)) r = stat(p.s, &st);
  stralloc_free(&p);
  if (r < 0) memset(t, 0, sizeof *t);
  else *t = st.st_mtim;
  return r;
}

static int same_time(const struct timespec *a, const struct timespec *b)
{
  return a->tv_sec == b->tv_sec && a->tv_nsec == b->tv_nsec;
}

static void scan_reset(struct scan *sc)
{
  sc->n = 0;
  sc->names.len = 0;
}

static int scan_dirs(struct scan *sc)
{
  scan_reset(sc);
  sc->known = -1;
  if (list_dir(sc, "/new", 1) < 0 || list_dir(sc, "/cur", 0) < 0) return -1;
  return index_listing(sc);
}

/* The listing the directories would give, from the known messages and
 * the names events touched: the touched files that exist now first (so
 * a file's current name wins over a stale one of the same base), then
 * the known files no event touched or that still exist. */
static int scan_touched(struct scan *sc, const struct touched *t)
{
  struct mbox *mb = sc->mb;
  scan_reset(sc);
  if (reserve(sc, mb->n + t->n, mb->names.len + t->names.len) < 0) return -1;
  for (size_t i = 0; i < t->n; ++i)
    if (!t->t[i].gone && add_ent(sc, t->names.s + t->t[i].name, t->t[i].innew) < 0) return -1;
  sc->known = (long)sc->n;
  for (size_t i = 0; i < mb->n; ++i)
    if (add_ent(sc, mbox_fname(mb, i), (mb->m[i].flags & F_NEW) != 0) < 0) return -1;
  if (index_listing(sc) < 0) return -1;
  /* A gone name that is still some base's entry was a known file's: dead. */
  for (size_t i = 0; i < t->n; ++i) {
    if (t->t[i].gone != 1) continue;
    const char *nm = t->names.s + t->t[i].name;
    struct ent *e = lookup(sc, nm, name_baselen(nm));
    if (e && e->innew == t->t[i].innew && !strcmp(sc->names.s + e->name, nm)) e->idx = -3;
  }
  return 0;
}

/* Whether every known message the listing misses is known to be
 * unlinked (old: their names before the match). */
static int missing_confirmed(const struct mbox *mb, const unsigned *old, const struct touched *t)
{
  for (size_t i = 0; i < mb->n; ++i)
    if (mb->m[i].name == (unsigned)-1 && !watch_unlinked(t, mb->names.s + old[i], (mb->m[i].flags & F_NEW) != 0))
      return 0;
  return 1;
}

/* Flags changed by others: a mod-sequence the uid list gives that is
 * newer than this session's is theirs for the change; the others get a
 * new one. */
static void adopt(void *ctx, const struct uidlist_entry *e)
{
  struct mbox *mb = ctx;
  long i = mbox_find_uid(mb, e->uid);
  if (i >= 0 && (mb->m[i].flags & F_MODSEQ) && e->modseq > mb->m[i].modseq) {
    mb->m[i].modseq = e->modseq;
    mb->m[i].flags &= ~F_MODSEQ;
  }
}

static void modseq_changes(struct mbox *mb, int locked)
{
  size_t i = 0;
  while (i < mb->n && !(mb->m[i].flags & F_MODSEQ)) ++i;
  if (i == mb->n) return;
  struct uidlist_head h;
  if (uidlist_read(mb->dir.s, &h, adopt, mb) == 0 && h.modseq > mb->highestmodseq) mb->highestmodseq = h.modseq;
  mbox_modseq_commit(mb, locked);
}

/* t: the names events touched (0: list the directories). */
static long sync_pass(struct mbox *mb, struct scan *sc, const struct sync_cb *cb, int locked,
                      const struct touched *t)
{
  if ((t ? scan_touched(sc, t) : scan_dirs(sc)) < 0) return -1;
  for (size_t i = 0; i < mb->n; ++i) mb->m[i].flags &= ~F_MARK;
  unsigned *old = malloc((mb->n + 1) * sizeof *old);
  if (!old) return -1;
  for (size_t i = 0; i < mb->n; ++i) old[i] = mb->m[i].name;
  if (match_known(sc) && !(t && missing_confirmed(mb, old, t))) {
    /* A file renamed while listed can be missed: look once more. */
    for (size_t i = 0; i < mb->n; ++i) mb->m[i].name = old[i];
    if (scan_dirs(sc) < 0) { free(old); return -1; }
    match_known(sc);
  }
  free(old);
  report_expunged(mb, cb);
  size_t nf = 0;
  struct ent **fresh = malloc((sc->n + 1) * sizeof *fresh);
  if (!fresh) return -1;
  for (size_t i = 0; i < sc->n; ++i)
    if (sc->e[i].idx == -1) fresh[nf++] = &sc->e[i];
  /* The new listing's arena becomes the names; the old one is kept for
   * the next listing. */
  stralloc spare = mb->names;
  mb->names = sc->names;
  sc->names = spare;
  long r = 0;
  if (nf || !mb->uidvalidity) {
    sc->names = mb->names;            /* lookups during assign_uids */
    int w = assign_uids(sc, fresh, nf, locked);
    sc->names = spare;
    if (w == -2) r = -2;
    else if (w < 0 || append_new(sc, fresh, nf) < 0) { free(fresh); return -1; }
    else r = (long)nf;
    if (w > 0 || (w == 0 && locked && mb->vsize_dirty)) {
      uidlist_write(mb, 0);
      mb->vsize_dirty = 0;
    }
  }
  free(fresh);
  if (!mb->readonly) move_new(mb);
  if (r != -2) modseq_changes(mb, locked);
  if (cb && cb->flags)
    for (size_t i = 0; i < mb->n; ++i)
      if (mb->m[i].flags & F_MARK) { mb->m[i].flags &= ~F_MARK; cb->flags(cb->ctx, i); }
  return r;
}

/* One pass without the lock, and when files need new UIDs, one more
 * under it. Every pass tries without the lock first, SELECT's too: with
 * many sessions on one folder the lock is the bottleneck, and a folder
 * whose files all have UIDs (the usual case) is looked at once. */
static long sync_passes(struct mbox *mb, const struct sync_cb *cb, struct touched *t)
{
  struct scan sc = { .mb = mb, .e = mb->scan_e, .a = mb->scan_a, .hash = mb->scan_hash,
                     .hsize = mb->scan_hsize, .names = mb->scan_names };
  long r = sync_pass(mb, &sc, cb, 0, t);
  if (r == -2) {
    int lock = uidlist_lock(mb->dir.s);
    if (t && (watch_read(mb, t) < 0 || t->full || watch_check(mb, t) < 0)) t = 0;
    sc.listed = 0;
    r = sync_pass(mb, &sc, cb, 1, t);
    if (lock >= 0) uidlist_unlock(lock);
  }
  mb->scan_e = sc.e;
  mb->scan_a = sc.a;
  mb->scan_hash = sc.hash;
  mb->scan_hsize = sc.hsize;
  mb->scan_names = sc.names;
  return r;
}

/* A watched folder: the events say whether anything changed and what. */
static long sync_watched(struct mbox *mb, int force, const struct sync_cb *cb)
{
  struct touched t = { 0 };
  struct timespec tc;
  long ev = watch_read(mb, &t);
  long r = 0;
  /* A rename of the folder (or of a parent) moves no watched directory's
   * entries: only a look at the path tells it is gone. */
  if (dir_mtime(mb, "/cur", &tc) < 0) { watch_free(&t); return -1; }
  if (ev < 0 || t.full) force = 1;
  if (force || ev) {
    if (!force && watch_check(mb, &t) < 0) force = 1;
    r = sync_passes(mb, cb, force ? 0 : &t);
  }
  watch_free(&t);
  return r;
}

long mbox_sync(struct mbox *mb, int force, const struct sync_cb *cb)
{
  struct timespec tc, tn;
  if (mb->watching) return sync_watched(mb, force, cb);
  if (dir_mtime(mb, "/cur", &tc) < 0) return -1;   /* the folder is gone */
  dir_mtime(mb, "/new", &tn);
  if (!force && same_time(&tc, &mb->cur_mtime) && same_time(&tn, &mb->new_mtime)) return 0;
  long r = sync_passes(mb, cb, 0);
  /* A change within the same clock tick as our listing would leave the
   * times unchanged: keep looking while the directories are that fresh. */
  time_t now = time(0);
  if (r >= 0 && tc.tv_sec < now - 1 && tn.tv_sec < now - 1) {
    mb->cur_mtime = tc;
    mb->new_mtime = tn;
  } else {
    memset(&mb->cur_mtime, 0, sizeof mb->cur_mtime);
  }
  return r;
}

int mbox_map(struct mbox *mb, size_t idx, const char **buf, size_t *len)
{
  stralloc path = { 0 };
  int fd = -1;
  for (int attempt = 0; attempt < 2 && fd < 0; ++attempt) {
    if (!mbox_path(mb, idx, &path)) break;
    fd = open(path.s, O_RDONLY | O_CLOEXEC);
    if (fd < 0 && (errno != ENOENT || !mbox_relocate(mb, idx))) break;
  }
  stralloc_free(&path);
  if (fd < 0) return -1;
  struct stat st;
  if (fstat(fd, &st) < 0) { close(fd); return -1; }
  *len = (size_t)st.st_size;
  if (!*len) { close(fd); *buf = ""; return 0; }
  /* Small files are read: cheaper than a mapping torn down each time. */
  if (*len <= SMALL_MESSAGE && stralloc_ready(&mb->rbuf, *len)) {
    size_t got = 0;
    while (got < *len) {
      ssize_t n = read(fd, mb->rbuf.s + got, *len - got);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      got += (size_t)n;
    }
    close(fd);
    *len = got;
    *buf = mb->rbuf.s;
    return 0;
  }
  void *p = mmap(0, *len, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd);
  if (p == MAP_FAILED) return -1;
  *buf = p;
  return 0;
}

void mbox_unmap(struct mbox *mb, const char *buf, size_t len)
{
  if (len && buf != mb->rbuf.s) munmap((void *)buf, len);
}
