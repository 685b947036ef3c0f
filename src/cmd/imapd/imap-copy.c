/* COPY and MOVE: each message hard-linked into the target folder under
 * a new unique name (copied when links fail), all made visible under
 * the target's uid list lock with consecutive UIDs. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include "imapd.h"
#include "imap-copy.h"
#include "imap-mbox.h"
#include "maildir.h"
#include "quota.h"

static unsigned remap_kw(struct session *s, struct mbox *target, unsigned kw)
{
  unsigned out = 0;
  for (int k = 0; k < s->mb.nkw; ++k)
    if ((kw & (1u << k)) && s->mb.kwnames[k].len) {
      int t = kw_index(target, s->mb.kwnames[k].s, 1);
      if (t >= 0) out |= 1u << t;
    }
  return out;
}

/* Copies src's bytes into dir/tmp then links to dst (no hard links). */
static int copy_file(const char *src, const char *dir, const char *dst)
{
  stralloc tmp = { 0 }, base = { 0 };
  int in = open(src, O_RDONLY | O_CLOEXEC), r = -1;
  if (in < 0) return -1;
  int out = maildir_tmp_open(dir, &tmp, &base);
  if (out >= 0) {
    char buf[65536];
    ssize_t n;
    r = 0;
    while ((n = read(in, buf, sizeof buf)) > 0)
      if (write(out, buf, (size_t)n) != n) { r = -1; break; }
    if (n < 0 || fsync(out) < 0) r = -1;
    close(out);
    if (r == 0 && rename(tmp.s, dst) < 0) r = -1;
    if (r < 0) unlink(tmp.s);
  }
  close(in);
  stralloc_free(&tmp);
  stralloc_free(&base);
  return r;
}

static int link_one(struct session *s, size_t i, const char *dir, unsigned kw, stralloc *names)
{
  stralloc src = { 0 }, dst = { 0 }, base = { 0 }, info = { 0 };
  const char *fn = mbox_fname(&s->mb, i);
  long long size = maildir_name_size(fn);
  int r = -1;
  if (maildir_unique(&base) < 0 || !mbox_path(&s->mb, i, &src)) goto out;
  if (size < 0) {
    const char *b;
    size_t len;
    if (mbox_map(&s->mb, i, &b, &len) < 0) goto out;
    mbox_unmap(&s->mb, b, len);
    size = (long long)len;
  }
  info_of(&info, s->mb.m[i].flags & F_LETTERS, kw);
  size_t start = names->len;
  char num[32];
  snprintf(num, sizeof num, ",S=%lld", size);
  if (!stralloc_cat(names, &base) || !stralloc_cats(names, num) || !stralloc_cats(names, info.s) ||
      !stralloc_0(names))
    goto out;
  if (!stralloc_copys(&dst, dir) || !stralloc_cats(&dst, "/cur/") || !stralloc_cats(&dst, names->s + start) ||
      !stralloc_0(&dst))
    goto out;
  if (link(src.s, dst.s) == 0 || (errno != ENOENT && copy_file(src.s, dir, dst.s) == 0)) r = 0;
  else if (errno == ENOENT && mbox_relocate(&s->mb, i) && mbox_path(&s->mb, i, &src) && link(src.s, dst.s) == 0) r = 0;
  if (r < 0) names->len = start;
  else s->mb.expunged_bytes += size;
out:
  stralloc_free(&src);
  stralloc_free(&dst);
  stralloc_free(&base);
  stralloc_free(&info);
  return r;
}

int copy_marked(struct session *s, const char *dir, struct copy_result *res)
{
  struct mbox target = { 0 };
  stralloc names = { 0 };
  size_t count = 0;
  int r = -1;
  res->count = 0;
  res->srcuids.len = 0;
  if (!stralloc_copys(&target.dir, dir) || !stralloc_0(&target.dir)) return -1;
  --target.dir.len;
  if (s->cfg.keywords) kw_load(&target);
  unsigned *kw = calloc(s->mb.n + 1, sizeof *kw);
  if (!kw) goto out;
  long long bytes = 0;
  for (size_t i = 0; i < s->mb.n; ++i)
    if (s->mb.m[i].flags & F_MARK) {
      kw[i] = remap_kw(s, &target, s->mb.m[i].kw);
      long long sz = maildir_name_size(mbox_fname(&s->mb, i));
      bytes += sz > 0 ? sz : 0;
      ++count;
    }
  if (s->cfg.quota && quota_would_exceed(s->maildir.s, s->cfg.quota, bytes, (long long)count) == 1) {
    res->overquota = 1;
    goto out;
  }
  int lock = uidlist_lock(dir);
  s->mb.expunged_bytes = 0;
  for (size_t i = 0; i < s->mb.n; ++i) {
    if (!(s->mb.m[i].flags & F_MARK)) continue;
    if (link_one(s, i, dir, kw[i], &names) < 0) { s->mb.m[i].flags &= ~F_MARK; continue; }
    char num[16];
    snprintf(num, sizeof num, "%s%u", res->count ? "," : "", s->mb.m[i].uid);
    (void)stralloc_cats(&res->srcuids, num);
    ++res->count;
  }
  r = 0;
  if (res->count && uidlist_add(dir, &names, res->count, &res->validity, &res->first) < 0) res->first = 0;
  uidlist_unlock(lock);
  if (res->count) quota_add(s->maildir.s, s->mb.expunged_bytes, (long long)res->count);
  (void)stralloc_0(&res->srcuids);
out:
  free(kw);
  stralloc_free(&names);
  for (int k = 0; k < KW_MAX; ++k) stralloc_free(&target.kwnames[k]);
  stralloc_free(&target.dir);
  return r;
}
