/* local-spawn: the one privileged piece of local delivery.
 *
 *   local-spawn PROG [ARGS...]
 *
 * Makes two pipes and forks. The parent execs PROG (queue-send, usually
 * behind setuidgid) with fd 3 carrying delivery requests to the spawner
 * and fd 4 carrying results back. The child stays behind as the
 * spawner: for each request it opens the queued message and starts
 * `local` with that message on fd 0, as the requested uid and gid with
 * no supplementary groups, never as uid or gid 0, in an environment of
 * POSTERN_HOME (and POSTERN_COMMAND_DIR) only.
 *
 * Request:  count\0 slot\0 id\0 uid\0 gid\0 index\0 arg1\0 ... argN\0
 *           (count: the number of fields after it)
 * Result:   slot\0 exitcode\0 recorded\0 text\0   (one write, atomic on a pipe)
 *
 * Before reporting, the outcome is appended to queue/status/ID (as
 * queue(5) describes, for recipient `index`; queue-send creates that
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
#include <signal.h>
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
#include <stdio.h>
#include "home.h"
#include "qenv.h"
#include "scan.h"
#include "stralloc.h"

#define MAXARGS 64
#define RESULT_MAX 1000

struct request {
  stralloc raw;            /* the fields, NUL-separated */
  const char *field[MAXARGS + 6];
  int nfields;
};

static int read_field(buffer *in, stralloc *raw)
{
  for (;;) {
    char c;
    ssize_t r = buffer_get(in, &c, 1);
    if (r <= 0) return r == 0 && raw->len == 0 ? 0 : -1;
    if (!stralloc_append(raw, &c)) die_nomem();
    if (c == 0) return 1;
  }
}

/* Reads one request: 1 ok, 0 EOF, -1 malformed or read error. */
static int read_request(buffer *in, struct request *rq)
{
  unsigned long n;
  stralloc_zero(&rq->raw);
  rq->nfields = 0;
  int r = read_field(in, &rq->raw);
  if (r <= 0) return r;
  if (!scan_ulong(rq->raw.s, &n) || n < 6 || n > MAXARGS + 5) return -1;
  size_t start = rq->raw.len;
  for (unsigned long i = 0; i < n; ++i)
    if (read_field(in, &rq->raw) <= 0) return -1;
  const char *p = rq->raw.s + start;
  for (unsigned long i = 0; i < n; ++i) { rq->field[i] = p; p += strlen(p) + 1; }
  rq->nfields = (int)n;
  rq->field[n] = 0;
  return 1;
}

static void report_rec(int fd, const char *slot, int code, int recorded, const char *text, size_t len)
{
  char buf[RESULT_MAX + 64];
  size_t n = 0, sl = strlen(slot);
  if (sl > 20) sl = 20;
  memcpy(buf, slot, sl); n += sl; buf[n++] = 0;
  n += (size_t)snprintf(buf + n, 12, "%d", code); buf[n++] = 0;
  buf[n++] = recorded ? '1' : '0'; buf[n++] = 0;
  for (size_t i = 0; i < len && n < sizeof buf - 1; ++i) buf[n++] = text[i] ? text[i] : ' ';
  buf[n++] = 0;
  (void)!write(fd, buf, n);
}

