/* local-spawn: the one privileged piece of local delivery.
 *
 *   local-spawn PROG [ARGS...]
 *
 * Makes two pipes and forks. The parent execs PROG (queue-send, usually
 * behind setuidgid) with fd 3 carrying delivery requests to the spawner
 * and fd 4 carrying results back. The child stays behind as the
 * spawner.
 *
 * Request:  SLOT ID INDEX\n     (decimal, queue id, decimal; nothing else)
 * Result:   slot\0 exitcode\0 recorded\0 text\0   (one write, atomic on a pipe)
 *
 * queue-send names a message and a recipient, nothing more: the
 * spawner reads that recipient from queue/env/ID (written once by
 * queue-inject), resolves it itself with the library queue-send uses
 * (route.h: aliases, account lookup), and chooses the uid, the gid and
 * local's arguments. A lying queue-send can thus only ask for a
 * delivery the queue already holds. `local` runs with the message on
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

struct plan {                /* what local runs as and with */
  uid_t uid; gid_t gid;
  char **argv;               /* points into rt, the envelope and the request */
  struct route rt;
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

static void report_rec(int fd, const char *slot, int code, int recorded, const char *text, size_t len)
{
  char buf[RESULT_MAX + 64];
  size_t n = 0, sl = strlen(slot);
  memcpy(buf, slot, sl); n += sl; buf[n++] = 0;
  n += (size_t)snprintf(buf + n, 12, "%d", code); buf[n++] = 0;
  buf[n++] = recorded ? '1' : '0'; buf[n++] = 0;
  for (size_t i = 0; i < len && n < sizeof buf - 1; ++i) buf[n++] = text[i] ? text[i] : ' ';
  buf[n++] = 0;
  (void)!write(fd, buf, n);
}

static void report(int fd, const char *slot, int code, const char *text)
{
  report_rec(fd, slot, code, 0, text, strlen(text));
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
static int record(const struct spawnreq *rq, int code, const char *text, size_t len)
{
  char line[RESULT_MAX + 64];
  int fd = open_status(rq->id);
  if (fd < 0) return 0;
  char c = code == 0 || code == 99 ? 'D' : code == 100 ? 'F' : 'T';
  int n = snprintf(line, sizeof line, "%lu %c %lu %.*s", rq->index, c, (unsigned long)time(0), (int)len, text);
  if (n < 0 || (size_t)n >= sizeof line - 1) n = (int)sizeof line - 2;
  for (int i = 0; i < n; ++i) if (line[i] == '\n' || line[i] == 0) line[i] = ' ';
  line[n++] = '\n';
  /* No fsync here: the record only has to outlive queue-send, which
   * fsyncs the file, once for all its recipients, before it acts. */
  int ok = write(fd, line, (size_t)n) == n;
  close(fd);
  return ok;
}

/* Recipient INDEX of queue/env/ID into *e (its address in e->rcpt[index]):
 * 0 ok, else the exit code, with *why. */
static int read_recipient(const struct spawnreq *rq, struct qenv *e, const char **why)
{
  struct stat st;
  stralloc raw = {0};
  int fd = open_queued("env", rq->id, &st);
  *why = "4.3.0 unable to open the queued envelope";
  if (fd < 0) return EXIT_TEMP;
  if (st.st_size > ENV_MAX || !stralloc_ready(&raw, (size_t)st.st_size + 1)) { close(fd); return EXIT_TEMP; }
  ssize_t r = 0;
  while (raw.len < (size_t)st.st_size && (r = read(fd, raw.s + raw.len, (size_t)st.st_size - raw.len)) > 0) raw.len += (size_t)r;
  close(fd);
  int ok = r >= 0 && qenv_parse(e, raw.s, raw.len) == 1;
  stralloc_free(&raw);
  if (!ok) { *why = "4.3.0 unreadable queued envelope"; return EXIT_TEMP; }
  if (rq->index >= e->nrcpt) { *why = "4.3.0 no such recipient in the envelope"; return EXIT_TEMP; }
  return 0;
}

/* Resolves the recipient and fills the plan: 0 ok, else the exit code
 * with *why (a recipient that is not local here is not ours to deliver). */
static int make_plan(const struct spawner *sp, const struct spawnreq *rq, const struct qenv *e,
                     struct plan *p, const char **why)
{
  struct route *rt = &p->rt;
  route_resolve(sp->me.s, e->rcpt[rq->index].addr, rt);
  *why = rt->text.s;
  if (rt->kind == ROUTE_FAIL) return EXIT_PERM;
  if (rt->kind == ROUTE_TEMP) return EXIT_TEMP;
  if (rt->kind != ROUTE_LOCAL && rt->kind != ROUTE_ALIAS) { *why = "4.3.0 not a local recipient"; return EXIT_TEMP; }
  size_t ntargets = 0;
  for (size_t i = 0; i < rt->targets.len; ++i) ntargets += !rt->targets.s[i];
  const char **a = calloc(NARGS + ntargets + 1, sizeof *a);
  if (!a) die_nomem();
  size_t n = 0;
  a[n++] = "local";
  a[n++] = rt->kind == ROUTE_LOCAL ? "user" : "alias";
  a[n++] = rq->id; a[n++] = e->sender; a[n++] = rt->rcpt.s;
  if (rt->kind == ROUTE_LOCAL) {
    p->uid = rt->mailuser ? sp->mail_uid : rt->uid;
    p->gid = rt->mailuser ? sp->mail_gid : rt->gid;
    a[n++] = rt->mailuser ? sp->mail_user.s : rt->user.s;
    a[n++] = rt->home.s; a[n++] = rt->ext.s; a[n++] = rt->maildir.s; a[n++] = rt->quota.s;
  } else {
    /* The expansion, one argument per target, as MAILUSER. */
    p->uid = sp->mail_uid; p->gid = sp->mail_gid;
    a[n++] = sp->mail_user.s;
    for (size_t i = 0; i < rt->targets.len; i += strlen(rt->targets.s + i) + 1)
      if (rt->targets.s[i]) a[n++] = rt->targets.s + i;
  }
  a[n] = 0;
  p->argv = (char **)a;
  return 0;
}

/* In the grandchild: become the recipient and exec local. */
static _Noreturn void become_and_exec(const struct plan *p)
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
  execve(prog.s, p->argv, envp);
  die_sys(EXIT_TEMP, "unable to run ", prog.s);
}

