#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "conf.h"
#include "qenv.h"
#include "scan.h"

static int add_rcpt(struct qenv *e, const char *addr)
{
  struct qenv_rcpt *n = realloc(e->rcpt, (e->nrcpt + 1) * sizeof *n);
  if (!n) return 0;
  e->rcpt = n;
  n[e->nrcpt].addr = addr;
  n[e->nrcpt].orcpt = 0;
  n[e->nrcpt].notify = 0;
  ++e->nrcpt;
  return 1;
}

static unsigned parse_notify(const char *v)
{
  unsigned f = QNOTIFY_SET;
  while (*v) {
    size_t n = strcspn(v, ",");
    if (n == 5 && !strncasecmp(v, "NEVER", 5)) f |= QNOTIFY_NEVER;
    else if (n == 7 && !strncasecmp(v, "SUCCESS", 7)) f |= QNOTIFY_SUCCESS;
    else if (n == 7 && !strncasecmp(v, "FAILURE", 7)) f |= QNOTIFY_FAILURE;
    else if (n == 5 && !strncasecmp(v, "DELAY", 5)) f |= QNOTIFY_DELAY;
    v += n;
    if (*v) ++v;
  }
  return f;
}

/* One record; 1 ok, 0 malformed or no memory. */
static int record(struct qenv *e, char *rec, int *seen_f)
{
  char kind = rec[0];
  char *v = rec + 1;
  switch (kind) {
  case 'Q': return scan_ulong(v, &e->arrival) > 0;
  case 'I': return scan_ulong(v, &e->uid) > 0;
  case 'M': e->has_size = 1; return scan_ulonglong(v, &e->msgsize) > 0;
  case 'F': e->sender = v; *seen_f = 1; return 1;
  case 'V': e->envid = v; return 1;
  case 'H': e->ret = v; return 1;
  case 'A': e->auth = v; return 1;
  case 'S': e->security = v; return 1;
  case 'B': e->body = v; return 1;
  case 'U': e->utf8 = 1; return 1;
  case 'T': return add_rcpt(e, v);
  case 'N':
    if (!e->nrcpt) return 0;
    e->rcpt[e->nrcpt - 1].notify = parse_notify(v);
    return 1;
  case 'O':
    if (!e->nrcpt) return 0;
    e->rcpt[e->nrcpt - 1].orcpt = v;
    return 1;
  }
  return 0;
}

int qenv_parse(struct qenv *e, const char *buf, size_t len)
{
  memset(e, 0, sizeof *e);
  if (!stralloc_copyb(&e->raw, buf, len) || !stralloc_0(&e->raw)) return errno = ENOMEM, 0;
  int seen_f = 0, ended = 0;
  size_t i = 0;
  while (i < len) {
    char *rec = e->raw.s + i;
    size_t n = strlen(rec);
    if (n == 0) { ended = 1; break; }   /* the end record */
    if (!record(e, rec, &seen_f)) { errno = EINVAL; return 0; }
    i += n + 1;
  }
  if (!ended || !seen_f || !e->nrcpt) { errno = EINVAL; return 0; }
  return 1;
}

int qenv_read(struct qenv *e, const char *path)
{
  stralloc sa = {0};
  int r = conf_slurp(&sa, path);
  if (r <= 0) {
    int err = r == 0 ? ENOENT : errno;
    stralloc_free(&sa);
    memset(e, 0, sizeof *e);
    errno = err;
    return -1;
  }
  r = qenv_parse(e, sa.s, sa.len);
  stralloc_free(&sa);
  return r;
}

void qenv_free(struct qenv *e)
{
  stralloc_free(&e->raw);
  free(e->rcpt);
  memset(e, 0, sizeof *e);
}

int qenv_wants(const struct qenv_rcpt *r, unsigned what)
{
  if (!(r->notify & QNOTIFY_SET)) return what == QNOTIFY_FAILURE || what == QNOTIFY_DELAY;
  if (r->notify & QNOTIFY_NEVER) return 0;
  return (r->notify & what) != 0;
}

int qid_valid(const char *id)
{
  size_t n = 0;
  for (; id[n]; ++n)
    if (!((id[n] >= '0' && id[n] <= '9') || (id[n] >= 'a' && id[n] <= 'f') || id[n] == '.')) return 0;
  return n > 0 && n < 64 && id[0] != '.';
}
