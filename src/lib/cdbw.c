#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cdbw.h"
#include "fsync_dir.h"

/* libowfat's cdb_make keeps its hash lists until the process ends;
 * compilers that write several tables free them here. */
static void release_maker(struct cdb_make *m)
{
  struct cdb_hplist *list = m->head;
  while (list) {
    struct cdb_hplist *next = list->next;
    free(list);
    list = next;
  }
  m->head = 0;
  free(m->split);
  m->split = 0;
}

int cdbw_start(struct cdbw *w, const char *path, mode_t mode)
{
  memset(w, 0, sizeof *w);
  w->fd = -1;
  if (!stralloc_copys(&w->path, path) || !stralloc_0(&w->path)
      || !stralloc_copys(&w->tmppath, path) || !stralloc_cats(&w->tmppath, ".tmp")
      || !stralloc_0(&w->tmppath)) { errno = ENOMEM; return 0; }
  w->fd = open(w->tmppath.s, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (w->fd < 0) return 0;
  if (fchmod(w->fd, mode) < 0 || cdb_make_start(&w->maker, w->fd) < 0) {
    int e = errno; cdbw_abort(w); errno = e; return 0;
  }
  return 1;
}

int cdbw_add(struct cdbw *w, const char *key, size_t klen, const char *data, size_t dlen)
{
  if (klen > 0x7fffffff || dlen > 0x7fffffff) { errno = EFBIG; return 0; }
  return cdb_make_add(&w->maker, (const unsigned char *)key, klen,
                      (const unsigned char *)data, dlen) == 0;
}

int cdbw_finish(struct cdbw *w)
{
  int ok = cdb_make_finish(&w->maker) == 0
        && fsync(w->fd) == 0;
  int e = errno;
  if (close(w->fd) < 0 && ok) { ok = 0; e = errno; }
  w->fd = -1;
  release_maker(&w->maker);
  if (ok && rename(w->tmppath.s, w->path.s) < 0) { ok = 0; e = errno; }
  if (ok && fsync_dir_of(w->path.s) < 0) { ok = 0; e = errno; }
  if (!ok) unlink(w->tmppath.s);
  free(w->path.s);
  free(w->tmppath.s);
  w->path.s = w->tmppath.s = 0;
  errno = e;
  return ok;
}

void cdbw_abort(struct cdbw *w)
{
  if (w->fd >= 0) { close(w->fd); release_maker(&w->maker); }
  w->fd = -1;
  if (w->tmppath.s) unlink(w->tmppath.s);
  free(w->path.s);
  free(w->tmppath.s);
  w->path.s = w->tmppath.s = 0;
}