static void hold_delivery_lock(void)
{
  int fd = open("queue/lock/deliveries", O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd >= 0) flock(fd, LOCK_SH);
}

/* Runs local as planned with the message on fd 0: its exit code (-1
 * when it could not be started), its output in out. */
static int run_local(const struct plan *p, int msg, char *out, size_t *len)
{
  int fd[2];
  *len = 0;
  if (pipe(fd) < 0) return -1;
  pid_t pid = fork();
  if (pid < 0) { close(fd[0]); close(fd[1]); return -1; }
  if (pid == 0) {
    if (dup2(msg, 0) < 0 || dup2(fd[1], 1) < 0 || dup2(fd[1], 2) < 0) _exit(EXIT_TEMP);
    close(msg); close(fd[0]); close(fd[1]);
    become_and_exec(p);
  }
  close(fd[1]);
  for (;;) {
    char junk[512];
    ssize_t r = read(fd[0], *len < RESULT_MAX ? out + *len : junk, *len < RESULT_MAX ? RESULT_MAX - *len : sizeof junk);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    if (*len < RESULT_MAX) *len += (size_t)r;
  }
  close(fd[0]);
  while (*len && (out[*len - 1] == '\n' || out[*len - 1] == ' ')) --*len;
  int status;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (!*len) { memcpy(out, "4.3.0 local was killed by a signal", 34); *len = 34; }
  return EXIT_TEMP;
}

/* In the child: one delivery, its record and its report. */
static _Noreturn void deliver(const struct spawner *sp, const struct spawnreq *rq, int resfd)
{
  signal(SIGCHLD, SIG_DFL);
  hold_delivery_lock();
  struct qenv e = {0};
  struct plan p = {0};
  struct stat st;
  char out[RESULT_MAX];
  size_t len = 0;
  const char *why = 0;
  int msg = -1, code = read_recipient(rq, &e, &why);
  if (!code) code = make_plan(sp, rq, &e, &p, &why);
  if (!code && (msg = open_queued("mess", rq->id, &st)) < 0) { code = EXIT_TEMP; why = "4.3.0 unable to open the queued message"; }
  if (!code && (code = run_local(&p, msg, out, &len)) < 0) { code = EXIT_TEMP; why = "4.3.0 unable to fork"; }
  if (code && !len && why) { len = strlen(why); if (len > RESULT_MAX) len = RESULT_MAX; memcpy(out, why, len); }
  if (!len) {
    const char *w = code == 0 || code == 99 ? "delivered" : "no reason given";
    len = strlen(w);
    memcpy(out, w, len);
  }
  report_rec(resfd, rq->slot, code, record(rq, code, out, len), out, len);
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
