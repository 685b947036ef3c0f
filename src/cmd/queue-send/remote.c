/* queue-send's remote transport: one `remote DOMAIN` process per
 * destination domain (at most etc/concurrencyremote at once), fed jobs
 * over a pipe and read back result by result (doc/INTERFACES.md
 * section 9). The due recipients of one message for one domain travel
 * in one job, so remote sends them in one SMTP transaction; a remote
 * process carries the jobs queued for its domain over one connection
 * and is told to finish (its stdin closed) when none is left. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "die.h"
#include "home.h"
#include "qs.h"
#include "scan.h"

/* Bytes of jobs a remote may have waiting in its pipe: below a pipe's
 * capacity, so writing a job never blocks the scheduler. */
enum { PENDING_BYTES_MAX = 32768 };
/* remote processes at once, whatever concurrencyremote says: queue-send
 * polls this many result pipes. */
enum { REMOTE_PROCS_MAX = 64 };

struct rjob {
  struct msg *m;         /* kept queued (m->busy) until the job's end line */
  char id[64];
  size_t n;              /* recipients in the job */
  size_t *idx;           /* job recipient -> message recipient */
  char *done;
  size_t bytes;
  struct rjob *next;
};

struct rproc {
  pid_t pid;
  int wfd, rfd;
  stralloc domain;
  stralloc in;
  struct rjob *head, *tail;
  size_t pending_bytes;
};

static struct rproc *find(struct qs *q, const char *domain)
{
  for (size_t i = 0; i < q->nrprocs; ++i)
    if (q->rprocs[i]->wfd >= 0 && !strcmp(q->rprocs[i]->domain.s, domain)) return q->rprocs[i];
  return 0;
}

static struct rproc *spawn(struct qs *q, const char *domain)
{
  int jobs[2], results[2];
  stralloc prog = {0};
  if (!home_command(&prog, "remote")) die_nomem();
  if (pipe2(jobs, O_CLOEXEC) < 0) return 0;
  if (pipe2(results, O_CLOEXEC) < 0) { close(jobs[0]); close(jobs[1]); return 0; }
  pid_t pid = fork();
  if (pid < 0) {
    close(jobs[0]); close(jobs[1]); close(results[0]); close(results[1]);
    stralloc_free(&prog);
    return 0;
  }
  if (pid == 0) {
    if (dup2(jobs[0], 0) < 0 || dup2(results[1], 1) < 0) _exit(111);
    signal(SIGPIPE, SIG_DFL);
    execl(prog.s, "remote", domain, (char *)0);
    warn_sys("unable to run ", prog.s);
    _exit(111);
  }
  stralloc_free(&prog);
  close(jobs[0]);
  close(results[1]);
  fcntl(results[0], F_SETFL, O_NONBLOCK);
  struct rproc *p = calloc(1, sizeof *p);
  struct rproc **grown = realloc(q->rprocs, (q->nrprocs + 1) * sizeof *grown);
  if (!p || !grown) die_nomem();
  q->rprocs = grown;
  q->rprocs[q->nrprocs++] = p;
  p->pid = pid;
  p->wfd = jobs[1];
  p->rfd = results[0];
  if (!stralloc_copys(&p->domain, domain) || !stralloc_0(&p->domain)) die_nomem();
  return p;
}

static int rec(stralloc *sa, char type, const char *value)
{
  return stralloc_append(sa, &type) && stralloc_cats(sa, value) && stralloc_0(sa);
}

static int notify_record(stralloc *sa, unsigned notify)
{
  if (!(notify & QNOTIFY_SET)) return 1;
  if (notify & QNOTIFY_NEVER) return rec(sa, 'N', "NEVER");
  stralloc v = {0};
  int ok = 1;
  const char *names[] = { "SUCCESS", "FAILURE", "DELAY" };
  unsigned bits[] = { QNOTIFY_SUCCESS, QNOTIFY_FAILURE, QNOTIFY_DELAY };
  for (int i = 0; i < 3 && ok; ++i)
    if (notify & bits[i]) ok = (!v.len || stralloc_append(&v, ",")) && stralloc_cats(&v, names[i]);
  ok = ok && stralloc_0(&v) && rec(sa, 'N', v.s);
  stralloc_free(&v);
  return ok;
}

