#include <dirent.h>
#include <stdio.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "backscatter.h"
#include "home.h"
#include "stralloc.h"

/* FNV-1a over the lower-cased address: a fixed-length file name for an
 * address of any length and character set. Collisions are resolved by
 * comparing the address stored in the file. */
static void entry_path(char *out, size_t size, const char *dir, const char *address)
{
  unsigned long long h = 14695981039346656037ULL;
  for (const unsigned char *p = (const unsigned char *)address; *p; ++p) {
    unsigned char c = *p;
    if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
    h = (h ^ c) * 1099511628211ULL;
  }
  static const char hex[] = "0123456789abcdef";
  size_t n = strlen(dir);
  if (n + 18 >= size) n = size - 18;
  memcpy(out, dir, n);
  out[n++] = '/';
  for (int i = 15; i >= 0; --i) out[n++] = hex[(h >> (i * 4)) & 15];
  out[n] = 0;
}

static int list_dir(stralloc *dir)
{
  return home_path(dir, "var/backscatter");
}

/* Reads an entry: its code, or 0 when absent/expired/another address. */
static int read_entry(const char *path, const char *address, time_t now)
{
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return errno == ENOENT ? 0 : -1;
  char buf[600];
  ssize_t n = read(fd, buf, sizeof buf - 1);
  struct stat st;
  int ok = fstat(fd, &st) == 0;
  close(fd);
  if (n < 3 || !ok) return 0;
  buf[n] = 0;
  if (buf[n - 1] == '\n') buf[n - 1] = 0;
  if (strcasecmp(buf + 2, address)) return 0;
  if (now - st.st_mtime >= BACKSCATTER_SECONDS || st.st_mtime > now + 60) return 0;
  return buf[0] == 'F' ? BACKSCATTER_PERM : BACKSCATTER_TEMP;
}

int backscatter_check(const char *address)
{
  stralloc dir = {0};
  if (!list_dir(&dir)) return -1;
  char path[4200];
  entry_path(path, sizeof path, dir.s, address);
  stralloc_free(&dir);
  return read_entry(path, address, time(0));
}

int backscatter_add(const char *address, int permanent)
{
  stralloc dir = {0}, text = {0}, tmp = {0};
  int r = -1;
  if (!list_dir(&dir)) goto out;
  mkdir(dir.s, 0755);
  char path[4200];
  entry_path(path, sizeof path, dir.s, address);
  if (!stralloc_copys(&text, permanent ? "F " : "T ") || !stralloc_cats(&text, address) ||
      !stralloc_cats(&text, "\n")) goto out;
  if (!stralloc_copys(&tmp, path) || !stralloc_cats(&tmp, ".tmp") || !stralloc_0(&tmp)) goto out;
  /* Write and rename, so a concurrent reader sees the old entry or the
   * new one. Losing an entry in a crash only lets one bounce through. */
  int fd = open(tmp.s, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) goto out;
  ssize_t w = write(fd, text.s, text.len);
  if (close(fd) < 0 || w != (ssize_t)text.len) { unlink(tmp.s); goto out; }
  if (rename(tmp.s, path) < 0) { unlink(tmp.s); goto out; }
  r = 0;
out:
  stralloc_free(&dir); stralloc_free(&text); stralloc_free(&tmp);
  return r;
}

int backscatter_clear(const char *address)
{
  stralloc dir = {0};
  if (!list_dir(&dir)) return -1;
  char path[4200];
  entry_path(path, sizeof path, dir.s, address);
  stralloc_free(&dir);
  int r = read_entry(path, address, time(0));
  if (r < 0) return -1;
  if (r == 0) return 0;
  return unlink(path) == 0 ? 1 : -1;
}

static int walk(int all, void (*fn)(void *, char, const char *, unsigned long), void *ctx)
{
  stralloc dir = {0};
  if (!list_dir(&dir)) return -1;
  DIR *d = opendir(dir.s);
  if (!d) { stralloc_free(&dir); return errno == ENOENT ? 0 : -1; }
  int count = 0;
  time_t now = time(0);
  struct dirent *de;
  while ((de = readdir(d))) {
    if (de->d_name[0] == '.') continue;
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", dir.s, de->d_name);
    struct stat st;
    if (lstat(path, &st) < 0 || !S_ISREG(st.st_mode)) continue;
    int expired = now - st.st_mtime >= BACKSCATTER_SECONDS;
    if (fn) {
      char buf[600];
      int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
      if (fd < 0) continue;
      ssize_t n = read(fd, buf, sizeof buf - 1);
      close(fd);
      if (n < 3 || expired) continue;
      buf[n] = 0;
      if (buf[n - 1] == '\n') buf[n - 1] = 0;
      fn(ctx, buf[0], buf + 2, (unsigned long)st.st_mtime);
      ++count;
    } else if (all || expired) {
      if (unlink(path) == 0) ++count;
    }
  }
  closedir(d);
  stralloc_free(&dir);
  return count;
}

int backscatter_sweep(int all)
{
  return walk(all, 0, 0);
}

int backscatter_each(void (*fn)(void *ctx, char code, const char *address, unsigned long when), void *ctx)
{
  return walk(0, fn, ctx);
}
