/* Running queue-inject: one fork+exec per message, the message streamed
 * down one pipe as it arrives, the envelope down the other at the end. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>
#include "die.h"
#include "exitcode.h"
#include "qinject.h"
#include "write_all.h"

static void child(int msgfd, int envfd, const struct timeval *tv, const char *cmd)
{
  char id[QUEUE_ID_MAX];
  if (dup2(msgfd, 0) < 0 || dup2(envfd, 1) < 0) _exit(EXIT_TEMP);
  /* The same id the parent computes from the pid fork returned. */
  queue_id_make(id, tv, getpid());
  setenv("QUEUE_ID", id, 1);
  char *argv[] = { (char *)cmd, 0 };
  execv(cmd, argv);
  warn_sys("unable to run ", cmd);
  _exit(EXIT_TEMP);
}

/* 0 started; -1 no process or pipe could be made. */
int qinject_start(struct qinject *inj, const char *cmd)
{
  struct timeval tv;
  gettimeofday(&tv, 0);
  inj->failed = 0;
  inj->len = 0;
  if (!cmd) {   /* no queue: messages are swallowed */
    inj->pid = 0;
    inj->msgfd = open("/dev/null", O_WRONLY | O_CLOEXEC);
    inj->envfd = open("/dev/null", O_WRONLY | O_CLOEXEC);
    queue_id_make(inj->id, &tv, getpid());
    return inj->msgfd < 0 || inj->envfd < 0 ? -1 : 0;
  }
  int m[2], e[2];
  if (pipe2(m, O_CLOEXEC) != 0) return -1;
  if (pipe2(e, O_CLOEXEC) != 0) { close(m[0]); close(m[1]); return -1; }
  pid_t pid = fork();
  if (pid == 0) child(m[0], e[0], &tv, cmd);
  close(m[0]);
  close(e[0]);
  if (pid < 0) { close(m[1]); close(e[1]); return -1; }
  inj->pid = pid;
  inj->msgfd = m[1];
  inj->envfd = e[1];
  queue_id_make(inj->id, &tv, pid);
  return 0;
}

static void qinject_flush(struct qinject *inj)
{
  if (inj->len && !inj->failed && write_all(inj->msgfd, inj->buf, inj->len) != 0) inj->failed = 1;
  inj->len = 0;
}

void qinject_write(struct qinject *inj, const char *p, size_t n)
{
  if (inj->failed) return;
  if (inj->len + n > sizeof inj->buf) qinject_flush(inj);
  if (n >= sizeof inj->buf) {
    if (!inj->failed && write_all(inj->msgfd, p, n) != 0) inj->failed = 1;
    return;
  }
  memcpy(inj->buf + inj->len, p, n);
  inj->len += n;
}

static int reap(struct qinject *inj)
{
  int status = 0;
  if (inj->pid > 0)
    while (waitpid(inj->pid, &status, 0) < 0)
      if (errno != EINTR) { status = EXIT_TEMP << 8; break; }
  inj->pid = -1;
  if (!WIFEXITED(status)) return EXIT_TEMP;
  return WEXITSTATUS(status);
}

static void close_fd(int *fd)
{
  if (*fd >= 0) close(*fd);
  *fd = -1;
}

/* Ends the message and sends the envelope: queue-inject's exit code. */
int qinject_finish(struct qinject *inj, const char *env, size_t envlen)
{
  qinject_flush(inj);
  close_fd(&inj->msgfd);
  /* Even after a failed message write the envelope goes down: queue-inject
   * may have stopped reading on purpose (too large) and says so. */
  if (write_all(inj->envfd, env, envlen) != 0) inj->failed = 1;
  close_fd(&inj->envfd);
  int code = reap(inj);
  if (code == 0 && inj->failed) code = EXIT_TEMP;
  return code;
}

/* Gives up on a message: with the envelope unfinished queue-inject
 * removes what it wrote. */
void qinject_abort(struct qinject *inj)
{
  close_fd(&inj->msgfd);
  close_fd(&inj->envfd);
  reap(inj);
  inj->len = 0;
}