/* The job's envelope records; T values are the addresses as routed
 * (an alias may have rewritten them). */
static void job_text(stralloc *out, const struct msg *m, const struct rjob *job, const stralloc *addrs)
{
  const struct qenv *e = &m->env;
  int ok = rec(out, 'J', m->id) && rec(out, 'F', e->sender)
        && (!e->envid || rec(out, 'V', e->envid)) && (!e->ret || rec(out, 'H', e->ret))
        && (!e->security || rec(out, 'S', e->security)) && (!e->body || rec(out, 'B', e->body))
        && (!e->auth || rec(out, 'A', e->auth)) && (!e->utf8 || rec(out, 'U', ""));
  size_t pos = 0;
  for (size_t i = 0; ok && i < job->n; ++i) {
    const struct qenv_rcpt *r = e->rcpt + job->idx[i];
    ok = rec(out, 'T', addrs->s + pos) && notify_record(out, r->notify) && (!r->orcpt || rec(out, 'O', r->orcpt));
    pos += strlen(addrs->s + pos) + 1;
  }
  if (!ok || !stralloc_0(out)) die_nomem();
}

static int due(const struct qs *q, const struct rstate *r)
{
  return !r->busy && r->state != 'D' && r->state != 'F' && (r->next <= q->now || q->flush_all);
}

/* Starts the recipients of m for rt's domain, idx first: 1 started, 0
 * the transport is full (the caller tries again later). */
int remote_start(struct qs *q, struct msg *m, size_t idx, const struct route *rt)
{
  struct rproc *p = find(q, rt->domain.s);
  if (!p && (q->nrprocs >= q->cfg.conc_remote || q->nrprocs >= REMOTE_PROCS_MAX)) return 0;
  if (p && p->pending_bytes >= PENDING_BYTES_MAX) return 0;
  struct rjob *job = calloc(1, sizeof *job);
  if (!job) die_nomem();
  job->idx = calloc(m->env.nrcpt, sizeof *job->idx);
  job->done = calloc(m->env.nrcpt, 1);
  if (!job->idx || !job->done) die_nomem();
  stralloc addrs = {0};
  job->idx[job->n++] = idx;
  if (!stralloc_copys(&addrs, rt->rcpt.s) || !stralloc_0(&addrs)) die_nomem();
  for (size_t j = idx + 1; j < m->env.nrcpt; ++j) {
    if (!due(q, m->r + j)) continue;
    struct route other = {0};
    route_resolve(q->cfg.me.s, m->env.rcpt[j].addr, &other);
    if (other.kind == ROUTE_REMOTE && !strcmp(other.domain.s, rt->domain.s)) {
      job->idx[job->n++] = j;
      if (!stralloc_cats(&addrs, other.rcpt.s) || !stralloc_0(&addrs)) die_nomem();
    }
    route_free(&other);
  }
  if (!p) p = spawn(q, rt->domain.s);
  stralloc text = {0};
  job_text(&text, m, job, &addrs);
  stralloc_free(&addrs);
  if (!p || write(p->wfd, text.s, text.len) != (ssize_t)text.len) {
    if (p) warn_sys("unable to give a job to remote for ", rt->domain.s);
    stralloc_free(&text);
    free(job->idx); free(job->done); free(job);
    return 0;
  }
  job->m = m;
  memcpy(job->id, m->id, sizeof job->id);
  job->id[sizeof job->id - 1] = 0;
  ++m->busy;
  job->bytes = text.len;
  p->pending_bytes += text.len;
  stralloc_free(&text);
  if (p->tail) p->tail->next = job; else p->head = job;
  p->tail = job;
  for (size_t i = 0; i < job->n; ++i) {
    m->r[job->idx[i]].busy = 1;
    ++q->busy_remote;
  }
  log_line("starting delivery ", m->id, " to remote ", rt->domain.s);
  return 1;
}

