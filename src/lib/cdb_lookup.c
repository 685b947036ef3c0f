#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "cdb.h"
#include "cdbw.h"

int cdb_lookup(const char *path, const char *key, size_t klen, stralloc *data)
{
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT ? 0 : -1;
  struct cdb c = {0};   /* cdb_init frees what an old map field points to */
  cdb_init(&c, fd);
  int r = cdb_find(&c, (const unsigned char *)key, klen);
  if (r > 0) {
    uint32 dlen = cdb_datalen(&c);
    if (!stralloc_ready(data, dlen + 1)) { r = -1; errno = ENOMEM; }
    else if (cdb_read(&c, (unsigned char *)data->s, dlen, cdb_datapos(&c)) < 0) r = -1;
    else { data->len = dlen; data->s[dlen] = 0; r = 1; }
  }
  int e = errno;
  cdb_free(&c);
  close(fd);
  errno = e;
  return r;
}
