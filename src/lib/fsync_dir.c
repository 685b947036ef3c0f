#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "fsync_dir.h"

int fsync_dir(const char *dir)
{
  int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return -1;
  int r = fsync(fd);
  int e = errno;
  close(fd);
  errno = e;
  return r;
}

int fsync_dir_of(const char *path)
{
  const char *slash = strrchr(path, '/');
  if (!slash) return fsync_dir(".");
  if (slash == path) return fsync_dir("/");
  size_t n = (size_t)(slash - path);
  char *dir = malloc(n + 1);
  if (!dir) { errno = ENOMEM; return -1; }
  memcpy(dir, path, n);
  dir[n] = 0;
  int r = fsync_dir(dir);
  int e = errno;
  free(dir);
  errno = e;
  return r;
}
