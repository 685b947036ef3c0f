/* local-spawn: the one privileged piece of local delivery.
 *
 *   local-spawn PROG [ARGS...]
 *
 * Makes two pipes and forks. The parent execs PROG (queue-send, usually
 * behind setuidgid) with fd 3 carrying delivery requests to the spawner
 * and fd 4 carrying results back. The child stays behind as the
 * spawner.
 *
 * Request:  SLOT ID INDEX[,INDEX...]\n   (decimal, queue id, decimals; nothing else)
 * Result:   slot\0 index\0 exitcode\0 recorded\0 text\0   (per recipient;
 *           one write each, atomic on a pipe)
 *
 * queue-send names a message and some of its recipients, nothing more:
 * the spawner reads them from queue/env/ID (written once by
 * queue-inject), resolves each itself with the library queue-send uses
 * (route.h: aliases, account lookup), and chooses the uid, the gid and
 * local's arguments; recipients that resolve to the same account are
 * delivered by one run of local. A lying queue-send can thus only ask
 * for deliveries the queue already holds. `local` runs with the message on
 * fd 0, no supplementary groups, never as uid or gid 0, in an
 * environment of POSTERN_HOME (and POSTERN_COMMAND_DIR) only.
 *
 * Before reporting, the outcome is appended to queue/status/ID (as
 * queue(5) describes, for recipient INDEX; queue-send creates that
 * file), so a delivery that ends while queue-send is down is not made
 * again ("recorded" 1).
 *
 * EOF on the request pipe (queue-send exited) ends the spawner. Not
 * running as root, it delivers only as its own uid.
 *
 * The spawner (from its first request on) and every delivery hold a
 * shared flock on queue/lock/deliveries; a restarted queue-send takes
 * it exclusively before reading the queue, so deliveries left running
 * by the previous queue-send are recorded before they could be started
 * again. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "buffer.h"
#include "die.h"
#include "exitcode.h"
#include "home.h"
#include "me.h"
#include "qenv.h"
#include "route.h"
#include "scan.h"
#include "spawnreq.h"
#include "stralloc.h"

#define RESULT_MAX 1000
#define ENV_MAX (16 << 20)
#define NARGS 10

/* The spawner's state: fixed at start-up, never from the pipe. */
struct spawner {
  stralloc me;             /* etc/me: the domain of bare local parts */
  uid_t mail_uid; gid_t mail_gid;
  stralloc mail_user;      /* MAILUSER: alias deliveries run as it */
};

struct plan {                /* what local runs as, for one recipient */
  uid_t uid; gid_t gid;
  struct route rt;
  int done;                  /* its outcome is reported */
};

/* One request being delivered, in the child. */
struct job {
  const struct spawner *sp;
  const struct spawnreq *rq;
  struct qenv env;
  struct plan *plans;        /* rq->nindex of them */
  int resfd;                 /* results to queue-send */
  int statusfd;              /* queue/status/ID, opened at the first record; -2 unusable */
};

/* Reads one line: 1 got one, 0 EOF, -1 too long (the rest of the line
 * is skipped) or read error (*eof set). */
static int read_line(buffer *in, char *line, size_t max, int *eof)
{
  size_t n = 0;
  for (;;) {
    char c;
    ssize_t r = buffer_get(in, &c, 1);
    if (r <= 0) { *eof = 1; return n ? -1 : 0; }
    if (c == '\n') break;
    if (n < max - 1) line[n] = c;
    ++n;
  }
  if (n >= max) return -1;
  line[n] = 0;
  return 1;
}

/* "slot\0index\0code\0recorded\0text\0" in one write (atomic on a pipe);
 * index "*" stands for every recipient of the request not yet reported. */
static void report_rec(int fd, const char *slot, const char *index, int code, int recorded,
                       const char *text, size_t len)
{
  char buf[RESULT_MAX + 96];
  size_t n = 0, sl = strlen(slot), il = strlen(index);
  memcpy(buf, slot, sl); n += sl; buf[n++] = 0;
  memcpy(buf + n, index, il); n += il; buf[n++] = 0;
  n += (size_t)snprintf(buf + n, 12, "%d", code); buf[n++] = 0;
  buf[n++] = recorded ? '1' : '0'; buf[n++] = 0;
  for (size_t i = 0; i < len && i < RESULT_MAX; ++i) buf[n++] = text[i] ? text[i] : ' ';
  buf[n++] = 0;
  (void)!write(fd, buf, n);
}

static void report(int fd, const char *slot, int code, const char *text)
{
  report_rec(fd, slot, "*", code, 0, text, strlen(text));
}

