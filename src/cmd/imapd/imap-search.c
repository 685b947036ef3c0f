/* Evaluating a search program over the selected mailbox: state keys
 * answered here, content keys by imapsearch with the message mapped
 * only when it asks. */
#include <stdlib.h>
#include <time.h>
#include "imap-search.h"
#include "mime.h"

struct ctx {
  struct session *s;
  size_t idx;
  const char *buf;
  size_t len;
  int mapped;
};

static long day_of(time_t t)
{
  struct tm tm;
  localtime_r(&t, &tm);
  return mime_days(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static int state(void *vc, const struct search_node *n)
{
  struct ctx *c = vc;
  struct mbox *mb = &c->s->mb;
  struct msg *m = &mb->m[c->idx];
  unsigned f = m->flags;
  switch (n->key) {
  case SK_SEQSET: return seqset_has(n->set, c->idx + 1);
  case SK_UIDSET: return seqset_has(n->set, m->uid);
  case SK_ANSWERED: return !!(f & F_ANSWERED);
  case SK_DELETED: return !!(f & F_DELETED);
  case SK_DRAFT: return !!(f & F_DRAFT);
  case SK_FLAGGED: return !!(f & F_FLAGGED);
  case SK_RECENT: return !!(f & F_RECENT);
  case SK_SEEN: return !!(f & F_SEEN);
  case SK_UNANSWERED: return !(f & F_ANSWERED);
  case SK_UNDELETED: return !(f & F_DELETED);
  case SK_UNDRAFT: return !(f & F_DRAFT);
  case SK_UNFLAGGED: return !(f & F_FLAGGED);
  case SK_UNSEEN: return !(f & F_SEEN);
  case SK_NEW: return (f & F_RECENT) && !(f & F_SEEN);
  case SK_OLD: return !(f & F_RECENT);
  case SK_KEYWORD: case SK_UNKEYWORD: {
    int k = kw_index(mb, n->str, 0);
    int has = k >= 0 && (m->kw & (1u << k));
    return n->key == SK_KEYWORD ? has : !has;
  }
  case SK_BEFORE: return day_of(mbox_internaldate(mb, c->idx)) < n->day;
  case SK_ON: return day_of(mbox_internaldate(mb, c->idx)) == n->day;
  case SK_SINCE: return day_of(mbox_internaldate(mb, c->idx)) >= n->day;
  case SK_MODSEQ: return m->modseq >= n->num;
  default: return 0;
  }
}

static int message(void *vc, const char **buf, size_t *len)
{
  struct ctx *c = vc;
  if (!c->mapped) {
    if (mbox_map(&c->s->mb, c->idx, &c->buf, &c->len) < 0) return -1;
    c->mapped = 1;
  }
  *buf = c->buf;
  *len = c->len;
  return 0;
}

static long long size(void *vc)
{
  struct ctx *c = vc;
  struct msg *m = &c->s->mb.m[c->idx];
  return m->vsize ? (long long)m->vsize - 1 : -1;
}

long search_run(struct session *s, struct search_prog *p)
{
  struct ctx c = { .s = s };
  struct search_cb cb = { &c, state, message, size };
  long count = 0;
  for (size_t i = 0; i < s->mb.n; ++i) {
    c.idx = i;
    c.mapped = 0;
    int r = search_eval(p, &cb);
    if (c.mapped) mbox_unmap(&s->mb, c.buf, c.len);
    if (r > 0) { s->mb.m[i].flags |= F_MARK; ++count; }
    else s->mb.m[i].flags &= ~F_MARK;
  }
  return count;
}

static void free_sets(struct search_node *n)
{
  for (; n; n = n->next) {
    if ((n->key == SK_SEQSET || n->key == SK_UIDSET) && n->set) {
      seqset_free(n->set);
      free(n->set);
      n->set = 0;
    }
    free_sets(n->kids);
  }
}

void search_done(struct search_prog *p)
{
  if (p->root) free_sets(p->root);
  search_free(p);
}
