/* Unit tests for the MAXPERIP slots: each session is a child process
 * that takes a slot and holds it until told to go, as a server would. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "tap.h"
#include "die.h"
#include "perip.h"

static char root[] = "/tmp/postern-unit-perip.XXXXXX";

struct sess { pid_t pid; int result; };

/* A child takes a slot for ip, reports perip_take's answer (and, for a
 * slot, whether its descriptor survives exec) and lives on until
 * killed, holding what it took. */
static struct sess start(const char *ip, unsigned max, int flags)
{
  int res[2];
  struct sess s = { -1, -99 };
  if (pipe(res) < 0) return s;
  s.pid = fork();
  if (s.pid == 0) {
    close(res[0]);
    int fd = perip_take("var/run/test-perip", ip, max, flags);
    int answer = fd >= 0 ? ((fcntl(fd, F_GETFD) & FD_CLOEXEC) ? 1 : 2) : fd;
    if (write(res[1], &answer, sizeof answer) < 0) _exit(1);
    for (;;) pause();
  }
  close(res[1]);
  if (read(res[0], &s.result, sizeof s.result) != sizeof s.result) s.result = -99;
  close(res[0]);
  return s;
}

static void end(struct sess *s)
{
  kill(s->pid, SIGKILL);
  waitpid(s->pid, 0, 0);
}

int main(void)
{
  PROG = "perip-test";
  if (!mkdtemp(root)) return 1;
  setenv("POSTERN_HOME", root, 1);
  freopen("/dev/null", "w", stderr);   /* the refusals' log lines */

  struct sess none = start("192.0.2.1", 2, 0);
  is_int(none.result, -2, "no directory: no limit (-2)");
  end(&none);
  char dir[300];
  snprintf(dir, sizeof dir, "%s/var", root); mkdir(dir, 0700);
  snprintf(dir, sizeof dir, "%s/var/run", root); mkdir(dir, 0700);
  snprintf(dir, sizeof dir, "%s/var/run/test-perip", root); mkdir(dir, 0700);

  struct sess a = start("192.0.2.1", 2, 0), b = start("192.0.2.1", 2, PERIP_INHERIT);
  is_int(a.result, 1, "first session: a slot, close-on-exec");
  is_int(b.result, 2, "second session: a slot, PERIP_INHERIT: kept across exec");
  struct sess c = start("192.0.2.1", 2, 0);
  is_int(c.result, -1, "third session from that address: refused (-1)");
  end(&c);
  struct sess d = start("192.0.2.10", 2, 0);
  is_int(d.result, 1, "another address (sharing a prefix): a slot");
  struct sess z = start("192.0.2.1", 0, 0);
  is_int(z.result, -2, "MAXPERIP 0: no limit");
  end(&z);
  struct sess bad = start("../x", 2, 0);
  is_int(bad.result, -2, "an address with a slash is never a file name");
  end(&bad);
  end(&a);
  struct sess e = start("192.0.2.1", 2, 0);
  is_int(e.result, 1, "a killed session's slot is free at once");
  struct sess f = start("192.0.2.1", 2, 0);
  is_int(f.result, -1, "and only that one");
  end(&f);
  end(&b); end(&d); end(&e);

  /* A leftover another session is just looking at (a shared lock, as
   * its count takes) is no live session. */
  char left[300];
  snprintf(left, sizeof left, "%s/var/run/test-perip/192.0.2.7.99999", root);
  int lfd = open(left, O_RDWR | O_CREAT, 0600);
  ok(lfd >= 0 && flock(lfd, LOCK_SH) == 0, "a leftover slot file, being looked at by another counter");
  struct sess g = start("192.0.2.7", 1, 0);
  is_int(g.result, 1, "is not counted: MAXPERIP 1 still admits a session");
  ok(access(left, F_OK) != 0, "and the leftover is removed");
  close(lfd);
  end(&g);
  char cmd[400];
  snprintf(cmd, sizeof cmd, "rm -rf %s", root);
  if (system(cmd) != 0) return 1;
  return done_testing();
}
