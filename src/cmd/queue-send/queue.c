#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "die.h"
#include "fsync_dir.h"
#include "qs.h"

/* Paths are relative: queue-send runs with its cwd at the root. */
static void qpath(char *out, size_t size, const char *dir, const char *id)
{
  size_t n = strlen(dir);
  memcpy(out, dir, n);
  out[n++] = '/';
  strncpy(out + n, id, size - n - 1);
  out[size - 1] = 0;
}

static int exists(const char *path)
{
  struct stat st;
  return lstat(path, &st) == 0;
}

static int older_than(const char *path, time_t age)
{
  struct stat st;
  return lstat(path, &st) == 0 && time(0) - st.st_mtime > age;
}

/* Calls fn for each entry of dir that is not a dot file. */
static void each_entry(struct qs *q, const char *dir, void (*fn)(struct qs *, const char *, const char *))
{
  DIR *d = opendir(dir);
  if (!d) { if (errno != ENOENT) warn_sys("unable to read ", dir); return; }
  struct dirent *de;
  while ((de = readdir(d)))
    if (de->d_name[0] != '.') fn(q, dir, de->d_name);
  closedir(d);
}

static void sweep_tmp(struct qs *q, const char *dir, const char *name)
{
  (void)q;
  char path[300];
  qpath(path, sizeof path, dir, name);
  if (older_than(path, 36 * 3600)) { unlink(path); log_line("removed stale ", path); }
}

static void sweep_orphan(struct qs *q, const char *dir, const char *name)
{
  (void)q;
  char path[300], env[300];
  qpath(path, sizeof path, dir, name);
  qpath(env, sizeof env, "queue/env", name);
  if (exists(env)) return;
  /* A message file without its envelope is younger than its commit
   * point: an injection may be running right now, so only old ones go. */
  if (!strcmp(dir, "queue/mess") && !older_than(path, 36 * 3600)) return;
  unlink(path);
  log_line("removed remnant ", path);
}

/* queue-inject makes env/ID visible before it is durable (queue(5)):
 * after a crash, an envelope without its end record, or one whose
 * message is missing or not of the size its M record says, is a commit
 * the crash cut short. It was never acknowledged, so it goes. */
static void drop_torn(struct qs *q, const char *dir, const char *name)
{
  (void)q; (void)dir;
  if (!qid_valid(name)) return;
  char env[300], mess[300], todo[300], status[300];
  qpath(env, sizeof env, "queue/env", name);
  qpath(mess, sizeof mess, "queue/mess", name);
  struct qenv e;
  int r = qenv_read(&e, env);
  struct stat st;
  int torn = r == 0;
  if (r > 0) {
    if (stat(mess, &st) < 0) torn = errno == ENOENT;
    else torn = e.has_size && (unsigned long long)st.st_size != e.msgsize;
  }
  qenv_free(&e);
  if (!torn) return;
  qpath(todo, sizeof todo, "queue/todo", name);
  qpath(status, sizeof status, "queue/status", name);
  unlink(todo);
  unlink(env);
  unlink(mess);
  unlink(status);
  log_line("removed torn commit ", name);
}

static void load_env(struct qs *q, const char *dir, const char *name)
{
  (void)dir;
  if (qid_valid(name)) queue_load(q, name);
}

/* While running, as at start-up: remnants of injections killed before
 * their commit point (a local user may kill its own queue-inject) would
 * otherwise pile up until the next restart. status/ is left to the
 * finishing order. */
void queue_sweep_remnants(struct qs *q)
{
  each_entry(q, "queue/tmp", sweep_tmp);
  each_entry(q, "queue/mess", sweep_orphan);
}

void queue_recover(struct qs *q)
{
  mkdir("queue/status", 0700);
  mkdir("queue/ctl", 0700);
  each_entry(q, "queue/env", drop_torn);
  each_entry(q, "queue/tmp", sweep_tmp);
  each_entry(q, "queue/mess", sweep_orphan);
  each_entry(q, "queue/status", sweep_orphan);
  each_entry(q, "queue/env", load_env);
  queue_scan_todo(q);
}

static void take_todo(struct qs *q, const char *dir, const char *name)
{
  char path[300];
  qpath(path, sizeof path, dir, name);
  if (qid_valid(name)) queue_load(q, name);
  unlink(path);
}

void queue_scan_todo(struct qs *q)
{
  each_entry(q, "queue/todo", take_todo);
}

static struct msg *find(struct qs *q, const char *id)
{
  for (size_t i = 0; i < q->nmsgs; ++i)
    if (!strcmp(q->msgs[i]->id, id)) return q->msgs[i];
  return 0;
}

/* A status file that does not end in a newline was cut by a crash in
 * the middle of an append: cut it back so the next append starts a line. */
static void repair_status(const char *path)
{
  int fd = open(path, O_RDWR | O_CLOEXEC);
  if (fd < 0) return;
  off_t end = lseek(fd, 0, SEEK_END);
  off_t pos = end;
  char c = '\n';
  while (pos > 0 && pread(fd, &c, 1, pos - 1) == 1 && c != '\n') --pos;
  if (pos != end) { (void)!ftruncate(fd, pos); fsync(fd); }
  close(fd);
}

static void add_msg(struct qs *q, struct msg *m)
{
  if (q->nmsgs == q->amsgs) {
    size_t n = q->amsgs ? q->amsgs * 2 : 64;
    struct msg **p = realloc(q->msgs, n * sizeof *p);
    if (!p) die_nomem();
    q->msgs = p;
    q->amsgs = n;
  }
  q->msgs[q->nmsgs++] = m;
}

