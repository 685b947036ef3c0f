/* Keywords (user flags) as Dovecot stores them in a Maildir, so Dovecot
 * and other readers that know its scheme keep them: the folder's file
 * dovecot-keywords has lines "<n> <keyword>", n from 0 to 25, and a
 * message carries keyword n as the letter 'a' + n in its info
 * (":2,FSab"). Written as temp file + fsync + rename under the uid list
 * lock. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "imapd.h"

static int kw_path(const struct mbox *mb, stralloc *p, const char *file)
{
  return stralloc_copy(p, &mb->dir) && stralloc_cats(p, "/") && stralloc_cats(p, file) && stralloc_0(p);
}

static void kw_parse_line(struct mbox *mb, const char *s, size_t len)
{
  size_t i = 0;
  unsigned n = 0;
  if (!len || s[0] < '0' || s[0] > '9') return;
  while (i < len && s[i] >= '0' && s[i] <= '9') n = n * 10 + (unsigned)(s[i++] - '0');
  if (i >= len || s[i] != ' ' || n >= KW_MAX) return;
  ++i;
  if (i >= len) return;
  if (!stralloc_copyb(&mb->kwnames[n], s + i, len - i) || !stralloc_0(&mb->kwnames[n])) return;
  --mb->kwnames[n].len;
  if ((int)n >= mb->nkw) mb->nkw = (int)n + 1;
}

int kw_load(struct mbox *mb)
{
  stralloc p = { 0 }, data = { 0 };
  struct stat st;
  int r = 0;
  for (int k = 0; k < KW_MAX; ++k) mb->kwnames[k].len = 0;
  mb->nkw = 0;
  if (!kw_path(mb, &p, "dovecot-keywords")) return -1;
  int fd = open(p.s, O_RDONLY | O_CLOEXEC);
  if (fd < 0) { stralloc_free(&p); return errno == ENOENT ? 0 : -1; }
  if (fstat(fd, &st) == 0) mb->kw_mtime = st.st_mtim;
  char buf[4096];
  ssize_t n;
  while ((n = read(fd, buf, sizeof buf)) > 0)
    if (!stralloc_catb(&data, buf, (size_t)n)) { r = -1; break; }
  close(fd);
  for (size_t i = 0; i < data.len;) {
    char *nl = memchr(data.s + i, '\n', data.len - i);
    size_t e = nl ? (size_t)(nl - data.s) : data.len;
    kw_parse_line(mb, data.s + i, e - i);
    i = e + 1;
  }
  stralloc_free(&p);
  stralloc_free(&data);
  return r;
}

static int kw_find(const struct mbox *mb, const char *name)
{
  for (int k = 0; k < mb->nkw; ++k)
    if (mb->kwnames[k].len && !strcasecmp(mb->kwnames[k].s, name)) return k;
  return -1;
}

static int kw_write(const struct mbox *mb)
{
  stralloc out = { 0 }, tmp = { 0 }, dst = { 0 };
  int r = -1;
  for (int k = 0; k < mb->nkw; ++k) {
    char c[4];
    if (!mb->kwnames[k].len) continue;
    int n = snprintf(c, sizeof c, "%d", k);
    if (!stralloc_catb(&out, c, (size_t)n) || !stralloc_cats(&out, " ") ||
        !stralloc_catb(&out, mb->kwnames[k].s, mb->kwnames[k].len) || !stralloc_cats(&out, "\n"))
      goto out;
  }
  if (!kw_path(mb, &tmp, "dovecot-keywords.tmp") || !kw_path(mb, &dst, "dovecot-keywords")) goto out;
  int fd = open(tmp.s, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) goto out;
  if (write(fd, out.s, out.len) != (ssize_t)out.len || fsync(fd) < 0) { close(fd); unlink(tmp.s); goto out; }
  close(fd);
  r = rename(tmp.s, dst.s);
out:
  stralloc_free(&out);
  stralloc_free(&tmp);
  stralloc_free(&dst);
  return r;
}

int kw_index(struct mbox *mb, const char *name, int add)
{
  int k = kw_find(mb, name);
  if (k >= 0 || !add) return k;
  int lock = uidlist_lock(mb->dir.s);
  kw_load(mb);          /* another session may have added some */
  k = kw_find(mb, name);
  if (k < 0 && mb->nkw < KW_MAX) {
    k = mb->nkw;
    if (!stralloc_copys(&mb->kwnames[k], name) || !stralloc_0(&mb->kwnames[k])) k = -1;
    else {
      --mb->kwnames[k].len;
      ++mb->nkw;
      if (kw_write(mb) < 0) { mb->kwnames[k].len = 0; --mb->nkw; k = -1; }
    }
  }
  uidlist_unlock(lock);
  return k;
}