/* queue/NAME/ID as root inside a directory the queue user owns: the
 * directory is not followed through a symlink, nor the file; *dir gets
 * the directory's owner. */
static int open_in_queue(const char *sub, const char *id, int flags, struct stat *dir)
{
  char path[32] = "queue/";
  strncat(path, sub, sizeof path - 7);
  int dfd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (dfd < 0) return -1;
  int fd = fstat(dfd, dir) < 0 ? -1 : openat(dfd, id, flags | O_NOFOLLOW | O_CLOEXEC, 0600);
  close(dfd);
  return fd;
}

/* A regular file of the queue, opened without blocking on a fifo. */
static int open_queued(const char *sub, const char *id, struct stat *st)
{
  struct stat dir;
  int fd = open_in_queue(sub, id, O_RDONLY | O_NONBLOCK, &dir);
  if (fd >= 0 && (fstat(fd, st) < 0 || !S_ISREG(st->st_mode) || fcntl(fd, F_SETFL, 0) < 0)) { close(fd); fd = -1; }
  return fd;
}

/* queue/status/ID for appending: queue-send made it when it took the
 * message (never root, so no window where the queue user cannot open
 * it); it must be the directory owner's own, regular and with no other
 * name, so nothing the queue user links there gets written with root's
 * rights. */
static int open_status(const char *id)
{
  struct stat dir, st;
  int fd = open_in_queue("status", id, O_WRONLY | O_APPEND | O_NONBLOCK, &dir);
  if (fd < 0) return -1;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_nlink == 1 && st.st_uid == dir.st_uid) return fd;
  close(fd);
  return -1;
}

/* Appends "index code time text" to queue/status/ID: 1 written, 0 not
 * (queue-send then records it itself). */
static int record(struct job *j, unsigned long index, int code, const char *text, size_t len)
{
  char line[RESULT_MAX + 64];
  if (j->statusfd == -1) j->statusfd = open_status(j->rq->id);
  if (j->statusfd < 0) { j->statusfd = -2; return 0; }
  char c = code == 0 || code == 99 ? 'D' : code == 100 ? 'F' : 'T';
  int n = snprintf(line, sizeof line, "%lu %c %lu %.*s", index, c, (unsigned long)time(0), (int)len, text);
  if (n < 0 || (size_t)n >= sizeof line - 1) n = (int)sizeof line - 2;
  for (int i = 0; i < n; ++i) if (line[i] == '\n' || line[i] == 0) line[i] = ' ';
  line[n++] = '\n';
  /* No fsync here: the record only has to outlive queue-send, which
   * fsyncs the file, once for all its recipients, before it acts. */
  return write(j->statusfd, line, (size_t)n) == n;
}

/* The outcome of recipient k of the request: recorded, then reported. */
static void finish(struct job *j, unsigned k, int code, const char *text, size_t len)
{
  if (j->plans[k].done) return;
  j->plans[k].done = 1;
  while (len && (text[len - 1] == '\n' || text[len - 1] == ' ')) --len;
  if (!len) {
    text = code == 0 || code == 99 ? "delivered" : "no reason given";
    len = strlen(text);
  }
  if (len > RESULT_MAX) len = RESULT_MAX;
  char index[24];
  snprintf(index, sizeof index, "%lu", j->rq->index[k]);
  report_rec(j->resfd, j->rq->slot, index, code, record(j, j->rq->index[k], code, text, len), text, len);
}

static void finish_rest(struct job *j, int code, const char *text, size_t len)
{
  for (unsigned k = 0; k < j->rq->nindex; ++k) finish(j, k, code, text, len);
}

/* queue/env/ID into j->env, every requested index checked against it:
 * 0 ok, else the exit code, with *why. */
static int read_envelope(struct job *j, const char **why)
{
  struct stat st;
  stralloc raw = {0};
  int fd = open_queued("env", j->rq->id, &st);
  *why = "4.3.0 unable to open the queued envelope";
  if (fd < 0) return EXIT_TEMP;
  if (st.st_size > ENV_MAX || !stralloc_ready(&raw, (size_t)st.st_size + 1)) { close(fd); return EXIT_TEMP; }
  ssize_t r = 0;
  while (raw.len < (size_t)st.st_size && (r = read(fd, raw.s + raw.len, (size_t)st.st_size - raw.len)) > 0) raw.len += (size_t)r;
  close(fd);
  /* The envelope stays in raw: the parsed records point into it. */
  if (r < 0 || qenv_parse(&j->env, raw.s, raw.len) != 1) { *why = "4.3.0 unreadable queued envelope"; return EXIT_TEMP; }
  for (unsigned k = 0; k < j->rq->nindex; ++k)
    if (j->rq->index[k] >= j->env.nrcpt) { *why = "4.3.0 no such recipient in the envelope"; return EXIT_TEMP; }
  return 0;
}

