#include <stdlib.h>
#include <string.h>
#include "job.h"

/* A record: one letter, a value, NUL. Bounded so a broken feeder cannot
 * make us allocate without limit. */
static int get_record(buffer *in, stralloc *rec)
{
  rec->len = 0;
  for (;;) {
    char ch;
    ssize_t r = buffer_getc(in, &ch);
    if (r <= 0) return r == 0 && rec->len == 0 ? 0 : -1;
    if (ch == 0) { stralloc_0(rec); --rec->len; return 1; }
    if (rec->len >= 4096 || !stralloc_append(rec, &ch)) return -1;
  }
}

static void reset(struct job *job)
{
  job->id.len = job->sender.len = job->envid.len = job->ret.len = 0;
  job->security.len = job->body.len = job->auth.len = 0;
  job->smtputf8 = 0;
  for (size_t i = 0; i < job->nrcpts; ++i) {
    stralloc_free(&job->rcpts[i].addr);
    stralloc_free(&job->rcpts[i].notify);
    stralloc_free(&job->rcpts[i].orcpt);
  }
  job->nrcpts = 0;
}

static struct rcpt *add_rcpt(struct job *job)
{
  if (job->nrcpts == job->rcpts_alloc) {
    size_t n = job->rcpts_alloc ? job->rcpts_alloc * 2 : 16;
    struct rcpt *r = realloc(job->rcpts, n * sizeof *r);
    if (!r) return 0;
    job->rcpts = r;
    job->rcpts_alloc = n;
  }
  struct rcpt *r = &job->rcpts[job->nrcpts++];
  memset(r, 0, sizeof *r);
  return r;
}

static int set(stralloc *field, const stralloc *rec)
{
  return stralloc_copyb(field, rec->s + 1, rec->len - 1) && stralloc_0(field) && (--field->len, 1);
}

int job_read(buffer *in, struct job *job)
{
  stralloc rec = {0};
  reset(job);
  int r = get_record(in, &rec);
  if (r <= 0 || rec.s[0] != 'J' || rec.len < 2) { stralloc_free(&rec); return r == 0 ? 0 : -1; }
  set(&job->id, &rec);
  struct rcpt *last = 0;
  int ok = 1;
  while ((r = get_record(in, &rec)) == 1 && rec.len > 0) {
    switch (rec.s[0]) {
      case 'F': ok = set(&job->sender, &rec); break;
      case 'V': ok = set(&job->envid, &rec); break;
      case 'H': ok = set(&job->ret, &rec); break;
      case 'S': ok = set(&job->security, &rec); break;
      case 'B': ok = set(&job->body, &rec); break;
      case 'A': ok = set(&job->auth, &rec); break;
      case 'U': job->smtputf8 = 1; break;
      case 'T': ok = (last = add_rcpt(job)) && set(&last->addr, &rec); break;
      case 'N': ok = last && set(&last->notify, &rec); break;
      case 'O': ok = last && set(&last->orcpt, &rec); break;
      default: break;   /* Q, I and future records do not concern the transport */
    }
    if (!ok) break;
  }
  stralloc_free(&rec);
  if (!ok || r != 1 || job->nrcpts == 0) return -1;
  return 1;
}

void job_free(struct job *job)
{
  reset(job);
  free(job->rcpts);
  stralloc_free(&job->id);
  stralloc_free(&job->sender);
  stralloc_free(&job->envid);
  stralloc_free(&job->ret);
  stralloc_free(&job->security);
  stralloc_free(&job->body);
  stralloc_free(&job->auth);
}
