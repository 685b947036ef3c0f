#ifndef DOTNAMES_H
#define DOTNAMES_H

#include <stddef.h>
#include "stralloc.h"

/* The file names dot-courier(5) tries, in order, for an address
 * extension EXT: BASE-EXT, then BASE-PREFIX-default for ever shorter
 * prefixes of EXT that end before a '-', then BASE-default; for an
 * empty EXT only BASE. EXT is matched lower-cased, with '.' and '/'
 * read as ':' (so a name never reaches a subdirectory). local (which
 * reads the file) and the recipient checks (which only ask whether one
 * exists, for etc/aliasdir) use the same order, so they agree. */
struct dotnames {
  const char *base;
  stralloc ext;       /* EXT as matched */
  size_t cut;         /* the prefix length tried next */
  int step;           /* 0 BASE-EXT (or BASE), 1 prefixes, 2 BASE-default, 3 done */
  size_t dflt;        /* after a -default name: where DEFAULT starts in EXT */
  int is_default;     /* the last name was a -default one */
};

void dotnames_start(struct dotnames *it, const char *base, const char *ext);
/* The next name into name (NUL-terminated): 1, or 0 when none is left. */
int dotnames_next(struct dotnames *it, stralloc *name);
void dotnames_free(struct dotnames *it);

/* 1 when DIR holds a regular file of one of these names for EXT (base
 * ".courier"), 0 when not, -1 when DIR cannot be read (errno). */
int dotnames_exist(const char *dir, const char *ext);

#endif
