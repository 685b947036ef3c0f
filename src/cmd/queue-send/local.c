#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "die.h"
#include <stdio.h>
#include "qs.h"
#include "scan.h"

static int add(stralloc *sa, const char *s)
{
  return stralloc_cats(sa, s) && stralloc_0(sa);
}

static int addnum(stralloc *sa, unsigned long n)
{
  char buf[24];
  snprintf(buf, sizeof buf, "%lu", n);
  return stralloc_cats(sa, buf) && stralloc_0(sa);
}

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

/* Starts local for one recipient: 1 started, 0 no free slot. */
int local_start(struct qs *q, struct msg *m, size_t idx, const struct route *r)
{
  unsigned s;
  for (s = 0; s < q->cfg.conc_local; ++s) if (!q->slots[s].used) break;
  if (s == q->cfg.conc_local) return 0;
  stralloc req = {0};
  int ok = addnum(&req, s) && add(&req, m->id);
  if (r->kind == ROUTE_ALIAS) {
    ok = ok && addnum(&req, q->cfg.mail_uid) && addnum(&req, q->cfg.mail_gid) && addnum(&req, idx) &&
         add(&req, "alias") && add(&req, m->id) && add(&req, m->env.sender) && add(&req, r->rcpt.s) &&
         add(&req, q->cfg.mail_user.s);
    for (size_t i = 0; ok && i < r->targets.len; i += strlen(r->targets.s + i) + 1)
      ok = r->targets.s[i] ? add(&req, r->targets.s + i) : 1;
  } else {
    ok = ok && addnum(&req, r->uid) && addnum(&req, r->gid) && addnum(&req, idx) &&
         add(&req, "user") && add(&req, m->id) && add(&req, m->env.sender) && add(&req, r->rcpt.s) &&
         add(&req, r->user.s) && add(&req, r->home.s) && add(&req, r->ext.s) &&
         add(&req, r->maildir.s) && add(&req, r->quota.s);
  }
  if (!ok) die_nomem();
  /* Fields may be empty: the request starts with their number. */
  size_t nf = 0;
  for (size_t i = 0; i < req.len; ++i) if (!req.s[i]) ++nf;
  stralloc full = {0};
  if (!addnum(&full, nf) || !stralloc_cat(&full, &req)) die_nomem();
  stralloc_free(&req);
  req = full;
  if (!send_request(q, &req)) die_sys(111, "unable to talk to local-spawn");
  stralloc_free(&req);
  q->slots[s].used = 1;
  q->slots[s].m = m;
  q->slots[s].idx = idx;
  ++q->busy_local;
  ++m->busy;
  m->r[idx].busy = 1;
  m->r[idx].local = 1;
  char num[24];
  snprintf(num, sizeof num, "%zu", idx);
  log_line("starting delivery ", m->id, " ", num, " to local ", r->rcpt.s);
  return 1;
}

/* One result "slot\0code\0recorded\0text\0": its length, or 0 when
 * incomplete. "recorded": the spawner has the outcome in status/ID. */
static size_t one_result(struct qs *q, const char *p, size_t len)
{
  const char *f[4];
  size_t off = 0;
  for (int i = 0; i < 4; ++i) {
    const char *z = memchr(p + off, 0, len - off);
    if (!z) return 0;
    f[i] = p + off;
    off = (size_t)(z - p) + 1;
  }
  unsigned long slot, code;
  if (!scan_ulong(f[0], &slot) || slot >= q->cfg.conc_local || !q->slots[slot].used ||
      !scan_ulong(f[1], &code)) {
    warn("ignoring a malformed result from local-spawn");
    return off;
  }
  struct slot *s = q->slots + slot;
  s->used = 0;
  --q->busy_local;
  --s->m->busy;
  s->m->r[s->idx].busy = 0;
  char c = code == 0 || code == 99 ? 'D' : code == 100 ? 'F' : 'T';
  const char *text = *f[3] ? f[3] : (c == 'D' ? "delivered" : c == 'F' ? "5.0.0 delivery failed" : "4.0.0 delivery deferred");
  sched_outcome(q, s->m, s->idx, c, text, *f[2] == '1' ? 2 : 1);
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