/* Resolves recipient k: 0 ok, else the exit code with *why (a
 * recipient that is not local here is not ours to deliver). */
static int make_plan(struct job *j, unsigned k, const char **why)
{
  struct plan *p = j->plans + k;
  struct route *rt = &p->rt;
  route_resolve(j->sp->me.s, j->env.rcpt[j->rq->index[k]].addr, rt);
  *why = rt->text.s;
  if (rt->kind == ROUTE_FAIL) return EXIT_PERM;
  if (rt->kind == ROUTE_TEMP) return EXIT_TEMP;
  if (rt->kind != ROUTE_LOCAL && rt->kind != ROUTE_ALIAS) { *why = "4.3.0 not a local recipient"; return EXIT_TEMP; }
  int mail = rt->kind == ROUTE_ALIAS || rt->mailuser;
  p->uid = mail ? j->sp->mail_uid : rt->uid;
  p->gid = mail ? j->sp->mail_gid : rt->gid;
  return 0;
}

static int same_str(const stralloc *a, const stralloc *b)
{
  return a->len == b->len && !memcmp(a->s, b->s, a->len);
}

/* Two recipients one run of local can deliver: the same account, as
 * the same uid and gid. An alias expansion always runs alone. */
static int same_account(const struct plan *a, const struct plan *b)
{
  return a->rt.kind == ROUTE_LOCAL && b->rt.kind == ROUTE_LOCAL && a->uid == b->uid && a->gid == b->gid &&
         a->rt.mailuser == b->rt.mailuser && same_str(&a->rt.user, &b->rt.user) &&
         same_str(&a->rt.home, &b->rt.home) && same_str(&a->rt.maildir, &b->rt.maildir) &&
         same_str(&a->rt.quota, &b->rt.quota);
}

/* local's arguments for the recipients member[0..n-1] (local(8)). */
static char **make_argv(const struct job *j, const unsigned *member, unsigned n)
{
  const struct plan *p = j->plans + member[0];
  const struct route *rt = &p->rt;
  size_t ntargets = 0;
  for (size_t i = 0; i < rt->targets.len; ++i) ntargets += !rt->targets.s[i];
  const char **a = calloc(NARGS + ntargets + 2 * n + 1, sizeof *a);
  if (!a) die_nomem();
  size_t c = 0;
  a[c++] = "local";
  a[c++] = rt->kind == ROUTE_LOCAL ? "user" : "alias";
  a[c++] = j->rq->id; a[c++] = j->env.sender; a[c++] = rt->rcpt.s;
  if (rt->kind == ROUTE_LOCAL) {
    a[c++] = rt->mailuser ? j->sp->mail_user.s : rt->user.s;
    a[c++] = rt->home.s; a[c++] = rt->ext.s; a[c++] = rt->maildir.s; a[c++] = rt->quota.s;
    for (unsigned i = 1; i < n; ++i) {
      a[c++] = j->plans[member[i]].rt.rcpt.s;
      a[c++] = j->plans[member[i]].rt.ext.s;
    }
  } else {
    /* The expansion, one argument per target, as MAILUSER. */
    a[c++] = j->sp->mail_user.s;
    for (size_t i = 0; i < rt->targets.len; i += strlen(rt->targets.s + i) + 1)
      if (rt->targets.s[i]) a[c++] = rt->targets.s + i;
  }
  a[c] = 0;
  return (char **)a;
}

/* In the grandchild: become the recipient and exec local. */
static _Noreturn void become_and_exec(const struct plan *p, char **argv)
{
  if (p->uid == 0 || p->gid == 0) die(EXIT_TEMP, "4.7.0 refusing to deliver as uid or gid 0");
  if (getuid() == 0) {
    if (setgroups(0, 0) < 0 || setgid(p->gid) < 0 || setuid(p->uid) < 0)
      die_sys(EXIT_TEMP, "unable to set uid/gid");
  } else if (p->uid != getuid()) {
    die(EXIT_TEMP, "not running as root: cannot deliver as another uid");
  }
  if (getuid() == 0 || geteuid() == 0) die(EXIT_TEMP, "refusing to deliver as root");
  stralloc prog = {0}, h = {0}, c = {0};
  if (!home_command(&prog, "local")) die_nomem();
  if (!stralloc_copys(&h, "POSTERN_HOME=") || !stralloc_cats(&h, postern_home()) || !stralloc_0(&h)) die_nomem();
  char *envp[3] = { h.s, 0, 0 };
  const char *cd = getenv("POSTERN_COMMAND_DIR");
  if (cd && *cd) {
    if (!stralloc_copys(&c, "POSTERN_COMMAND_DIR=") || !stralloc_cats(&c, cd) || !stralloc_0(&c)) die_nomem();
    envp[1] = c.s;
  }
  execve(prog.s, argv, envp);
  die_sys(EXIT_TEMP, "unable to run ", prog.s);
}

