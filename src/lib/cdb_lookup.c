#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cdb.h"
#include "cdbw.h"

/* Lookups come in bursts on the same few tables (one recipient is
 * tried under several names, in aliases, locals and userdb), so a table
 * stays open and mapped between them: one stat(2) per lookup tells
 * whether it was replaced since (cdbw renames a new file over it, so
 * the name then has another inode). */
enum { CACHED_TABLES = 8 };

struct table {
  char *path;              /* 0: a free entry */
  int fd;
  struct cdb c;
  dev_t dev; ino_t ino; off_t size;
  struct timespec mtime;
};

static struct table tables[CACHED_TABLES];
static unsigned next_evicted;

static void table_close(struct table *t)
{
  if (!t->path) return;
  cdb_free(&t->c);
  close(t->fd);
  free(t->path);
  t->path = 0;
}

static int same_file(const struct table *t, const struct stat *st)
{
  return t->dev == st->st_dev && t->ino == st->st_ino && t->size == st->st_size &&
         t->mtime.tv_sec == st->st_mtim.tv_sec && t->mtime.tv_nsec == st->st_mtim.tv_nsec;
}

static struct table *find(const char *path)
{
  for (unsigned i = 0; i < CACHED_TABLES; ++i)
    if (tables[i].path && !strcmp(tables[i].path, path)) return tables + i;
  return 0;
}

/* The table at path, open and current: the entry, 0 no such file, or
 * -1 error (errno) through *err. */
static struct table *table_open(const char *path, int *err)
{
  struct stat st;
  struct table *t = find(path);
  *err = 0;
  if (stat(path, &st) < 0) {
    if (t) table_close(t);
    if (errno != ENOENT) *err = -1;
    return 0;
  }
  if (t && same_file(t, &st)) return t;
  if (t) table_close(t);
  else { t = tables + next_evicted; next_evicted = (next_evicted + 1) % CACHED_TABLES; table_close(t); }
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) { if (errno != ENOENT) *err = -1; return 0; }
  char *copy = strdup(path);
  if (!copy || fstat(fd, &st) < 0) { int e = copy ? errno : ENOMEM; free(copy); close(fd); errno = e; *err = -1; return 0; }
  t->path = copy;
  t->fd = fd;
  memset(&t->c, 0, sizeof t->c);   /* cdb_init frees what an old map field points to */
  cdb_init(&t->c, fd);
  t->dev = st.st_dev; t->ino = st.st_ino; t->size = st.st_size; t->mtime = st.st_mtim;
  return t;
}

int cdb_lookup(const char *path, const char *key, size_t klen, stralloc *data)
{
  int err;
  struct table *t = table_open(path, &err);
  if (!t) return err;
  int r = cdb_find(&t->c, (const unsigned char *)key, klen);
  if (r > 0) {
    uint32 dlen = cdb_datalen(&t->c);
    if (!stralloc_ready(data, dlen + 1)) { r = -1; errno = ENOMEM; }
    else if (cdb_read(&t->c, (unsigned char *)data->s, dlen, cdb_datapos(&t->c)) < 0) r = -1;
    else { data->len = dlen; data->s[dlen] = 0; r = 1; }
  }
  if (r < 0) { int e = errno; table_close(t); errno = e; }
  return r;
}
