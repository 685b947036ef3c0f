#include <string.h>
#include "qenv.h"
#include "scan.h"
#include "spawnreq.h"

/* Digits only, 1 to max-1 of them. */
static int digits(const char *s, size_t len, size_t max)
{
  if (!len || len >= max) return 0;
  for (size_t i = 0; i < len; ++i) if (s[i] < '0' || s[i] > '9') return 0;
  return 1;
}

/* "N[,N...]", each of up to nine digits, strictly increasing (no
 * recipient named twice): 1 accepted. */
static int indexes(const char *s, struct spawnreq *rq)
{
  rq->nindex = 0;
  for (;;) {
    size_t n = strcspn(s, ",");
    unsigned long v;
    if (!digits(s, n, 10) || scan_ulong(s, &v) != n) return 0;
    if (rq->nindex == SPAWNREQ_MAX_RCPT || (rq->nindex && v <= rq->index[rq->nindex - 1])) return 0;
    rq->index[rq->nindex++] = v;
    if (!s[n]) return 1;
    s += n + 1;
  }
}

int spawnreq_parse(const char *line, struct spawnreq *rq)
{
  size_t a = strcspn(line, " ");
  rq->slot[0] = 0;
  rq->nindex = 0;
  if (!digits(line, a, sizeof rq->slot) || line[a] != ' ') return 0;
  memcpy(rq->slot, line, a); rq->slot[a] = 0;
  const char *id = line + a + 1;
  size_t b = strcspn(id, " ");
  if (!b || b >= sizeof rq->id || id[b] != ' ') return 0;
  memcpy(rq->id, id, b); rq->id[b] = 0;
  if (!qid_valid(rq->id)) return 0;
  return indexes(id + b + 1, rq);
}