static void hold_delivery_lock(void)
{
  int fd = open("queue/lock/deliveries", O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd >= 0) flock(fd, LOCK_SH);
}

/* local's output lines: "POS CODE TEXT" finishes recipient member[POS]
 * at once (so that a local killed later does not undo it); any other
 * line is kept in *other as the reason for the recipients it leaves
 * without a result. */
struct outlines {
  char line[RESULT_MAX + 32];
  size_t len;
  stralloc other;
};

static void output_line(struct job *j, const unsigned *member, unsigned n, struct outlines *o)
{
  char *s = o->line, *end = s + o->len;
  o->line[o->len] = 0;
  unsigned long pos = 0, code = 0;
  size_t a = scan_ulong(s, &pos), b = a && s + a < end && s[a] == ' ' ? scan_ulong(s + a + 1, &code) : 0;
  if (b && pos < n && s + a + 1 + b < end && s[a + 1 + b] == ' ' &&
      (code == 0 || code == 99 || code == EXIT_PERM || code == EXIT_TEMP)) {
    const char *text = s + a + b + 2;
    finish(j, member[pos], (int)code, text, (size_t)(end - text));
  } else if (!stralloc_copyb(&o->other, o->line, o->len)) die_nomem();
}

static void output_bytes(struct job *j, const unsigned *member, unsigned n, struct outlines *o,
                         const char *buf, size_t len)
{
  for (size_t i = 0; i < len; ++i) {
    if (buf[i] != '\n') { if (o->len < sizeof o->line - 1) o->line[o->len++] = buf[i]; continue; }
    output_line(j, member, n, o);
    o->len = 0;
  }
}

/* Runs local for the recipients member[0..n-1] (one account) with the
 * message on fd 0; every one of them is finished on return. */
static void run_local(struct job *j, int msg, const unsigned *member, unsigned n)
{
  int fd[2];
  char **argv = make_argv(j, member, n);
  const struct plan *p = j->plans + member[0];
  pid_t pid = -1;
  if (pipe(fd) == 0 && (pid = fork()) < 0) { close(fd[0]); close(fd[1]); }
  if (pid < 0) {
    const char *why = "4.3.0 unable to fork";
    for (unsigned i = 0; i < n; ++i) finish(j, member[i], EXIT_TEMP, why, strlen(why));
    free(argv);
    return;
  }
  if (pid == 0) {
    /* Only local's results come back on the pipe: its stderr, and that
     * of the programs it runs, is the spawner's (the log), so nothing
     * they print can pass for a result. */
    if (dup2(msg, 0) < 0 || dup2(fd[1], 1) < 0) _exit(EXIT_TEMP);
    close(msg); close(fd[0]); close(fd[1]);
    become_and_exec(p, argv);
  }
  close(fd[1]);
  free(argv);
  struct outlines o = {0};
  for (;;) {
    char buf[1024];
    ssize_t r = read(fd[0], buf, sizeof buf);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    output_bytes(j, member, n, &o, buf, (size_t)r);
  }
  close(fd[0]);
  if (o.len) output_line(j, member, n, &o);
  int status;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
  /* local says each permanent failure itself: a recipient it left
   * without a line is retried, whatever its exit status. */
  const char *why = WIFEXITED(status) ? "4.3.0 local ended without a result" : "4.3.0 local was killed by a signal";
  for (unsigned i = 0; i < n; ++i)
    finish(j, member[i], EXIT_TEMP, o.other.len ? o.other.s : why, o.other.len ? o.other.len : strlen(why));
  stralloc_free(&o.other);
}

/* Delivers the planned recipients, one run of local per account. */
static void run_groups(struct job *j, int msg)
{
  unsigned member[SPAWNREQ_MAX_RCPT];
  for (unsigned k = 0; k < j->rq->nindex; ++k) {
    if (j->plans[k].done) continue;
    unsigned n = 0;
    member[n++] = k;
    for (unsigned l = k + 1; l < j->rq->nindex; ++l)
      if (!j->plans[l].done && same_account(j->plans + k, j->plans + l)) member[n++] = l;
    run_local(j, msg, member, n);
  }
}

