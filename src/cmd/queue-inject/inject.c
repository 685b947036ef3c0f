#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "die.h"
#include "exitcode.h"
#include "fmt.h"
#include "fsync_many.h"
#include "inject.h"
#include "queue_env.h"

/* Envelopes larger than this are refused: far more than any real
 * recipient list, small enough to hold in memory. */
enum { ENVELOPE_MAX = 4 << 20 };

void inject_init(struct inject *in, const char *id_hint, unsigned long long sizelimit)
{
  memset(in, 0, sizeof *in);
  in->msgfd = -1;
  in->sizelimit = sizelimit;
  pid_t pid = getpid();
  /* A caller that wants to name the message in its Received: line
   * before sending it suggests the id; it must carry our own pid, so
   * it is as unique as one we make. */
  if (id_hint && queue_id_valid(id_hint, pid)) {
    memcpy(in->id, id_hint, strlen(id_hint) + 1);
    return;
  }
  struct timeval tv;
  gettimeofday(&tv, 0);
  queue_id_make(in->id, &tv, pid);
}

static const char *name(struct inject *in, const char *dir, const char *suffix)
{
  if (!stralloc_copys(&in->path, dir) || !stralloc_cats(&in->path, "/")
      || !stralloc_cats(&in->path, in->id) || !stralloc_cats(&in->path, suffix)
      || !stralloc_0(&in->path))
    die_nomem();
  return in->path.s;
}

/* Failures are reported by main after the clean-up, as one fatal line. */
static int fail_text(struct inject *in, int code, int err, const char *what, const char *path)
{
  if (!stralloc_copys(&in->why, what) || !stralloc_cats(&in->why, path) || !stralloc_0(&in->why))
    die_nomem();
  in->err = err;
  return code;
}
#define fail(code, what, path) fail_text(in, (code), errno, (what), (path))
#define refuse(code, what, path) fail_text(in, (code), 0, (what), (path))

/* The message is written in place, as mess/ID: without env/ID it is
 * invisible to the scheduler, and a crash leaves a remnant the recovery
 * rule removes, so a tmp/ name would only cost two more directory
 * operations. */
int inject_message(struct inject *in, int fd)
{
  const char *mess = name(in, "mess", "");
  in->msgfd = open(mess, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (in->msgfd < 0) return fail(EXIT_TEMP, "unable to create ", mess);
  in->in_mess = 1;
  char buf[65536];
  for (;;) {
    ssize_t r = read(fd, buf, sizeof buf);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return fail(EXIT_TEMP, "unable to read the message", "");
    if (r == 0) return 0;
    in->msgsize += (unsigned long long)r;
    if (in->sizelimit && in->msgsize > in->sizelimit) {
      return refuse(EXIT_PERM, "message too large: more than the size limit", "");
    }
    for (ssize_t off = 0; off < r;) {
      ssize_t w = write(in->msgfd, buf + off, (size_t)(r - off));
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) return fail(EXIT_TEMP, "unable to write ", name(in, "mess", ""));
      off += w;
    }
  }
}

int inject_envelope(struct inject *in, int fd)
{
  const char *why = "";
  for (;;) {
    int r = queue_env_check(in->envelope.s, in->envelope.len, &in->envlen, &in->nrcpt, &why);
    if (r > 0) return 0;
    if (r < 0) return refuse(EXIT_PERM, "bad envelope: ", why);
    if (in->envelope.len > ENVELOPE_MAX) return refuse(EXIT_PERM, "bad envelope: too large", "");
    if (!stralloc_readyplus(&in->envelope, 65536)) die_nomem();
    ssize_t n = read(fd, in->envelope.s + in->envelope.len, 65536);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return fail(EXIT_TEMP, "unable to read the envelope", "");
    if (n == 0) return refuse(EXIT_TEMP, "envelope truncated: the caller gave up", "");
    in->envelope.len += (size_t)n;
  }
}

/* link, not rename: an existing name is never replaced. */
static int place(struct inject *in, const char *from_suffix, const char *dir)
{
  stralloc from = { 0, 0, 0 };
  if (!stralloc_copys(&from, name(in, "tmp", from_suffix)) || !stralloc_0(&from)) die_nomem();
  const char *to = name(in, dir, "");
  int r = link(from.s, to);
  if (r == 0) unlink(from.s);
  stralloc_free(&from);
  return r;
}

