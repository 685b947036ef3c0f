/* A list of targets that keeps each once, in first-seen order, with a
 * hash index so lists of many thousands (a large :include:) stay fast. */
#include <stdlib.h>
#include <string.h>
#include "mkalias.h"

static size_t hash(const char *s, size_t len)
{
  size_t h = 2166136261u;
  for (size_t i = 0; i < len; ++i) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

/* The slot for t: where it is, or the empty slot where it would go. */
static size_t *slot(const struct tlist *l, const char *t, size_t tlen)
{
  size_t i = hash(t, tlen) & (l->cap - 1);
  for (;; i = (i + 1) & (l->cap - 1)) {
    size_t at = l->slot[i];
    if (!at) return &l->slot[i];
    const char *s = l->list.s + at - 1;
    if (strlen(s) == tlen && !memcmp(s, t, tlen)) return &l->slot[i];
  }
}

static int grow(struct tlist *l)
{
  size_t cap = l->cap ? 2 * l->cap : 64;
  size_t *s = calloc(cap, sizeof *s);
  if (!s) return 0;
  free(l->slot);
  l->slot = s;
  l->cap = cap;
  for (size_t i = 0; i < l->list.len; i += strlen(l->list.s + i) + 1)
    *slot(l, l->list.s + i, strlen(l->list.s + i)) = i + 1;
  return 1;
}

int tlist_add(struct tlist *l, const char *t, size_t tlen)
{
  if (2 * (l->count + 1) > l->cap && !grow(l)) return 0;
  size_t *s = slot(l, t, tlen);
  if (*s) return 1;
  *s = l->list.len + 1;
  ++l->count;
  return stralloc_catb(&l->list, t, tlen) && stralloc_0(&l->list);
}

void tlist_clear(struct tlist *l)
{
  for (size_t i = 0; i < l->list.len; i += strlen(l->list.s + i) + 1)
    *slot(l, l->list.s + i, strlen(l->list.s + i)) = 0;
  l->list.len = 0;
  l->count = 0;
}

void tlist_free(struct tlist *l)
{
  free(l->slot);
  free(l->list.s);
  memset(l, 0, sizeof *l);
}
