#ifndef TABLE_H
#define TABLE_H

#include <stddef.h>
#include "stralloc.h"

/* A configuration table being compiled: key/value entries remembered
 * with the file and line they came from, so a compiler can sort them,
 * find duplicates, say where each came from, and write the .cdb. */

struct table_entry {
  size_t key, klen;      /* offsets into pool */
  size_t val, vlen;
  size_t file;           /* NUL-terminated file name in pool */
  unsigned long line;
  size_t seq;            /* insertion order: sorting is stable */
};

struct table {
  stralloc pool;
  struct table_entry *e;
  size_t n, a;
};

/* 1 ok, 0 out of memory. */
int table_add(struct table *t, const char *key, size_t klen, const char *val, size_t vlen,
              const char *file, unsigned long line);
/* Sorts by key (bytes), keeping the source order of equal keys. */
void table_sort(struct table *t);
/* The end of the run of entries with the same key as entry i (sorted). */
size_t table_run(const struct table *t, size_t i);
/* Index of key in a sorted table, or -1. */
long table_find(const struct table *t, const char *key, size_t klen);
/* Writes every entry, in table order, to a cdb at path, atomically:
 * 1 ok, 0 error (errno; the old file is kept). */
int table_write(const struct table *t, const char *path);
void table_free(struct table *t);

/* err = "FILE:LINE: what": 1 ok, 0 out of memory. */
int table_where(stralloc *err, const char *file, unsigned long line, const char *what);

/* Sorts, then keeps one entry per key: entries repeating a key with the
 * same value are dropped; a different value is an error: 1 ok, 0 a
 * conflict (err says "FILE:LINE: conflicting entries for KEY (first at
 * FILE:LINE)"), -1 out of memory. */
int table_unique(struct table *t, stralloc *err);

/* A line parser: 1 ok (key, value), 0 bad line (*err), -1 no memory. */
typedef int (*table_line_fn)(const char *line, size_t len, int flags, stralloc *key,
                             stralloc *value, const char **err);

/* Reads a source (file or directory, see conf.h) into t, one entry per
 * line as parse makes it. 1 read, 0 absent, -1 system error (errno; err
 * = the path), -2 bad line: err = "FILE:LINE: what: line". */
int table_read(struct table *t, const char *path, table_line_fn parse, int flags, stralloc *err);

/* table_read then table_unique for a compiler's main: on a bad line,
 * a conflict or a read error it exits through die (100 or 111) with the
 * message. Returns 1 read, 0 source absent. */
int table_compile(struct table *t, const char *path, table_line_fn parse, int flags);

#define table_key(t, i)  ((t)->pool.s + (t)->e[i].key)
#define table_val(t, i)  ((t)->pool.s + (t)->e[i].val)
#define table_file(t, i) ((t)->pool.s + (t)->e[i].file)

#endif
