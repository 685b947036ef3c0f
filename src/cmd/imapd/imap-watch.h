#ifndef IMAP_WATCH_H
#define IMAP_WATCH_H

#include <stddef.h>
#include "stralloc.h"

struct mbox;

/* A file name in new/ or cur/ that an inotify event named since the last
 * sync, and what a look at it now says. */
struct touch {
  unsigned name;             /* offset in touched.names */
  unsigned char innew;       /* in new/ (else cur/) */
  unsigned char kind;        /* W_CREATE, W_DELETE, W_FROM or W_TO */
  unsigned char deleted;     /* an IN_DELETE named it: unlinked, not renamed */
  unsigned char gone;        /* no such file now (2: a repeat of an earlier touch) */
  unsigned cookie;           /* pairs a rename's W_FROM and W_TO */
};
enum { W_CREATE, W_DELETE, W_FROM, W_TO };

struct touched {
  stralloc names;            /* NUL-terminated */
  struct touch *t;
  size_t n, a;
  unsigned *hash;            /* open addressing on (innew, name): index + 1 */
  size_t mask;
  int full;                  /* the events cannot be trusted: list the directories */
};

/* Starts watching mb's new/ and cur/ (before its first listing, so no
 * change falls between the two). 0 ok, -1 (the folder is then synced
 * by the directories' modification times). */
int watch_start(struct mbox *mb);
/* Stops watching; the inotify descriptor stays open for the next
 * folder: closing one waits for the kernel (milliseconds). */
void watch_stop(struct mbox *mb);
void watch_close(struct mbox *mb);
/* Reads every pending event into t: the number read, -1 error. */
long watch_read(struct mbox *mb, struct touched *t);
/* Looks at every touched name (whether it exists now) and indexes them. 0 ok, -1 error. */
int watch_check(const struct mbox *mb, struct touched *t);
/* The touch of (innew, name), or 0. */
const struct touch *watch_find(const struct touched *t, const char *name, int innew);
/* 1 when the file (innew, name) is known to be unlinked: an IN_DELETE
 * named it, or it was renamed (each half of the rename read) to a name
 * known to be unlinked. 0 when it may live on under a name unseen. */
int watch_unlinked(const struct touched *t, const char *name, int innew);
void watch_free(struct touched *t);

#endif
