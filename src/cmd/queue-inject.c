/* queue-inject: the only program that writes the mail queue. The message
 * arrives on fd 0, the envelope on fd 1 (doc/INTERFACES.md section 3);
 * exit 0 means both are on disk and the scheduler will deliver them. */
#include <errno.h>
#include <pwd.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "conf.h"
#include "die.h"
#include "exitcode.h"
#include "home.h"
#include "queue-inject/inject.h"
#include "queue_env.h"
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

/* The A record (the authenticated submitter, sent on as AUTH=) is what
 * smtpd says after AUTH; any other caller of setuid queue-inject may
 * only name itself. */
static int submitter_ok(const struct inject *in)
{
  uid_t caller = getuid();
  if (caller == 0 || caller == geteuid()) return 1;
  size_t pos = 0, n;
  const char *v, *a = 0;
  char t;
  while (!a && queue_env_next(in->envelope.s, in->envlen, &pos, &t, &v, &n) > 0)
    if (t == 'A') a = v;
  if (!a) return 1;
  const struct passwd *pw = getpwuid(caller);
  if (pw && !strcmp(pw->pw_name, a)) return 1;
  stralloc path = { 0, 0, 0 };
  struct conf_env users = { { 0, 0, 0 } };
  unsigned long bad = 0;
  if (!home_path(&path, "etc/users")) die_nomem();
  const char *daemon = conf_env_read(&users, path.s, &bad) > 0 ? conf_env_get(&users, "DAEMONUSER") : 0;
  pw = daemon && *daemon ? getpwnam(daemon) : 0;
  int ok = pw && pw->pw_uid == caller;
  conf_env_free(&users);
  stralloc_free(&path);
  return ok;
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
  if (!r && !submitter_ok(&in)) {
    if (!stralloc_copys(&in.why, "bad envelope: the submitter (A) is not the caller") || !stralloc_0(&in.why)) die_nomem();
    r = EXIT_PERM;
  }
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