/* The envelope, after Q and I, in tmp/ID.env: its fd, or -1. */
static int write_envelope(struct inject *in)
{
  const char *tmp = name(in, "tmp", ".env");
  int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) { fail(EXIT_TEMP, "unable to create ", tmp); return -1; }
  in->tmp_env = 1;
  char head[120];
  size_t n = 0;
  head[n++] = 'Q';
  n += fmt_ulonglong(head + n, (unsigned long long)time(0));
  head[n++] = 0;
  head[n++] = 'I';
  n += fmt_ulong(head + n, (unsigned long)getuid());
  head[n++] = 0;
  /* The size lets recovery tell a message cut by a crash from a whole
   * one: env/ID becomes visible before it is durable (queue(5)). */
  head[n++] = 'M';
  n += fmt_ulonglong(head + n, in->msgsize);
  head[n++] = 0;
  if (write(fd, head, n) != (ssize_t)n || write(fd, in->envelope.s, in->envlen) != (ssize_t)in->envlen) {
    fail(EXIT_TEMP, "unable to write ", tmp);
    close(fd);
    return -1;
  }
  return fd;
}

/* Message data, envelope data, and the mess/ID and env/ID entries, all
 * durable: four fsyncs issued together, one round of waiting for the
 * disk. */
static int sync_parts(struct inject *in, int envfd)
{
  int fds[4] = { in->msgfd, envfd, open("mess", O_RDONLY | O_DIRECTORY | O_CLOEXEC),
                 open("env", O_RDONLY | O_DIRECTORY | O_CLOEXEC) };
  static const char *const what[4] = { "the message", "the envelope", "mess/", "env/" };
  int failed = fds[2] < 0 ? 2 : 3;
  int r = fds[2] < 0 || fds[3] < 0 ? -1 : fsync_many(fds, 4, &failed);
  if (r != 0) fail(EXIT_TEMP, "unable to sync ", what[failed]);
  for (int i = 2; i < 4; ++i) if (fds[i] >= 0) close(fds[i]);
  return r;
}

int inject_commit(struct inject *in)
{
  int envfd = write_envelope(in);
  if (envfd < 0) return EXIT_TEMP;
  /* env/ID appears whole (it is linked once written) but not yet
   * durable: the scheduler takes it from todo/, made only after the
   * sync below; after a crash, recovery keeps it only if it ends with
   * its end record and mess/ID has the size its M record says. */
  if (place(in, ".env", "env") != 0) {
    close(envfd);
    return fail(EXIT_TEMP, "unable to link ", name(in, "env", ""));
  }
  in->tmp_env = 0;
  in->in_env = 1;
  int r = sync_parts(in, envfd);
  if (close(envfd) != 0 && !r) r = fail(EXIT_TEMP, "unable to write ", name(in, "env", ""));
  if (close(in->msgfd) != 0 && !r) r = fail(EXIT_TEMP, "unable to write ", name(in, "mess", ""));
  in->msgfd = -1;
  /* On failure inject_abort removes env/ID and mess/ID: the caller is
   * told 111, and a duplicate is better than a loss. */
  if (r) return EXIT_TEMP;
  in->in_mess = in->in_env = 0;   /* committed: nothing is removed from here on */
  /* todo/ is only a hint: after a crash the scheduler loads every env/ID,
   * so the marker needs no fsync of its own. It is a second name of the
   * envelope rather than a new file: allocating an inode is the costliest
   * step of a commit on ext4 without a journal, and the scheduler only
   * looks at the name. */
  stralloc env = { 0, 0, 0 };
  if (!stralloc_copys(&env, name(in, "env", "")) || !stralloc_0(&env)) die_nomem();
  if (link(env.s, name(in, "todo", "")) != 0) {
    int fd = open(name(in, "todo", ""), O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0 || close(fd) != 0) warn_sys("unable to create todo/", in->id, " (queued all the same)");
  }
  stralloc_free(&env);
  return 0;
}

void inject_trigger(void)
{
  int fd = open("lock/trigger", O_WRONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return;   /* no scheduler listening: it scans at start-up */
  (void)!write(fd, "", 1);
  close(fd);
}

void inject_abort(struct inject *in)
{
  if (in->msgfd >= 0) close(in->msgfd);
  in->msgfd = -1;
  if (in->tmp_env) unlink(name(in, "tmp", ".env"));
  if (in->in_env) unlink(name(in, "env", ""));
  if (in->in_mess) unlink(name(in, "mess", ""));
  in->tmp_env = in->in_env = in->in_mess = 0;
}
