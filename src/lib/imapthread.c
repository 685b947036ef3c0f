#include <stdlib.h>
#include <string.h>
#include "fmt.h"
#include "imapsort.h"

/* THREAD (RFC 5256 section 3): ORDEREDSUBJECT and REFERENCES. Containers
 * live in one array and link by index; message-ids are looked up in an
 * open-addressing table over the pool. */

struct box { int msg, parent, child, last, next, prev; long long date; size_t order; };

struct th {
  struct sort_set *s;
  struct box *b; size_t nb, ab;
  int *tab; size_t tabn;          /* id hash -> box index, -1 empty */
  stralloc *out;
};

static int box_new(struct th *t, int msg)
{
  if (t->nb == t->ab) {
    size_t a = t->ab ? t->ab * 2 : 256;
    struct box *nb = realloc(t->b, a * sizeof *nb);
    if (!nb) return -1;
    t->b = nb; t->ab = a;
  }
  t->b[t->nb].msg = msg;
  t->b[t->nb].parent = t->b[t->nb].child = t->b[t->nb].next = -1;
  t->b[t->nb].last = t->b[t->nb].prev = -1;
  t->b[t->nb].date = 0;
  t->b[t->nb].order = 0;
  return (int)t->nb++;
}

static unsigned long hash(const char *s, size_t n)
{
  unsigned long h = 5381;
  while (n--) h = h * 33 ^ (unsigned char)*s++;
  return h;
}

/* Box of an id (s[0..n) in the pool); created as a dummy when new.
 * key_at[] remembers which pool string each box's id is. */
static int lookup(struct th *t, size_t *key_at, const char *s, size_t n, int create)
{
  const char *pool = t->s->pool.s;
  size_t i = hash(s, n) & (t->tabn - 1);
  for (;; i = (i + 1) & (t->tabn - 1)) {
    int b = t->tab[i];
    if (b < 0) break;
    if (!strncmp(pool + key_at[b], s, n) && (pool[key_at[b] + n] == ' ' || !pool[key_at[b] + n])) return b;
  }
  if (!create) return -1;
  {
    int b = box_new(t, -1);
    if (b < 0) return -2;
    key_at[b] = (size_t)(s - pool);
    t->tab[i] = b;
    return b;
  }
}

static int ancestor(const struct th *t, int a, int of)
{
  for (; of >= 0; of = t->b[of].parent)
    if (of == a) return 1;
  return 0;
}

static void unlink_box(struct th *t, int c)
{
  struct box *x = &t->b[c];
  int p = x->parent;
  if (p < 0) return;
  if (x->prev >= 0) t->b[x->prev].next = x->next; else t->b[p].child = x->next;
  if (x->next >= 0) t->b[x->next].prev = x->prev; else t->b[p].last = x->prev;
  x->parent = x->prev = x->next = -1;
}

static void adopt(struct th *t, int parent, int c)
{
  struct box *x = &t->b[c];
  unlink_box(t, c);
  x->prev = t->b[parent].last;
  x->next = -1;
  if (x->prev >= 0) t->b[x->prev].next = c; else t->b[parent].child = c;
  t->b[parent].last = c;
  x->parent = parent;
}

/* Moves k (a child of c) to just before c in c's parent's list. */
static void move_before(struct th *t, int k, int c)
{
  struct box *x = &t->b[k], *y = &t->b[c];
  unlink_box(t, k);
  x->parent = y->parent;
  x->next = c;
  x->prev = y->prev;
  if (y->prev >= 0) t->b[y->prev].next = k; else t->b[y->parent].child = k;
  y->prev = k;
}

static size_t idlen(const char *s)
{
  const char *e = s;
  while (*e && *e != ' ') ++e;
  return (size_t)(e - s);
}

/* Step 1 of REFERENCES: link every message under its references. */
static int link_refs(struct th *t, size_t *key_at)
{
  const char *pool = t->s->pool.s;
  size_t i;
  for (i = 0; i < t->s->n; ++i) {
    const struct sort_msg *m = &t->s->m[i];
    const char *r = pool + m->refs;
    int c = -1, prev = -1;
    if (pool[m->msgid]) {
      c = lookup(t, key_at, pool + m->msgid, strlen(pool + m->msgid), 1);
      if (c < -1) return -1;
      if (t->b[c].msg >= 0) c = -1;             /* a duplicate id: a message of its own */
    }
    if (c < 0 && (c = box_new(t, -1)) < 0) return -1;
    t->b[c].msg = (int)i;
    while (*r) {
      size_t n = idlen(r);
      int rc = lookup(t, key_at, r, n, 1);
      if (rc < -1) return -1;
      if (prev >= 0 && t->b[rc].parent < 0 && !ancestor(t, rc, prev)) adopt(t, prev, rc);
      prev = rc;
      r += n;
      while (*r == ' ') ++r;
    }
    if (prev >= 0 && !ancestor(t, c, prev)) adopt(t, prev, c);
    else if (prev < 0) unlink_box(t, c);
  }
  return 0;
}

