/* Maildir delivery primitives: the directory layout, unique names, and
 * the tmp -> new|cur commit that makes a message durable before it is
 * visible. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include "fmt.h"
#include "fsync_dir.h"
#include "maildir.h"

static int mk_sub(const char *dir, const char *sub)
{
  char path[4096];
  if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, sub) >= sizeof path) { errno = ENAMETOOLONG; return -1; }
  return mkdir(path, 0700);
}

int maildir_make(const char *dir, int is_folder)
{
  if (mkdir(dir, 0700) < 0) return -1;
  if (mk_sub(dir, "tmp") < 0 || mk_sub(dir, "new") < 0 || mk_sub(dir, "cur") < 0) return -1;
  if (is_folder) {
    char path[4096];
    if ((size_t)snprintf(path, sizeof path, "%s/maildirfolder", dir) >= sizeof path) { errno = ENAMETOOLONG; return -1; }
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return -1;
    close(fd);
  }
  return 0;
}

/* The host part of a unique name: '/' and ':' would break the path or
 * the info separator, so they are written as octal escapes. */
static int cat_host(stralloc *name)
{
  char host[256];
  if (gethostname(host, sizeof host) < 0) strcpy(host, "localhost");
  host[sizeof host - 1] = 0;
  for (const char *h = host; *h; ++h) {
    int r;
    if (*h == '/') r = stralloc_cats(name, "\\057");
    else if (*h == ':') r = stralloc_cats(name, "\\072");
    else r = stralloc_append(name, h);
    if (!r) return 0;
  }
  return 1;
}

static int cat_ulong(stralloc *sa, unsigned long n)
{
  char buf[FMT_ULONG];
  return stralloc_catb(sa, buf, fmt_ulong(buf, n));
}

int maildir_unique(stralloc *name)
{
  /* Q<count> keeps names distinct when one process delivers several
   * messages within the same microsecond. */
  static unsigned long count;
  struct timeval tv;
  gettimeofday(&tv, 0);
  if (!stralloc_copys(name, "")) return -1;
  if (!cat_ulong(name, (unsigned long)tv.tv_sec) || !stralloc_cats(name, ".M") ||
      !cat_ulong(name, (unsigned long)tv.tv_usec) || !stralloc_cats(name, "P") ||
      !cat_ulong(name, (unsigned long)getpid()) || !stralloc_cats(name, "Q") ||
      !cat_ulong(name, ++count) || !stralloc_cats(name, ".") || !cat_host(name) ||
      !stralloc_0(name)) { errno = ENOMEM; return -1; }
  --name->len;
  return 0;
}

int maildir_tmp_open(const char *dir, stralloc *tmppath, stralloc *basename)
{
  for (int attempt = 0; attempt < 5; ++attempt) {
    if (maildir_unique(basename) < 0) return -1;
    if (!stralloc_copys(tmppath, dir) || !stralloc_cats(tmppath, "/tmp/") ||
        !stralloc_cat(tmppath, basename) || !stralloc_0(tmppath)) { errno = ENOMEM; return -1; }
    --tmppath->len;
    int fd = open(tmppath->s, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) return fd;
    if (errno != EEXIST) return -1;
  }
  errno = EEXIST;
  return -1;
}

/* The size with every bare LF counted as CRLF: what POP3 and IMAP
 * announce. One pass over the file just written (still in the page
 * cache); -1 when it cannot be read. */
static long long crlf_size(int fd)
{
  char buf[65536];
  long long total = 0;
  char prev = 0;
  off_t off = 0;
  for (;;) {
    ssize_t n = pread(fd, buf, sizeof buf, off);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return -1;
    if (n == 0) return total;
    for (const char *p = buf, *end = buf + n; (p = memchr(p, '\n', (size_t)(end - p))); ++p)
      if ((p == buf ? prev : p[-1]) != '\r') ++total;
    total += n;
    prev = buf[n - 1];
    off += n;
  }
}

static int final_name(stralloc *out, const char *dir, const char *sub, const char *basename,
                      off_t size, long long wsize, const char *info)
{
  if (!stralloc_copys(out, dir) || !stralloc_cats(out, "/") || !stralloc_cats(out, sub) ||
      !stralloc_cats(out, "/") || !stralloc_cats(out, basename) || !stralloc_cats(out, ",S=") ||
      !cat_ulong(out, (unsigned long)size)) return 0;
  if (wsize >= 0 && (!stralloc_cats(out, ",W=") || !cat_ulong(out, (unsigned long)wsize))) return 0;
  return stralloc_cats(out, info ? info : "") && stralloc_0(out) && (--out->len, 1);
}

int maildir_tmp_commit(int fd, const char *dir, const char *tmppath, const char *basename,
                       off_t size, const char *sub, const char *info, stralloc *finalpath)
{
  if (fsync(fd) < 0) {
    int e = errno;
    close(fd);
    unlink(tmppath);
    errno = e;
    return -1;
  }
  if (maildir_tmp_link(fd, dir, tmppath, basename, size, sub, info, finalpath) < 0) return -1;
  return fsync_dir_of(finalpath->s) < 0 ? -1 : 0;
}

int maildir_tmp_link(int fd, const char *dir, const char *tmppath, const char *basename,
                     off_t size, const char *sub, const char *info, stralloc *finalpath)
{
  int e;
  long long wsize = crlf_size(fd);
  if (close(fd) < 0) { e = errno; goto fail; }
  if (!final_name(finalpath, dir, sub, basename, size, wsize, info)) { e = ENOMEM; goto fail; }
  /* link, not rename: an existing message of the same name is never
   * replaced. Filesystems without hard links get rename. */
  if (link(tmppath, finalpath->s) < 0) {
    if (errno != EPERM && errno != ENOSYS && errno != EOPNOTSUPP) { e = errno; goto fail; }
    struct stat st;
    if (lstat(finalpath->s, &st) == 0) { e = EEXIST; goto fail; }
    if (rename(tmppath, finalpath->s) < 0) { e = errno; goto fail; }
  } else {
    unlink(tmppath);
  }
  return 0;
fail:
  unlink(tmppath);
  errno = e;
  return -1;
}

static const char *base_of(const char *name)
{
  const char *slash = strrchr(name, '/');
  return slash ? slash + 1 : name;
}

long long maildir_name_size(const char *name)
{
  const char *p = base_of(name);
  for (; *p && *p != ':'; ++p) {
    if (p[0] != ',' || p[1] != 'S' || p[2] != '=') continue;
    const char *d = p + 3;
    if (*d < '0' || *d > '9') continue;
    long long n = 0;
    for (; *d >= '0' && *d <= '9'; ++d) {
      if (n > (long long)9e17) return -1;
      n = n * 10 + (*d - '0');
    }
    if (*d == 0 || *d == ',' || *d == ':') return n;
  }
  return -1;
}

const char *maildir_name_flags(const char *name)
{
  const char *colon = strrchr(base_of(name), ':');
  if (colon && colon[1] == '2' && colon[2] == ',') return colon + 3;
  return name + strlen(name);
}
