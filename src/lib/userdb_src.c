#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include "home.h"
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "conf.h"
#include "userdb_src.h"

int userdb_line(const char *line, size_t len, const char **addr, size_t *alen,
                const char **fields, size_t *flen)
{
  size_t i = 0;
  while (i < len && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i == len || line[i] == '#') return 0;
  size_t start = i;
  while (i < len && line[i] != ' ' && line[i] != '\t') ++i;
  *addr = line + start;
  *alen = i - start;
  while (i < len && (line[i] == ' ' || line[i] == '\t')) ++i;
  *fields = line + i;
  *flen = len - i;
  return 1;
}

static int check_mode(const char *path, const struct stat *st, stralloc *why)
{
  if (!(st->st_mode & 077)) return 1;
  if (!stralloc_copys(why, path) || !stralloc_cats(why, " is accessible by group or other (chmod go= it)")
      || !stralloc_0(why)) { errno = ENOMEM; return -1; }
  return 0;
}

int userdb_src_private(const char *path, stralloc *why)
{
  struct stat st;
  if (stat(path, &st) < 0) return -1;
  int r = check_mode(path, &st, why);
  if (r != 1 || !S_ISDIR(st.st_mode)) return r;
  DIR *d = opendir(path);
  if (!d) return -1;
  stralloc file = {0};
  struct dirent *e;
  r = 1;
  while (r == 1 && (e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    if (!stralloc_copys(&file, path) || !stralloc_append(&file, "/")
        || !stralloc_cats(&file, e->d_name) || !stralloc_0(&file)) { errno = ENOMEM; r = -1; break; }
    if (stat(file.s, &st) < 0) { r = -1; break; }
    r = check_mode(file.s, &st, why);
  }
  int err = errno;
  closedir(d);
  free(file.s);
  errno = err;
  return r;
}

struct finder {
  const char *addr;
  stralloc *file;
};

static int find_line(void *ctx, const char *file, unsigned long lineno, const char *line, size_t len)
{
  struct finder *f = ctx;
  const char *a, *fields;
  size_t alen, flen;
  (void)lineno;
  if (!userdb_line(line, len, &a, &alen, &fields, &flen)) return 0;
  if (alen != strlen(f->addr) || memcmp(a, f->addr, alen)) return 0;
  if (!stralloc_copys(f->file, file) || !stralloc_0(f->file)) return -2;
  return 1;
}

int userdb_src_find(const char *src, const char *addr, stralloc *file)
{
  struct finder f = { addr, file };
  int r = conf_each_line(src, find_line, &f);
  if (r == -2) { errno = ENOMEM; return -1; }
  if (r == -1 && errno == ENOENT) return 0;
  return r;
}

int userdb_lock(void)
{
  stralloc path = {0};
  if (!home_path(&path, "etc/userdb.lock")) { errno = ENOMEM; return -1; }
  int fd = open(path.s, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  free(path.s);
  if (fd < 0) return -1;
  while (flock(fd, LOCK_EX) < 0)
    if (errno != EINTR) { int e = errno; close(fd); errno = e; return -1; }
  return 1;
}
