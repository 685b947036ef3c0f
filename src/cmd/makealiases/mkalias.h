#ifndef MKALIAS_H
#define MKALIAS_H

#include "aliasline.h"
#include "stralloc.h"
#include "table.h"

/* A list of targets "t1\0t2\0...", each kept once (tlist.c). */
struct tlist {
  stralloc list;
  size_t *slot;      /* hash index: offset + 1 into list, 0 empty */
  size_t cap, count;
};
int tlist_add(struct tlist *l, const char *t, size_t tlen);   /* 1 ok, 0 no memory */
void tlist_clear(struct tlist *l);
void tlist_free(struct tlist *l);

/* makealiases' state: the tables it builds and the entry being read. */
struct mkalias {
  struct table locals;     /* me + locals (+ "@" for qmail-style domains), sorted */
  struct table raw;        /* one entry per alias in the source: key -> targets */
  struct table merged;     /* one entry per key, duplicates merged */
  struct table out;        /* merged entries with every alias expanded */
  stralloc err;            /* the message when a step fails */
  struct alias_line line;
  stralloc key, targets, file, scratch;   /* the entry being read */
  unsigned long lineno;
  int have_entry, virtual_domain;
};

/* Each returns 0, or the exit code (100 bad configuration, 111 system
 * error) with m->err holding the message. */
int mkalias_locals(struct mkalias *m, const char *me, const char *locals_path);
int mkalias_read(struct mkalias *m, const char *path);
int mkalias_merge(struct mkalias *m);
int mkalias_expand(struct mkalias *m);

/* The aliases.cdb key for an address target or alias name: lower-cased
 * local part (quoted as needed), "@domain" unless the domain is local. */
int mkalias_key(const struct mkalias *m, stralloc *key, const char *local, size_t llen,
                const char *domain, size_t dlen);

void mkalias_free(struct mkalias *m);

/* 0 with m->err = "what: strerror" for a system error: returns 111. */
int mkalias_syserr(struct mkalias *m, const char *what, const char *path);

#endif