/* In the child: the deliveries of one request, their records and reports. */
static _Noreturn void deliver(const struct spawner *sp, const struct spawnreq *rq, int resfd)
{
  signal(SIGCHLD, SIG_DFL);
  hold_delivery_lock();
  struct job j = { .sp = sp, .rq = rq, .resfd = resfd, .statusfd = -1 };
  j.plans = calloc(rq->nindex, sizeof *j.plans);
  if (!j.plans) die_nomem();
  const char *why = 0;
  int code = read_envelope(&j, &why);
  if (code) { finish_rest(&j, code, why, strlen(why)); _exit(0); }
  for (unsigned k = 0; k < rq->nindex; ++k)
    if ((code = make_plan(&j, k, &why))) finish(&j, k, code, why, strlen(why));
  struct stat st;
  int msg = open_queued("mess", rq->id, &st);
  if (msg >= 0) run_groups(&j, msg);
  why = "4.3.0 unable to open the queued message";
  finish_rest(&j, EXIT_TEMP, why, strlen(why));
  _exit(0);
}

static void spawner_init(struct spawner *sp)
{
  if (me_name(&sp->me) < 0) die_sys(EXIT_TEMP, "unable to read etc/me");
  /* As queue-send did: MAILUSER, else the queue's own user (etc/users
   * names both; the service's run script exports them). */
  const char *u = getenv("MAILUSER");
  if (!u || !*u) u = getenv("QUEUEUSER");
  struct passwd *pw = u && *u ? getpwnam(u) : 0;
  if (pw) { sp->mail_uid = pw->pw_uid; sp->mail_gid = pw->pw_gid; }
  else { sp->mail_uid = getuid(); sp->mail_gid = getgid(); pw = getpwuid(sp->mail_uid); }
  if (!stralloc_copys(&sp->mail_user, pw ? pw->pw_name : "postern") || !stralloc_0(&sp->mail_user)) die_nomem();
}

static void spawner(int reqfd, int resfd)
{
  /* Children that deliver report on their own; nobody waits for them. */
  signal(SIGCHLD, SIG_IGN);
  signal(SIGPIPE, SIG_IGN);
  if (chdir(postern_home()) < 0) die_sys(EXIT_TEMP, "unable to chdir to ", postern_home());
  struct spawner sp = {0};
  spawner_init(&sp);
  char space[4096], line[SPAWNREQ_LINE_MAX];
  buffer in = BUFFER_INIT(read, reqfd, space, sizeof space);
  int locked = 0, eof = 0;
  while (!eof) {
    struct spawnreq rq;
    int r = read_line(&in, line, sizeof line, &eof);
    if (r == 0) break;
    if (r < 0 || !spawnreq_parse(line, &rq)) {
      warn("refusing a malformed request from queue-send");
      report(resfd, r > 0 && rq.slot[0] ? rq.slot : "-", EXIT_TEMP, "4.3.0 malformed request");
      continue;
    }
    if (!locked) { hold_delivery_lock(); locked = 1; }
    pid_t pid = fork();
    if (pid < 0) { report(resfd, rq.slot, EXIT_TEMP, "4.3.0 unable to fork"); continue; }
    if (pid == 0) { close(reqfd); deliver(&sp, &rq, resfd); }
  }
  _exit(0);
}

int main(int argc, char **argv)
{
  PROG = "local-spawn";
  if (argc < 2) die_usage("local-spawn PROG [ARGS...]");
  int req[2], res[2];
  if (pipe(req) < 0 || pipe(res) < 0) die_sys(EXIT_TEMP, "unable to make pipes");
  pid_t pid = fork();
  if (pid < 0) die_sys(EXIT_TEMP, "unable to fork");
  if (pid == 0) {
    close(req[1]); close(res[0]);
    fcntl(req[0], F_SETFD, FD_CLOEXEC);
    fcntl(res[1], F_SETFD, FD_CLOEXEC);
    spawner(req[0], res[1]);
    _exit(0);
  }
  close(req[0]); close(res[1]);
  if (dup2(req[1], 3) < 0 || dup2(res[0], 4) < 0) die_sys(EXIT_TEMP, "unable to set up fds");
  if (req[1] != 3 && req[1] != 4) close(req[1]);
  if (res[0] != 3 && res[0] != 4) close(res[0]);
  execvp(argv[1], argv + 1);
  die_sys(EXIT_TEMP, "unable to run ", argv[1]);
}