struct msg *queue_load(struct qs *q, const char *id)
{
  struct msg *m = find(q, id);
  if (m) return m;
  char env[300], status[300];
  qpath(env, sizeof env, "queue/env", id);
  qpath(status, sizeof status, "queue/status", id);
  m = calloc(1, sizeof *m);
  if (!m) die_nomem();
  strncpy(m->id, id, sizeof m->id - 1);
  if (qenv_read(&m->env, env) <= 0) {
    if (errno != ENOENT) warn_sys("unable to read ", env);
    qenv_free(&m->env);
    free(m);
    return 0;
  }
  m->r = calloc(m->env.nrcpt, sizeof *m->r);
  if (!m->r) die_nomem();
  struct qstat *st = calloc(m->env.nrcpt, sizeof *st);
  if (!st) die_nomem();
  repair_status(status);
  if (qstatus_read(status, st, m->env.nrcpt) < 0) warn_sys("unable to read ", status);
  /* Made here, by the queue's owner, so that local-spawn (root) only
   * ever appends to it. */
  int fd = open(status, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) die_sys(111, "unable to create ", status);
  close(fd);
  for (size_t i = 0; i < m->env.nrcpt; ++i) {
    struct rstate *r = m->r + i;
    r->state = st[i].state;
    r->tries = st[i].tries;
    r->last = st[i].last;
    r->warned = st[i].warned;
    if (st[i].text.len && !stralloc_copy(&r->text, &st[i].text)) die_nomem();
    if (r->state != 'D' && r->state != 'F') {
      ++m->open;
      r->next = r->tries ? r->last + retry_interval(&q->cfg, r->tries) : 0;
    }
  }
  qstat_free(st, m->env.nrcpt);
  free(st);
  add_msg(q, m);
  log_line("new msg ", id, m->env.sender[0] ? " from <" : " from <>", m->env.sender,
           m->env.sender[0] ? ">" : "");
  return m;
}

void queue_record(struct qs *q, struct msg *m, size_t idx, char code, const char *text)
{
  if (!qstatus_line(&m->statuslog, idx, code, q->now, text)) die_nomem();
}

/* Appends every waiting record and makes it durable before the
 * scheduler acts on it. A D record local-spawn wrote is acted on only
 * when the message is finished: until then it waits for the message's
 * other outcomes, so a message costs one fsync of its status file, not
 * one per recipient (a power cut before it can only repeat a delivery,
 * never lose one). */
void queue_flush_status(struct qs *q)
{
  int fds[256];
  int nfds = 0;
  for (size_t i = 0; i < q->nmsgs; ++i) {
    struct msg *m = q->msgs[i];
    if (!m->statuslog.len && !m->unsynced) continue;
    if (!m->statuslog.len && m->unsynced == 1 && (m->open || m->busy) && !q->stopping) continue;
    char path[300];
    qpath(path, sizeof path, "queue/status", m->id);
    int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0 || write(fd, m->statuslog.s, m->statuslog.len) != (ssize_t)m->statuslog.len)
      die_sys(111, "unable to append to ", path);
    m->statuslog.len = 0;
    m->unsynced = 0;
    if (nfds == 256) { while (nfds) { if (fdatasync(fds[--nfds]) < 0) die_sys(111, "fsync failed"); close(fds[nfds]); } }
    fds[nfds++] = fd;
  }
  while (nfds) {
    --nfds;
    if (fdatasync(fds[nfds]) < 0) die_sys(111, "unable to fsync a status file");
    close(fds[nfds]);
  }
}

void msg_free(struct msg *m)
{
  for (size_t i = 0; i < m->env.nrcpt; ++i) {
    stralloc_free(&m->r[i].text);
    stralloc_free(&m->r[i].account);
  }
  free(m->r);
  qenv_free(&m->env);
  stralloc_free(&m->statuslog);
  free(m);
}

/* The end point: env/ID goes. Its status file stays until the removal
 * of env/ID is on disk (queue_flush_finished), so a crash can never
 * bring back an envelope without its outcomes. */
void queue_finish(struct qs *q, struct msg *m)
{
  char path[300];
  /* The message file first: an envelope whose outcomes are all in
   * status/ is finished again at the next start, while a message file
   * without an envelope would wait 36 hours for the recovery rule. */
  qpath(path, sizeof path, "queue/mess", m->id);
  unlink(path);
  qpath(path, sizeof path, "queue/env", m->id);
  if (unlink(path) < 0 && errno != ENOENT) { warn_sys("unable to remove ", path); return; }
  if (!q->finished.len) q->finished_since = q->now;
  if (!stralloc_cats(&q->finished, m->id) || !stralloc_0(&q->finished)) die_nomem();
  log_line("end msg ", m->id);
  for (size_t i = 0; i < q->nmsgs; ++i)
    if (q->msgs[i] == m) {
      memmove(q->msgs + i, q->msgs + i + 1, (q->nmsgs - i - 1) * sizeof *q->msgs);
      --q->nmsgs;
      break;
    }
  msg_free(m);
}

void queue_flush_finished(struct qs *q, int force)
{
  if (!q->finished.len) return;
  if (!force && q->now < q->finished_since + 1 && q->finished.len < 4096) return;
  if (fsync_dir("queue/env") < 0) die_sys(111, "unable to fsync queue/env");
  for (size_t i = 0; i < q->finished.len; i += strlen(q->finished.s + i) + 1) {
    char path[300];
    qpath(path, sizeof path, "queue/status", q->finished.s + i);
    unlink(path);
  }
  q->finished.len = 0;
}