/* Step 3: dummies without children go, others give their children up
 * (at the top only when they have one child). */
static void prune(struct th *t, int parent, int is_root)
{
  int c = t->b[parent].child;
  while (c >= 0) {
    int next = t->b[c].next;
    prune(t, c, 0);
    if (t->b[c].msg < 0 && (t->b[c].child < 0 || !is_root || t->b[t->b[c].child].next < 0)) {
      while (t->b[c].child >= 0) move_before(t, t->b[c].child, c);
      unlink_box(t, c);
    }
    c = next;
  }
}

static int by_date(const void *x, const void *y, void *ctx)
{
  const struct box *b = ctx;
  const struct box *a = &b[*(const int *)x], *c = &b[*(const int *)y];
  if (a->date != c->date) return a->date < c->date ? -1 : 1;
  return a->order < c->order ? -1 : a->order > c->order;
}

/* Sorts parent's children by date (deep when deep), setting dummy dates. */
static int sort_kids(struct th *t, int parent, int deep, int *tmp)
{
  int k, n = 0, i;
  for (k = t->b[parent].child; k >= 0; k = t->b[k].next) {
    if (deep && sort_kids(t, k, 1, tmp) < 0) return -1;
    if (t->b[k].msg >= 0) {
      t->b[k].date = t->s->m[t->b[k].msg].date;
      t->b[k].order = t->s->m[t->b[k].msg].order;
    } else if (t->b[k].child >= 0) {
      if (!deep) sort_kids(t, k, 0, tmp);
      t->b[k].date = t->b[t->b[k].child].date;
      t->b[k].order = t->b[t->b[k].child].order;
    }
  }
  for (k = t->b[parent].child; k >= 0; k = t->b[k].next) tmp[n++] = k;
  if (n < 2) return 0;
  qsort_r(tmp, (size_t)n, sizeof *tmp, by_date, t->b);
  t->b[parent].child = tmp[0];
  t->b[parent].last = tmp[n - 1];
  for (i = 0; i < n; ++i) {
    t->b[tmp[i]].next = i + 1 < n ? tmp[i + 1] : -1;
    t->b[tmp[i]].prev = i ? tmp[i - 1] : -1;
  }
  return 0;
}

static const struct sort_msg *first_msg(const struct th *t, int c)
{
  if (t->b[c].msg < 0) c = t->b[c].child;
  return c >= 0 && t->b[c].msg >= 0 ? &t->s->m[t->b[c].msg] : 0;
}

/* Step 5: roots with the same base subject come together. */
static int group_subjects(struct th *t, int root, int *tab, size_t tabn)
{
  const char *pool = t->s->pool.s;
  int c, next;
  size_t i;
  for (i = 0; i < tabn; ++i) tab[i] = -1;
  for (c = t->b[root].child; c >= 0; c = t->b[c].next) {      /* A */
    const struct sort_msg *m = first_msg(t, c);
    if (!m || !pool[m->subject]) continue;
    for (i = hash(pool + m->subject, strlen(pool + m->subject)) & (tabn - 1); tab[i] >= 0; i = (i + 1) & (tabn - 1))
      if (!strcmp(pool + first_msg(t, tab[i])->subject, pool + m->subject)) break;
    if (tab[i] < 0) { tab[i] = c; continue; }
    {
      int old = tab[i];
      if ((t->b[c].msg < 0 && t->b[old].msg >= 0) ||
          (t->b[old].msg >= 0 && t->s->m[t->b[old].msg].is_reply && t->b[c].msg >= 0 && !m->is_reply))
        tab[i] = c;
    }
  }
  for (c = t->b[root].child; c >= 0; c = next) {                /* B */
    const struct sort_msg *m = first_msg(t, c);
    int o;
    next = t->b[c].next;
    if (!m || !pool[m->subject]) continue;
    for (i = hash(pool + m->subject, strlen(pool + m->subject)) & (tabn - 1); tab[i] >= 0; i = (i + 1) & (tabn - 1))
      if (!strcmp(pool + first_msg(t, tab[i])->subject, pool + m->subject)) break;
    o = tab[i];
    if (o < 0 || o == c) continue;
    if (t->b[o].msg < 0 && t->b[c].msg < 0) {
      while (t->b[c].child >= 0) adopt(t, o, t->b[c].child);
      unlink_box(t, c);
    } else if (t->b[o].msg < 0) {
      adopt(t, o, c);
    } else if (t->b[c].msg < 0) {
      adopt(t, c, o);
      tab[i] = c;
    } else if (!t->s->m[t->b[o].msg].is_reply && m->is_reply) {
      adopt(t, o, c);
    } else if (t->s->m[t->b[o].msg].is_reply && !m->is_reply) {
      adopt(t, c, o);
      tab[i] = c;
    } else {
      int d = box_new(t, -1);
      if (d < 0) return -1;
      adopt(t, root, d);
      adopt(t, d, o);
      adopt(t, d, c);
      tab[i] = d;
    }
  }
  return 0;
}

