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

/* Starts local for one recipient: 1 started, 0 no free slot. */
int local_start(struct qs *q, struct msg *m, size_t idx, const char *rcpt)
{
  unsigned s;
  for (s = 0; s < q->cfg.conc_local; ++s) if (!q->slots[s].used) break;
  if (s == q->cfg.conc_local) return 0;
  /* The spawner reads the recipient from env/ID and resolves it
   * itself: the request names the delivery, nothing more. */
  char line[128];
  int n = snprintf(line, sizeof line, "%u %s %zu\n", s, m->id, idx);
  stralloc req = { line, (size_t)n, sizeof line };
  if (n <= 0 || (size_t)n >= sizeof line) die(111, "queue id too long: ", m->id);
  if (!send_request(q, &req)) die_sys(111, "unable to talk to local-spawn");
  q->slots[s].used = 1;
  q->slots[s].m = m;
  q->slots[s].idx = idx;
  ++q->busy_local;
  ++m->busy;
  m->r[idx].busy = 1;
  m->r[idx].local = 1;
  char num[24];
  snprintf(num, sizeof num, "%zu", idx);
  log_line("starting delivery ", m->id, " ", num, " to local ", rcpt);
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
