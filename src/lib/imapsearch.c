#include <stdlib.h>
#include <strings.h>
#include <string.h>
#include "imapsearch.h"

/* The program's nodes come in blocks; strings are malloc'd and listed. */
#define CHUNK 64
struct search_chunk {
  struct search_chunk *next;
  struct search_node n[CHUNK];
};

int search_init(struct search_prog *p)
{
  memset(p, 0, sizeof *p);
  p->root = search_node_new(p, SK_AND);
  return p->root ? 0 : -1;
}

void search_free(struct search_prog *p)
{
  size_t i;
  while (p->chunks) {
    struct search_chunk *c = p->chunks;
    p->chunks = c->next;
    free(c);
  }
  for (i = 0; i + sizeof(char *) <= p->allocs.len; i += sizeof(char *)) {
    char *s;
    memcpy(&s, p->allocs.s + i, sizeof s);
    free(s);
  }
  stralloc_free(&p->allocs);
  mime_free(&p->msg);
  stralloc_free(&p->body); stralloc_free(&p->head);
  stralloc_free(&p->tmp); stralloc_free(&p->tmp2);
  p->root = 0;
}

struct search_node *search_node_new(struct search_prog *p, enum search_key key)
{
  struct search_node *n;
  if (!p->chunks || p->used == CHUNK) {
    struct search_chunk *c = calloc(1, sizeof *c);
    if (!c) return 0;
    c->next = p->chunks;
    p->chunks = c;
    p->used = 0;
  }
  n = &p->chunks->n[p->used++];
  n->key = key;
  return n;
}

void search_add(struct search_node *parent, struct search_node *kid)
{
  struct search_node **at = &parent->kids;
  while (*at) at = &(*at)->next;
  *at = kid;
  kid->next = 0;
}

static char *keep(struct search_prog *p, const char *s, size_t len)
{
  char *c = malloc(len + 1);
  if (!c) return 0;
  if (!stralloc_catb(&p->allocs, (const char *)&c, sizeof c)) { free(c); return 0; }
  memcpy(c, s, len);
  c[len] = 0;
  return c;
}

int search_node_str(struct search_prog *p, struct search_node *n, int which, const char *s, size_t len)
{
  char *c = keep(p, s, len);
  if (!c) return -1;
  if (which == 2) { n->str2 = c; n->str2len = len; }
  else { n->str = c; n->strlen = len; }
  return 0;
}

int search_parse_day(const char *s, size_t len, long *day)
{
  static const char mon[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
  size_t i = 0;
  int d = 0, m, y = 0, k;
  while (i < len && i < 2 && s[i] >= '0' && s[i] <= '9') d = d * 10 + (s[i++] - '0');
  if (!i || i >= len || s[i] != '-' || len - i != 9 || s[i + 4] != '-') return 0;
  for (m = 0; m < 12; ++m)
    if (!strncasecmp(s + i + 1, mon + 3 * m, 3)) break;
  if (m == 12) return 0;
  for (k = 0; k < 4; ++k) {
    char c = s[i + 5 + k];
    if (c < '0' || c > '9') return 0;
    y = y * 10 + (c - '0');
  }
  if (d < 1 || d > 31) return 0;
  *day = mime_days(y, m + 1, d);
  return 1;
}

static int cost_of(const struct search_node *n)
{
  if (n->key <= SK_NOT) return 0;         /* set from the operands */
  if (n->key <= SK_CALLBACK_LAST) return 0;
  if (n->key == SK_LARGER || n->key == SK_SMALLER) return 1;
  if (n->key == SK_BODY || n->key == SK_TEXT) return 3;
  return 2;
}

static int prepare(struct search_prog *p, struct search_node *n, int depth)
{
  struct search_node *k;
  if (depth > SEARCH_MAX_DEPTH) return -2;
  n->cost = cost_of(n);
  for (k = n->kids; k; k = k->next) {
    int r = prepare(p, k, depth + 1);
    if (r < 0) return r;
    if (k->cost > n->cost) n->cost = k->cost;
  }
  if (n->key >= SK_HEADER) {
    const char *s = n->key == SK_HEADER ? n->str2 : n->str;
    size_t len = n->key == SK_HEADER ? n->str2len : n->strlen;
    char *c;
    p->tmp.len = 0;
    if (search_fold(&p->tmp, s ? s : "", s ? len : 0) < 0) return -1;
    if (!(c = keep(p, p->tmp.s ? p->tmp.s : "", p->tmp.len))) return -1;
    n->fold = c;
    n->foldlen = p->tmp.len;
  }
  return 0;
}

int search_prepare(struct search_prog *p)
{
  return prepare(p, p->root, 0);
}
