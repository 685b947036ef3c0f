#ifndef CDBW_H
#define CDBW_H

#include <stddef.h>
#include <sys/types.h>
#include "cdb_make.h"
#include "stralloc.h"

/* Writing a constant database safely: entries go to PATH.tmp; finish
 * completes it, fsyncs it, renames it over PATH and fsyncs the
 * directory, so readers see the old table or the new one, never a part.
 * abort (or a crash) leaves the old table in place. */
struct cdbw {
  struct cdb_make maker;
  int fd;
  stralloc path;
  stralloc tmppath;
};

int cdbw_start(struct cdbw *w, const char *path, mode_t mode);  /* 1 ok, 0 error (errno) */
int cdbw_add(struct cdbw *w, const char *key, size_t klen, const char *data, size_t dlen);
int cdbw_finish(struct cdbw *w);   /* 1 ok, 0 error (errno); the temporary file is removed on error */
void cdbw_abort(struct cdbw *w);

/* One lookup in a cdb file: 1 found (data copied), 0 not found or no
 * such file, -1 error (errno). */
int cdb_lookup(const char *path, const char *key, size_t klen, stralloc *data);

#endif
