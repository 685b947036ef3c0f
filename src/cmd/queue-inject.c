/* queue-inject: the only program that writes the mail queue. The message
 * arrives on fd 0, the envelope on fd 1 (doc/INTERFACES.md section 3);
 * exit 0 means both are on disk and the scheduler will deliver them. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "conf.h"
#include "die.h"
#include "exitcode.h"
#include "home.h"
#include "queue-inject/inject.h"
#include "scan.h"

/* Courier's default when etc/sizelimit is absent. */
#define DEFAULT_SIZELIMIT 10485760ULL

static unsigned long long read_sizelimit(void)
{
  stralloc path = { 0, 0, 0 }, line = { 0, 0, 0 };
  unsigned long long limit = DEFAULT_SIZELIMIT;
  if (!home_path(&path, "etc/sizelimit")) die_nomem();
  int r = conf_first_line(&line, path.s);
  if (r < 0) die_sys(EXIT_TEMP, "unable to read ", path.s);
  if (r > 0 && !scan_ulonglong(line.s, &limit)) limit = DEFAULT_SIZELIMIT;
  stralloc_free(&path);
  stralloc_free(&line);
  return limit;
}

int main(void)
{
  PROG = "queue-inject";
  signal(SIGPIPE, SIG_IGN);
  /* The caller's umask (any local user's) must not decide who can read
   * the queue's files: 0777 would hide the message from the scheduler. */
  umask(022);
  stralloc queue = { 0, 0, 0 };
  if (!home_path(&queue, "queue")) die_nomem();
  if (chdir(queue.s) != 0) die_sys(EXIT_TEMP, "unable to switch to ", queue.s);

  struct inject in;
  inject_init(&in, getenv("QUEUE_ID"), read_sizelimit());
  int r = inject_message(&in, 0);
  if (!r) r = inject_envelope(&in, 1);
  if (!r) r = inject_commit(&in);
  if (r) {
    inject_abort(&in);
    errno = in.err;
    if (in.err) die_sys(r, in.why.s);
    die(r, in.why.s);
  }
  inject_trigger();
  _exit(EXIT_DONE);
}