static void settle(struct qs *q, struct rjob *job, size_t n, char code, const char *text)
{
  if (n >= job->n || job->done[n]) return;
  job->done[n] = 1;
  struct msg *m = job->m;
  m->r[job->idx[n]].busy = 0;
  --q->busy_remote;
  sched_outcome(q, m, job->idx[n], code, text, 0);
}

static void finish_job(struct qs *q, struct rproc *p, const char *why)
{
  struct rjob *job = p->head;
  for (size_t i = 0; i < job->n; ++i) settle(q, job, i, 'T', why);
  --job->m->busy;        /* only now may the message be finished and freed */
  p->head = job->next;
  if (!p->head) p->tail = 0;
  p->pending_bytes -= job->bytes;
  free(job->idx);
  free(job->done);
  free(job);
  /* Nothing more for this domain: remote says QUIT and ends. */
  if (!p->head && p->wfd >= 0) { close(p->wfd); p->wfd = -1; }
}

/* "<id> <n> <D|T|F> <text>" or "<id> .": results arrive in job order. */
static void one_line(struct qs *q, struct rproc *p, char *line)
{
  struct rjob *job = p->head;
  char *sp = strchr(line, ' ');
  if (!job || !sp) { warn("ignoring unexpected output of remote for ", p->domain.s); return; }
  *sp = 0;
  if (strcmp(line, job->id)) { warn("result for ", line, " out of order from remote for ", p->domain.s); return; }
  char *rest = sp + 1;
  if (!strcmp(rest, ".")) { finish_job(q, p, "4.4.0 remote gave no result"); return; }
  unsigned long n;
  size_t used = scan_ulong(rest, &n);
  if (!used || rest[used] != ' ' || !strchr("DTF", rest[used + 1]) || rest[used + 2] != ' ') {
    warn("ignoring a malformed result from remote for ", p->domain.s);
    return;
  }
  settle(q, job, n, rest[used + 1], rest + used + 3);
}

static void reap(struct qs *q, size_t i)
{
  struct rproc *p = q->rprocs[i];
  while (p->head) finish_job(q, p, "4.4.2 remote ended before finishing the delivery");
  if (p->wfd >= 0) close(p->wfd);
  close(p->rfd);
  int status;
  while (waitpid(p->pid, &status, 0) < 0 && errno == EINTR) {}
  stralloc_free(&p->domain);
  stralloc_free(&p->in);
  free(p);
  q->rprocs[i] = q->rprocs[--q->nrprocs];
}

size_t remote_pollfds(struct qs *q, struct pollfd *pfd, size_t max)
{
  size_t n = 0;
  for (size_t i = 0; i < q->nrprocs && n < max; ++i) {
    pfd[n].fd = q->rprocs[i]->rfd;
    pfd[n].events = POLLIN;
    pfd[n].revents = 0;
    ++n;
  }
  return n;
}

void remote_events(struct qs *q, const struct pollfd *pfd, size_t n)
{
  for (size_t k = 0; k < n; ++k) {
    if (!pfd[k].revents) continue;
    size_t i;
    for (i = 0; i < q->nrprocs && q->rprocs[i]->rfd != pfd[k].fd; ++i) {}
    if (i == q->nrprocs) continue;
    struct rproc *p = q->rprocs[i];
    char buf[8192];
    ssize_t r = read(p->rfd, buf, sizeof buf);
    if (r < 0 && (errno == EINTR || errno == EAGAIN)) continue;
    if (r <= 0) { reap(q, i); continue; }
    if (!stralloc_catb(&p->in, buf, (size_t)r)) die_nomem();
    size_t start = 0;
    for (size_t j = 0; j < p->in.len; ++j) {
      if (p->in.s[j] != '\n') continue;
      p->in.s[j] = 0;
      one_line(q, p, p->in.s + start);
      start = j + 1;
    }
    memmove(p->in.s, p->in.s + start, p->in.len - start);
    p->in.len -= start;
  }
}

/* At shutdown: no new jobs; each remote finishes the one it has. */
void remote_stop(struct qs *q)
{
  for (size_t i = 0; i < q->nrprocs; ++i)
    if (q->rprocs[i]->wfd >= 0) { close(q->rprocs[i]->wfd); q->rprocs[i]->wfd = -1; }
}
