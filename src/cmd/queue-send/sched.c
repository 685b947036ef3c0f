#include <string.h>
#include "backscatter.h"
#include "die.h"
#include <stdio.h>
#include "qs.h"

static const char *num(char *buf, unsigned long n)
{
  snprintf(buf, 24, "%lu", n);
  return buf;
}

/* Records an outcome in memory and in the status log (made durable by
 * queue_flush_status before anything acts on it). local: 1 a local
 * delivery, 2 one whose record local-spawn has already written, 0
 * another transport, -1 no transport installed (never expires). */
void sched_outcome(struct qs *q, struct msg *m, size_t idx, char code, const char *text, int local)
{
  struct rstate *r = m->r + idx;
  char n1[24];
  if (code == 'T' && local >= 0 && q->now >= m->env.arrival + q->cfg.queuetime) {
    code = 'F';
    stralloc t = {0};
    if (!stralloc_copys(&t, "4.4.7 delivery time expired; last error: ") ||
        !stralloc_cats(&t, text) || !stralloc_0(&t)) die_nomem();
    queue_record(q, m, idx, code, t.s);
    if (!stralloc_copy(&r->text, &t)) die_nomem();
    stralloc_free(&t);
    goto recorded;
  }
  if (local != 2) queue_record(q, m, idx, code, text);
  else if (m->unsynced < 2) m->unsynced = code == 'D' ? 1 : 2;
  if (!stralloc_copys(&r->text, text) || !stralloc_0(&r->text)) die_nomem();
recorded:
  r->last = q->now;
  if (code == 'T') {
    r->routed_local = 0;
    ++r->tries;
    r->next = q->now + retry_interval(&q->cfg, r->tries);
  }
  if ((code == 'D' || code == 'F') && r->state != 'D' && r->state != 'F') --m->open;
  r->state = code;
  log_line(code == 'D' ? "delivered " : code == 'F' ? "failed " : "deferred ", m->id, " ",
           num(n1, idx), " <", m->env.rcpt[idx].addr, ">: ", r->text.s);
  if (local > 0) {
    if (code == 'D') backscatter_clear(m->env.rcpt[idx].addr);
    else backscatter_add(m->env.rcpt[idx].addr, code == 'F');
  }
}

/* Routes and starts one recipient: 0 when the transport is full. */
static int start_one(struct qs *q, struct msg *m, size_t idx)
{
  /* A recipient once routed to local delivery is not looked up again
   * for each attempt: the spawner resolves it itself, with authority,
   * at every delivery; after a temporary failure it is routed anew. */
  if (m->r[idx].routed_local) return local_start(q, m, idx);
  struct route rt = {0};
  int started = 1;
  route_resolve(q->cfg.me.s, m->env.rcpt[idx].addr, &rt);
  switch (rt.kind) {
  case ROUTE_LOCAL:
  case ROUTE_ALIAS:
    local_routed(m->r + idx, &rt);
    started = local_start(q, m, idx);
    break;
  case ROUTE_REMOTE:
    started = remote_start(q, m, idx, &rt);
    break;
  case ROUTE_FAIL:
    sched_outcome(q, m, idx, 'F', rt.text.s, 0);
    break;
  case ROUTE_TEMP:
    sched_outcome(q, m, idx, 'T', rt.text.s, 0);
    break;
  default: {
    /* No transport for this route yet: the recipient waits in the
     * queue (and never expires) until one is installed. */
    stralloc t = {0};
    if (!stralloc_copys(&t, "4.3.2 no ") || !stralloc_cats(&t, rt.text.s) ||
        !stralloc_cats(&t, " transport is installed; kept in the queue") || !stralloc_0(&t)) die_nomem();
    sched_outcome(q, m, idx, 'T', t.s, -1);
    stralloc_free(&t);
  }
  }
  route_free(&rt);
  return started;
}

/* 1 when the message was finished and freed. A notification that
 * could not be injected keeps the message queued for another try. */
int sched_check_done(struct qs *q, struct msg *m)
{
  if (m->open || m->busy || m->dsn_wait > q->now) return 0;
  if (dsn_send(q, m, DSN_FINAL) < 0) { m->dsn_wait = q->now + 60; return 0; }
  queue_finish(q, m);
  return 1;
}

static void maybe_warn(struct qs *q, struct msg *m)
{
  if (q->now < m->env.arrival + q->cfg.warntime || !m->env.sender[0]) return;
  for (size_t i = 0; i < m->env.nrcpt; ++i) {
    struct rstate *r = m->r + i;
    if (r->state == 'T' && !r->warned && qenv_wants(m->env.rcpt + i, QNOTIFY_DELAY)) {
      dsn_send(q, m, DSN_DELAY);
      return;
    }
  }
}

/* One pass over the queue in arrival order: start what is due. */
void sched_run(struct qs *q)
{
  for (size_t i = 0; i < q->nmsgs && !q->stopping; ++i) {
    struct msg *m = q->msgs[i];
    for (size_t j = 0; j < m->env.nrcpt; ++j) {
      struct rstate *r = m->r + j;
      r->held = 0;
      if (r->busy || r->state == 'D' || r->state == 'F') continue;
      if (r->next > q->now && !q->flush_all) continue;
      /* A full local transport holds back local recipients only; a
       * held recipient is not a reason to wake before a slot frees,
       * which a result (an event on a pipe) tells. */
      if (r->local && q->busy_local >= q->cfg.conc_local) { r->held = 1; continue; }
      if (!start_one(q, m, j)) r->held = 1;
    }
    maybe_warn(q, m);
  }
  q->flush_all = 0;
  queue_flush_status(q);
  for (size_t i = 0; i < q->nmsgs; )
    if (!sched_check_done(q, q->msgs[i])) ++i;
}

unsigned long sched_next_wake(struct qs *q)
{
  unsigned long wake = q->now + 60;
  for (size_t i = 0; i < q->nmsgs; ++i) {
    struct msg *m = q->msgs[i];
    if (m->dsn_wait && m->dsn_wait < wake) wake = m->dsn_wait;
    for (size_t j = 0; j < m->env.nrcpt; ++j) {
      struct rstate *r = m->r + j;
      if (r->busy || r->state == 'D' || r->state == 'F') continue;
      if (!r->held && r->next < wake) wake = r->next;
      if (r->state == 'T' && !r->warned && m->env.sender[0]) {
        unsigned long w = m->env.arrival + q->cfg.warntime;
        if (w < wake) wake = w;
      }
    }
  }
  return wake;
}
