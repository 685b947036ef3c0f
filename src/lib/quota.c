/* Maildir++ quotas kept in the maildirsize file, the format Courier,
 * maildrop and Dovecot share: line 1 the limit, then "<bytes> <count>"
 * deltas whose sum is the usage. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "maildir.h"
#include "quota.h"

#define QUOTA_FILE_MAX   5120        /* recalculate once the file grows past this */
#define QUOTA_STALE_SECS (15 * 60)   /* an over-quota file older than this is recounted */

int quota_parse(struct quota *q, const char *text)
{
  q->max_bytes = q->max_count = 0;
  const char *p = text;
  while (*p) {
    if (*p < '0' || *p > '9') return 0;
    long long n = 0;
    for (; *p >= '0' && *p <= '9'; ++p) {
      if (n > (long long)9e17) return 0;
      n = n * 10 + (*p - '0');
    }
    if (*p == 'S') q->max_bytes = n;
    else if (*p == 'C') q->max_count = n;
    else return 0;
    ++p;
    if (*p == ',') { ++p; if (!*p) return 0; }
    else if (*p) return 0;
  }
  return 1;
}

static int path_in(char *out, size_t size, const char *dir, const char *name)
{
  if ((size_t)snprintf(out, size, "%s/%s", dir, name) >= size) { errno = ENAMETOOLONG; return -1; }
  return 0;
}

/* Adds the messages of one new/ or cur/ directory. */
static int sum_dir(const char *dir, long long *bytes, long long *count)
{
  DIR *d = opendir(dir);
  if (!d) return errno == ENOENT ? 0 : -1;
  struct dirent *de;
  char path[4096];
  while ((de = readdir(d))) {
    if (de->d_name[0] == '.') continue;
    long long size = maildir_name_size(de->d_name);
    if (size < 0) {
      struct stat st;
      if (path_in(path, sizeof path, dir, de->d_name) < 0 || stat(path, &st) < 0) continue;
      size = st.st_size;
    }
    *bytes += size;
    ++*count;
  }
  closedir(d);
  return 0;
}

static int sum_maildir(const char *dir, long long *bytes, long long *count)
{
  char path[4096];
  if (path_in(path, sizeof path, dir, "new") < 0 || sum_dir(path, bytes, count) < 0) return -1;
  if (path_in(path, sizeof path, dir, "cur") < 0 || sum_dir(path, bytes, count) < 0) return -1;
  return 0;
}

/* Every message of the maildir and its Maildir++ folders except Trash,
 * which Maildir++ leaves out of the quota. */
static int count_all(const char *maildir, long long *bytes, long long *count)
{
  *bytes = *count = 0;
  if (sum_maildir(maildir, bytes, count) < 0) return -1;
  DIR *d = opendir(maildir);
  if (!d) return -1;
  struct dirent *de;
  char path[4096];
  int r = 0;
  while ((de = readdir(d))) {
    const char *n = de->d_name;
    if (n[0] != '.' || !strcmp(n, ".") || !strcmp(n, "..") || !strcmp(n, ".Trash")) continue;
    if (de->d_type != DT_DIR && de->d_type != DT_UNKNOWN) continue;
    if (path_in(path, sizeof path, maildir, n) < 0) { r = -1; break; }
    if (sum_maildir(path, bytes, count) < 0) { r = -1; break; }
  }
  closedir(d);
  return r;
}

static int write_file(const char *maildir, const char *quota_text, long long bytes, long long count)
{
  char tmp[4096], final[4096], body[256];
  stralloc base = {0};
  if (maildir_unique(&base) < 0) return -1;
  int n = snprintf(tmp, sizeof tmp, "%s/tmp/%s.quota", maildir, base.s);
  free(base.s);
  if ((size_t)n >= sizeof tmp || path_in(final, sizeof final, maildir, "maildirsize") < 0) {
    errno = ENAMETOOLONG;
    return -1;
  }
  int len = snprintf(body, sizeof body, "%s\n%lld %lld\n", quota_text, bytes, count);
  if ((size_t)len >= sizeof body) { errno = EINVAL; return -1; }
  int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return -1;
  if (write(fd, body, (size_t)len) != len || close(fd) < 0 || rename(tmp, final) < 0) {
    int e = errno;
    unlink(tmp);
    errno = e;
    return -1;
  }
  return 0;
}

int quota_write(const char *maildir, const char *quota_text)
{
  long long bytes, count;
  if (count_all(maildir, &bytes, &count) < 0) return -1;
  return write_file(maildir, quota_text, bytes, count);
}

struct sizefile {
  char text[QUOTA_FILE_MAX + 1];
  size_t len;
  time_t mtime;
  const char *limit;     /* first line, NUL-terminated inside text */
  long long bytes, count;
  int sane;              /* every delta line parsed */
};