static void report(int fd, const char *slot, int code, const char *text, size_t len)
{
  report_rec(fd, slot, code, 0, text, len);
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
static int record(const struct request *rq, int code, const char *text, size_t len)
{
  char line[RESULT_MAX + 64];
  int fd = open_status(rq->field[1]);
  if (fd < 0) return 0;
  char c = code == 0 || code == 99 ? 'D' : code == 100 ? 'F' : 'T';
  int n = snprintf(line, sizeof line, "%s %c %lu %.*s", rq->field[4], c, (unsigned long)time(0), (int)len, text);
  if (n < 0 || (size_t)n >= sizeof line - 1) n = (int)sizeof line - 2;
  for (int i = 0; i < n; ++i) if (line[i] == '\n' || line[i] == 0) line[i] = ' ';
  line[n++] = '\n';
  /* No fsync here: the record only has to outlive queue-send, which
   * fsyncs the file, once for all its recipients, before it acts. */
  int ok = write(fd, line, (size_t)n) == n;
  close(fd);
  return ok;
}

/* In the grandchild: become the recipient and exec local. */
static _Noreturn void become_and_exec(const struct request *rq, uid_t uid, gid_t gid)
{
  if (getuid() == 0) {
    if (setgroups(0, 0) < 0 || setgid(gid) < 0 || setuid(uid) < 0)
      die_sys(EXIT_TEMP, "unable to set uid/gid");
  } else if (uid != getuid()) {
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
  char *argv[MAXARGS + 2];
  int n = 0;
  argv[n++] = (char *)"local";
  for (int i = 5; i < rq->nfields; ++i) argv[n++] = (char *)rq->field[i];
  argv[n] = 0;
  execve(prog.s, argv, envp);
  die_sys(EXIT_TEMP, "unable to run ", prog.s);
}

static void hold_delivery_lock(void)
{
  int fd = open("queue/lock/deliveries", O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd >= 0) flock(fd, LOCK_SH);
}

/* In the child: run one delivery and report its outcome. */
static _Noreturn void deliver(const struct request *rq, int resfd, uid_t uid, gid_t gid)
{
  signal(SIGCHLD, SIG_DFL);
  hold_delivery_lock();
  const char *slot = rq->field[0];
  struct stat dir, st;
  int msg = open_in_queue("mess", rq->field[1], O_RDONLY | O_NONBLOCK, &dir);
  if (msg >= 0 && (fstat(msg, &st) < 0 || !S_ISREG(st.st_mode) || fcntl(msg, F_SETFL, 0) < 0)) { close(msg); msg = -1; }
  if (msg < 0) { report(resfd, slot, EXIT_TEMP, "4.3.0 unable to open the queued message", 40); _exit(0); }
  int p[2];
  if (pipe(p) < 0) { report(resfd, slot, EXIT_TEMP, "4.3.0 out of pipes", 18); _exit(0); }
  pid_t pid = fork();
  if (pid < 0) { report(resfd, slot, EXIT_TEMP, "4.3.0 unable to fork", 20); _exit(0); }
  if (pid == 0) {
    close(resfd);
    if (dup2(msg, 0) < 0 || dup2(p[1], 1) < 0 || dup2(p[1], 2) < 0) _exit(EXIT_TEMP);
    close(msg); close(p[0]); close(p[1]);
    become_and_exec(rq, uid, gid);
  }
  close(msg);
  close(p[1]);
  char out[RESULT_MAX];
  size_t len = 0;
  for (;;) {
    char junk[512];
    ssize_t r = read(p[0], len < sizeof out ? out + len : junk, len < sizeof out ? sizeof out - len : sizeof junk);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    if (len < sizeof out) len += (size_t)r;
  }
  while (len && (out[len - 1] == '\n' || out[len - 1] == ' ')) --len;
  int status;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : EXIT_TEMP;
  if (!WIFEXITED(status) && !len) { memcpy(out, "4.3.0 local was killed by a signal", 34); len = 34; }
  if (!len) {
    const char *why = code == 0 || code == 99 ? "delivered" : "no reason given";
    len = strlen(why);
    memcpy(out, why, len);
  }
  report_rec(resfd, slot, code, record(rq, code, out, len), out, len);
  _exit(0);
}

static void spawner(int reqfd, int resfd)
{
  /* Children that deliver report on their own; nobody waits for them. */
  signal(SIGCHLD, SIG_IGN);
  signal(SIGPIPE, SIG_IGN);
  if (chdir(postern_home()) < 0) die_sys(EXIT_TEMP, "unable to chdir to ", postern_home());
  char space[4096];
  buffer in = BUFFER_INIT(read, reqfd, space, sizeof space);
  struct request rq = {0};
  int locked = 0;
  for (;;) {
    int r = read_request(&in, &rq);
    if (r == 0) _exit(0);
    if (r < 0) die(EXIT_TEMP, "malformed request from queue-send");
    if (!locked) { hold_delivery_lock(); locked = 1; }
    unsigned long uid = 0, gid = 0;
    const char *why = 0;
    if (!qid_valid(rq.field[1])) why = "4.3.0 bad queue id";
    else if (!scan_ulong(rq.field[2], &uid) || !scan_ulong(rq.field[3], &gid)) why = "4.3.0 bad uid or gid";
    else if (uid == 0 || gid == 0) why = "4.7.0 refusing to deliver as uid or gid 0";
    if (why) { report(resfd, rq.field[0], EXIT_TEMP, why, strlen(why)); continue; }
    pid_t pid = fork();
    if (pid < 0) { report(resfd, rq.field[0], EXIT_TEMP, "4.3.0 unable to fork", 20); continue; }
    if (pid == 0) { close(reqfd); deliver(&rq, resfd, (uid_t)uid, (gid_t)gid); }
  }
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