static int put_id(struct th *t, int c)
{
  char num[FMT_ULONG];
  return stralloc_catb(t->out, num, fmt_ulong(num, t->s->m[t->b[c].msg].id)) ? 0 : -1;
}

/* A thread's body: the chain of only children inline, branches in parens. */
static int put_chain(struct th *t, int c)
{
  for (;;) {
    int k = t->b[c].child;
    if (t->b[c].msg >= 0 && put_id(t, c) < 0) return -1;
    if (k < 0) return 0;
    if (t->b[c].msg >= 0 && !stralloc_cats(t->out, " ")) return -1;
    if (t->b[k].next < 0 && t->b[c].msg >= 0) { c = k; continue; }
    for (; k >= 0; k = t->b[k].next) {
      if (!stralloc_cats(t->out, "(") || put_chain(t, k) < 0 || !stralloc_cats(t->out, ")")) return -1;
    }
    return 0;
  }
}

static int put_threads(struct th *t, int root)
{
  int c;
  for (c = t->b[root].child; c >= 0; c = t->b[c].next)
    if (!stralloc_cats(t->out, "(") || put_chain(t, c) < 0 || !stralloc_cats(t->out, ")")) return -1;
  return 0;
}

static int by_subject(const void *x, const void *y, void *ctx)
{
  const struct sort_set *s = ctx;
  const struct sort_msg *a = x, *b = y;
  int r = strcmp(s->pool.s + a->subject, s->pool.s + b->subject);
  if (r) return r;
  if (a->date != b->date) return a->date < b->date ? -1 : 1;
  return a->order < b->order ? -1 : a->order > b->order;
}

/* ORDEREDSUBJECT: one thread per base subject, the rest under the first. */
static int ordered_subject(struct th *t, int root)
{
  size_t i;
  int head = -1;
  qsort_r(t->s->m, t->s->n, sizeof *t->s->m, by_subject, t->s);
  for (i = 0; i < t->s->n; ++i) {
    int c = box_new(t, (int)i);
    if (c < 0) return -1;
    if (head >= 0 && !strcmp(t->s->pool.s + t->s->m[i].subject,
                             t->s->pool.s + t->s->m[t->b[head].msg].subject))
      adopt(t, head, c);
    else {
      adopt(t, root, c);
      head = c;
    }
  }
  return 0;
}

int thread_run(struct sort_set *s, enum thread_algo algo, stralloc *out)
{
  struct th t;
  size_t cap = s->n * 2 + 2, i, *key_at = 0;
  int *tmp = 0, root, r = -1;
  const char *p;
  memset(&t, 0, sizeof t);
  t.s = s; t.out = out;
  if (!s->pool.len && !stralloc_0(&s->pool)) return -1;
  for (i = 0; i < s->n; ++i)
    for (p = s->pool.s + s->m[i].refs; *p; ++p) cap += *p == '<';
  for (t.tabn = 16; t.tabn < cap * 2; t.tabn *= 2) ;
  t.ab = cap;
  if (!(t.b = malloc(cap * sizeof *t.b)) || !(key_at = malloc(cap * sizeof *key_at)) ||
      !(t.tab = malloc(t.tabn * sizeof *t.tab)) || !(tmp = malloc(cap * sizeof *tmp))) goto done;
  for (i = 0; i < t.tabn; ++i) t.tab[i] = -1;
  if (algo == THREAD_ORDEREDSUBJECT) {
    root = box_new(&t, -1);
    if (ordered_subject(&t, root) < 0) goto done;
  } else {
    int c;
    if (link_refs(&t, key_at) < 0 || (root = box_new(&t, -1)) < 0) goto done;
    for (c = 0; c < root; ++c)
      if (t.b[c].parent < 0) adopt(&t, root, c);
    prune(&t, root, 1);
    sort_kids(&t, root, 0, tmp);
    if (group_subjects(&t, root, t.tab, t.tabn) < 0) goto done;
  }
  sort_kids(&t, root, 1, tmp);
  r = put_threads(&t, root);
done:
  free(t.b); free(key_at); free(t.tab); free(tmp);
  return r;
}