/* 1 read, 0 absent, -1 error. */
static int read_file(const char *maildir, struct sizefile *f)
{
  char path[4096];
  if (path_in(path, sizeof path, maildir, "maildirsize") < 0) return -1;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT ? 0 : -1;
  struct stat st;
  if (fstat(fd, &st) < 0) { close(fd); return -1; }
  f->mtime = st.st_mtime;
  f->len = 0;
  ssize_t r;
  while (f->len < QUOTA_FILE_MAX + 1 &&
         (r = read(fd, f->text + f->len, QUOTA_FILE_MAX + 1 - f->len)) > 0) f->len += (size_t)r;
  close(fd);
  f->sane = f->len <= QUOTA_FILE_MAX;
  return 1;
}

static void parse_file(struct sizefile *f)
{
  f->text[f->len < sizeof f->text ? f->len : sizeof f->text - 1] = 0;
  f->bytes = f->count = 0;
  char *nl = strchr(f->text, '\n');
  if (!nl) { f->sane = 0; f->limit = ""; return; }
  *nl = 0;
  f->limit = f->text;
  for (char *line = nl + 1; f->sane && *line; ) {
    char *end;
    long long b = strtoll(line, &end, 10);
    if (end == line) { f->sane = 0; break; }
    char *c_end;
    long long c = strtoll(end, &c_end, 10);
    if (c_end == end) { f->sane = 0; break; }
    while (*c_end == ' ' || *c_end == '\t') ++c_end;
    if (*c_end != '\n') { f->sane = 0; break; }
    /* The account can write the file: a sum out of range is corruption
     * (recounted), not a usage wrapped round to a small number. */
    if (__builtin_add_overflow(f->bytes, b, &f->bytes) || __builtin_add_overflow(f->count, c, &f->count)) {
      f->sane = 0;
      break;
    }
    line = c_end + 1;
  }
}

static int over(const struct quota *q, long long bytes, long long count)
{
  return (q->max_bytes && bytes > q->max_bytes) || (q->max_count && count > q->max_count);
}

static int recount(const char *maildir, const char *limit, long long *bytes, long long *count)
{
  if (count_all(maildir, bytes, count) < 0) return -1;
  if (write_file(maildir, limit, *bytes, *count) < 0 && errno != ENOENT) return -1;
  return 0;
}

int quota_usage(const char *maildir, const char *quota_text, long long *bytes, long long *count)
{
  struct sizefile *f = malloc(sizeof *f);
  if (!f) { errno = ENOMEM; return -1; }
  int r = read_file(maildir, f);
  if (r <= 0) {
    free(f);
    if (r < 0) return -1;
    if (quota_text && *quota_text) return recount(maildir, quota_text, bytes, count);
    return count_all(maildir, bytes, count);
  }
  parse_file(f);
  const char *limit = quota_text && *quota_text ? quota_text : f->limit;
  struct quota q;
  if (!quota_parse(&q, limit)) q.max_bytes = q.max_count = 0;
  int stale = !f->sane || strcmp(limit, f->limit) ||
              (over(&q, f->bytes, f->count) && f->mtime + QUOTA_STALE_SECS < time(0));
  if (stale) {
    char keep[256];
    snprintf(keep, sizeof keep, "%s", limit);
    free(f);
    return recount(maildir, keep, bytes, count);
  }
  *bytes = f->bytes;
  *count = f->count;
  free(f);
  return 0;
}

int quota_would_exceed(const char *maildir, const char *quota_text, long long bytes, long long count)
{
  struct quota q = {0, 0};
  if (quota_text && *quota_text) {
    if (!quota_parse(&q, quota_text)) return 0;
  } else {
    struct sizefile *f = malloc(sizeof *f);
    if (!f) { errno = ENOMEM; return -1; }
    int r = read_file(maildir, f);
    if (r > 0) parse_file(f);
    int parsed = r > 0 && quota_parse(&q, f->limit);
    free(f);
    if (r < 0) return -1;
    if (!parsed) return 0;
  }
  if (!q.max_bytes && !q.max_count) return 0;
  long long used_bytes, used_count;
  if (quota_usage(maildir, quota_text, &used_bytes, &used_count) < 0) return -1;
  /* Removals never exceed: a full mailbox can always be emptied. */
  if (bytes <= 0 && count <= 0) return 0;
  long long after_bytes, after_count;
  if (__builtin_add_overflow(used_bytes, bytes, &after_bytes) || __builtin_add_overflow(used_count, count, &after_count))
    return 1;
  return over(&q, after_bytes, after_count);
}

int quota_add(const char *maildir, long long bytes, long long count)
{
  char path[4096], line[64];
  if (path_in(path, sizeof path, maildir, "maildirsize") < 0) return -1;
  int fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT ? 0 : -1;
  int len = snprintf(line, sizeof line, "%lld %lld\n", bytes, count);
  /* One write with O_APPEND: concurrent writers never interleave lines. */
  ssize_t w = write(fd, line, (size_t)len);
  int e = errno;
  close(fd);
  if (w != len) { errno = w < 0 ? e : EIO; return -1; }
  return 0;
}
