#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cdbw.h"
#include "table.h"

static int pool_add(stralloc *pool, const char *s, size_t len, size_t *at)
{
  *at = pool->len;
  return stralloc_catb(pool, s, len) && stralloc_0(pool);
}

int table_add(struct table *t, const char *key, size_t klen, const char *val, size_t vlen,
              const char *file, unsigned long line)
{
  if (t->n == t->a) {
    size_t a = t->a ? 2 * t->a : 64;
    struct table_entry *e = realloc(t->e, a * sizeof *e);
    if (!e) return 0;
    t->e = e;
    t->a = a;
  }
  struct table_entry *e = &t->e[t->n];
  /* file names repeat: reuse the previous entry's copy */
  if (t->n && !strcmp(table_file(t, t->n - 1), file)) e->file = t->e[t->n - 1].file;
  else if (!pool_add(&t->pool, file, strlen(file), &e->file)) return 0;
  if (!pool_add(&t->pool, key, klen, &e->key) || !pool_add(&t->pool, val, vlen, &e->val)) return 0;
  e->klen = klen;
  e->vlen = vlen;
  e->line = line;
  e->seq = t->n++;
  return 1;
}

static int keycmp(const char *a, size_t alen, const char *b, size_t blen)
{
  int c = memcmp(a, b, alen < blen ? alen : blen);
  if (c) return c;
  return alen < blen ? -1 : alen > blen;
}

static int by_key(const void *x, const void *y, void *pool)
{
  const struct table_entry *a = x, *b = y;
  const char *p = pool;
  int c = keycmp(p + a->key, a->klen, p + b->key, b->klen);
  if (c) return c;
  return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void table_sort(struct table *t)
{
  if (!t->n) return;
  qsort_r(t->e, t->n, sizeof *t->e, by_key, t->pool.s);
}

size_t table_run(const struct table *t, size_t i)
{
  size_t j = i + 1;
  while (j < t->n && !keycmp(table_key(t, i), t->e[i].klen, table_key(t, j), t->e[j].klen)) ++j;
  return j;
}

long table_find(const struct table *t, const char *key, size_t klen)
{
  size_t lo = 0, hi = t->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = keycmp(table_key(t, mid), t->e[mid].klen, key, klen);
    if (!c) {
      while (mid > 0 && !keycmp(table_key(t, mid - 1), t->e[mid - 1].klen, key, klen)) --mid;
      return (long)mid;
    }
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

int table_write(const struct table *t, const char *path)
{
  struct cdbw w;
  if (!cdbw_start(&w, path, 0644)) return 0;
  for (size_t i = 0; i < t->n; ++i)
    if (!cdbw_add(&w, table_key(t, i), t->e[i].klen, table_val(t, i), t->e[i].vlen)) {
      cdbw_abort(&w);
      return 0;
    }
  return cdbw_finish(&w);
}

int table_where(stralloc *err, const char *file, unsigned long line, const char *what)
{
  char num[24];
  snprintf(num, sizeof num, ":%lu: ", line);
  return stralloc_copys(err, file) && stralloc_cats(err, num) && stralloc_cats(err, what);
}

int table_unique(struct table *t, stralloc *err)
{
  table_sort(t);
  size_t out = 0;
  for (size_t i = 0; i < t->n; ) {
    size_t end = table_run(t, i);
    for (size_t j = i + 1; j < end; ++j) {
      if (t->e[j].vlen == t->e[i].vlen && !memcmp(table_val(t, j), table_val(t, i), t->e[i].vlen)) continue;
      char num[24];
      snprintf(num, sizeof num, ":%lu)", t->e[i].line);
      if (!table_where(err, table_file(t, j), t->e[j].line, "conflicting entries for ")
          || !stralloc_catb(err, table_key(t, i), t->e[i].klen) || !stralloc_cats(err, " (first at ")
          || !stralloc_cats(err, table_file(t, i)) || !stralloc_cats(err, num)
          || !stralloc_0(err)) return -1;
      --err->len;
      return 0;
    }
    t->e[out++] = t->e[i];
    i = end;
  }
  t->n = out;
  return 1;
}

void table_free(struct table *t)
{
  free(t->pool.s);
  free(t->e);
  memset(t, 0, sizeof *t);
}
