/* Sequence sets (RFC 3501 section 9: "1:3,5,7:*"), over sequence
 * numbers or UIDs, '*' standing for the largest one in use. */
#include <stdlib.h>
#include "imapd.h"

static int number(const char **p, unsigned long star, unsigned long *v)
{
  if (**p == '*') { ++*p; *v = star; return 1; }
  if (**p < '1' || **p > '9') return 0;
  unsigned long n = 0;
  while (**p >= '0' && **p <= '9') {
    if (n > 429496729ul) return 0;
    n = n * 10 + (unsigned long)(*(*p)++ - '0');
  }
  if (n > 4294967295ul) return 0;
  *v = n;
  return 1;
}

int seqset_parse(struct seqset *set, const char *str, unsigned long star)
{
  const char *p = str;
  set->n = 0;
  for (;;) {
    unsigned long a, b;
    if (!number(&p, star, &a)) return 0;
    b = a;
    if (*p == ':' && (++p, !number(&p, star, &b))) return 0;
    if (a > b) { unsigned long t = a; a = b; b = t; }
    if (set->n == set->a) {
      size_t na = set->a ? set->a * 2 : 8;
      void *r = realloc(set->r, na * sizeof *set->r);
      if (!r) return 0;
      set->r = r;
      set->a = na;
    }
    set->r[set->n][0] = a;
    set->r[set->n][1] = b;
    ++set->n;
    if (!*p) return 1;
    if (*p++ != ',') return 0;
  }
}

int seqset_has(const struct seqset *set, unsigned long v)
{
  for (size_t i = 0; i < set->n; ++i)
    if (v >= set->r[i][0] && v <= set->r[i][1]) return 1;
  return 0;
}

void seqset_free(struct seqset *set)
{
  free(set->r);
  set->r = 0;
  set->n = set->a = 0;
}

/* Marks by walking the ranges, not the messages: "1:*" on a large folder
 * costs one pass, and a UID range is found by binary search. */
long seqset_mark(struct session *s, const char *str, int uid)
{
  struct mbox *mb = &s->mb;
  struct seqset set = { 0 };
  unsigned long star = uid ? (mb->n ? mb->m[mb->n - 1].uid : 0) : mb->n;
  if (!uid && !mb->n) star = 0;
  for (size_t i = 0; i < mb->n; ++i) mb->m[i].flags &= ~F_MARK;
  if (!seqset_parse(&set, str, star ? star : (uid ? 4294967295ul : 0))) {
    seqset_free(&set);
    return -1;
  }
  long count = 0;
  for (size_t r = 0; r < set.n; ++r) {
    unsigned long a = set.r[r][0], b = set.r[r][1];
    size_t i;
    if (uid) {
      size_t lo = 0, hi = mb->n;
      while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (mb->m[mid].uid < a) lo = mid + 1;
        else hi = mid;
      }
      i = lo;
    } else {
      i = a - 1;
    }
    for (; i < mb->n && (uid ? mb->m[i].uid <= b : i + 1 <= b); ++i)
      if (!(mb->m[i].flags & F_MARK)) { mb->m[i].flags |= F_MARK; ++count; }
  }
  seqset_free(&set);
  return count;
}
