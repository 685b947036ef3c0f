#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "conf.h"

int conf_slurp(stralloc *out, const char *path)
{
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT ? 0 : -1;
  if (!stralloc_copys(out, "")) { close(fd); errno = ENOMEM; return -1; }
  for (;;) {
    if (!stralloc_readyplus(out, 8192)) { close(fd); errno = ENOMEM; return -1; }
    ssize_t r = read(fd, out->s + out->len, 8192);
    if (r == 0) break;
    if (r < 0) {
      if (errno == EINTR) continue;
      int e = errno; close(fd); errno = e; return -1;
    }
    out->len += (size_t)r;
  }
  close(fd);
  return 1;
}
