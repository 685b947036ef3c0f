#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "die.h"
#include <stdio.h>
#include "qs.h"
#include "scan.h"

/* Writes the whole request; the pipe to the spawner is blocking, and
 * requests are small. */
static int send_request(struct qs *q, const stralloc *req)
{
  size_t off = 0;
  while (off < req->len) {
    ssize_t w = write(q->spawn_req, req->s + off, req->len - off);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return 0;
    off += (size_t)w;
  }
  return 1;
}

/* Remembers that r goes to local delivery, and to which account, so
 * that it is neither resolved again nor delivered apart from the other
 * recipients of its message the same account holds. */
void local_routed(struct rstate *r, const struct route *rt)
{
  r->local = 1;
  r->routed_local = 1;
  r->account.len = 0;
  if (rt->kind != ROUTE_LOCAL) return;
  char ids[64];
  snprintf(ids, sizeof ids, "%lu:%lu:%d:", (unsigned long)rt->uid, (unsigned long)rt->gid, rt->mailuser);
  if (!stralloc_copys(&r->account, ids) || !stralloc_cat(&r->account, &rt->home)) die_nomem();
}

static int due(const struct qs *q, const struct rstate *r)
{
  return !r->busy && r->state != 'D' && r->state != 'F' && (r->next <= q->now || q->flush_all);
}

/* Recipient j of m, due like idx: whether it goes with idx to the same
 * account (routing it now if it was not yet). */
static int same_account(struct qs *q, struct msg *m, size_t idx, size_t j)
{
  struct rstate *r = m->r + j;
  if (!due(q, r)) return 0;
  if (!r->routed_local) {
    struct route rt = {0};
    route_resolve(q->cfg.me.s, m->env.rcpt[j].addr, &rt);
    /* Kept, as start_one would: this recipient is not resolved again. */
    if (rt.kind == ROUTE_LOCAL || rt.kind == ROUTE_ALIAS) local_routed(r, &rt);
    route_free(&rt);
    if (!r->routed_local) return 0;
  }
  const stralloc *a = &m->r[idx].account;
  return a->len && r->account.len == a->len && !memcmp(r->account.s, a->s, a->len);
}

/* Starts local for recipient idx, with the later recipients of m that
 * the same account holds: 1 started, 0 no free slot. */
int local_start(struct qs *q, struct msg *m, size_t idx)
{
  unsigned s;
  for (s = 0; s < q->cfg.conc_local; ++s) if (!q->slots[s].used) break;
  if (s == q->cfg.conc_local) return 0;
  struct slot *sl = q->slots + s;
  sl->n = 0;
  sl->idx[sl->n++] = idx;
  for (size_t j = idx + 1; j < m->env.nrcpt && sl->n < SPAWNREQ_MAX_RCPT; ++j)
    if (same_account(q, m, idx, j)) sl->idx[sl->n++] = j;
  /* The spawner reads the recipients from env/ID and resolves them
   * itself: the request names the deliveries, nothing more. */
  char line[SPAWNREQ_LINE_MAX];
  int n = snprintf(line, sizeof line, "%u %s ", s, m->id);
  for (unsigned i = 0; i < sl->n && n > 0 && (size_t)n < sizeof line; ++i)
    n += snprintf(line + n, sizeof line - (size_t)n, "%s%zu", i ? "," : "", sl->idx[i]);
  if (n <= 0 || (size_t)n >= sizeof line - 1) die(111, "delivery request too long for ", m->id);
  line[n++] = '\n';
  stralloc req = { line, (size_t)n, sizeof line };
  if (!send_request(q, &req)) die_sys(111, "unable to talk to local-spawn");
  sl->used = 1;
  sl->m = m;
  sl->left = sl->n;
  ++q->busy_local;
  ++m->busy;
  for (unsigned i = 0; i < sl->n; ++i) {
    m->r[sl->idx[i]].busy = 1;
    char num[24];
    snprintf(num, sizeof num, "%zu", sl->idx[i]);
    log_line("starting delivery ", m->id, " ", num, " to local ", m->env.rcpt[sl->idx[i]].addr);
  }
  return 1;
}

/* The outcome of the slot's recipient i. */
static void settle(struct qs *q, struct slot *sl, unsigned i, unsigned long code, const char *text, int recorded)
{
  size_t idx = sl->idx[i];
  struct rstate *r = sl->m->r + idx;
  if (!r->busy) return;
  r->busy = 0;
  char c = code == 0 || code == 99 ? 'D' : code == 100 ? 'F' : 'T';
  if (!*text) text = c == 'D' ? "delivered" : c == 'F' ? "5.0.0 delivery failed" : "4.0.0 delivery deferred";
  sched_outcome(q, sl->m, idx, c, text, recorded ? 2 : 1);
  if (--sl->left) return;
  sl->used = 0;
  --q->busy_local;
  --sl->m->busy;           /* only now may the message be finished and freed */
}

/* One result "slot\0index\0code\0recorded\0text\0": its length, or 0
 * when incomplete. index "*": every recipient of the slot still
 * waiting; "recorded": the spawner has the outcome in status/ID. */
static size_t one_result(struct qs *q, const char *p, size_t len)
{
  const char *f[5];
  size_t off = 0;
  for (int i = 0; i < 5; ++i) {
    const char *z = memchr(p + off, 0, len - off);
    if (!z) return 0;
    f[i] = p + off;
    off = (size_t)(z - p) + 1;
  }
  unsigned long slot, code, index = 0;
  int all = !strcmp(f[1], "*");
  if (!scan_ulong(f[0], &slot) || slot >= q->cfg.conc_local || !q->slots[slot].used ||
      (!all && !scan_ulong(f[1], &index)) || !scan_ulong(f[2], &code)) {
    warn("ignoring a malformed result from local-spawn");
    return off;
  }
  struct slot *sl = q->slots + slot;
  int matched = 0;
  for (unsigned i = sl->n; i-- > 0 && sl->used; )
    if (all || sl->idx[i] == index) { settle(q, sl, i, code, f[4], *f[3] == '1'); matched = 1; }
  if (!matched) warn("ignoring a result from local-spawn for a recipient it was not given");
  return off;
}

void local_results(struct qs *q)
{
  char buf[8192];
  ssize_t n = read(q->spawn_res, buf, sizeof buf);
  if (n < 0 && (errno == EINTR || errno == EAGAIN)) return;
  if (n <= 0) die(111, "local-spawn went away");
  if (!stralloc_catb(&q->resbuf, buf, (size_t)n)) die_nomem();
  size_t off = 0;
  for (;;) {
    size_t used = one_result(q, q->resbuf.s + off, q->resbuf.len - off);
    if (!used) break;
    off += used;
  }
  memmove(q->resbuf.s, q->resbuf.s + off, q->resbuf.len - off);
  q->resbuf.len -= off;
}
