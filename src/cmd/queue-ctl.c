/* queue-ctl: the administrator's verbs for the queue.
 *
 *   queue-ctl status            messages, recipients and their state; the suppression list
 *   queue-ctl flush             retry every deferred recipient now
 *   queue-ctl cancel ID...      fail every undelivered recipient (the sender gets a bounce)
 *   queue-ctl clear ADDR|all    remove addresses from the backscatter suppression list
 *
 * flush and cancel leave a request in queue/ctl/ and write the trigger;
 * queue-send carries them out (at once, or when it next starts). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "backscatter.h"
#include "die.h"
#include "exitcode.h"
#include "home.h"
#include "qenv.h"

static void poke(void)
{
  int fd = open("queue/lock/trigger", O_WRONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENXIO) { puts("queue-send is not running: the request waits for it"); return; }
    die_sys(EXIT_TEMP, "unable to write queue/lock/trigger");
  }
  (void)!write(fd, "", 1);
  close(fd);
}

static void request(const char *name)
{
  struct stat st;
  if (mkdir("queue/ctl", 0700) == 0 && stat("queue", &st) == 0 && geteuid() == 0)
    (void)!chown("queue/ctl", st.st_uid, st.st_gid);
  char path[200];
  snprintf(path, sizeof path, "queue/ctl/%s", name);
  int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) die_sys(EXIT_TEMP, "unable to create ", path);
  close(fd);
}

static int cancel(char **ids)
{
  int bad = 0;
  for (; *ids; ++ids) {
    char path[200];
    if (!qid_valid(*ids)) { warn("not a queue id: ", *ids); bad = 1; continue; }
    snprintf(path, sizeof path, "queue/env/%s", *ids);
    if (access(path, F_OK) < 0) { warn("no such message: ", *ids); bad = 1; continue; }
    snprintf(path, sizeof path, "cancel.%s", *ids);
    request(path);
    printf("%s: cancel requested\n", *ids);
  }
  poke();
  return bad ? EXIT_PERM : 0;
}

static const char *state_name(char s)
{
  return s == 'D' ? "delivered" : s == 'F' ? "failed" : s == 'T' ? "deferred" : "queued";
}

static void show_message(const char *id)
{
  char path[200];
  struct qenv e;
  snprintf(path, sizeof path, "queue/env/%s", id);
  if (qenv_read(&e, path) <= 0) { qenv_free(&e); return; }
  struct qstat *st = calloc(e.nrcpt, sizeof *st);
  if (!st) die_nomem();
  snprintf(path, sizeof path, "queue/status/%s", id);
  qstatus_read(path, st, e.nrcpt);
  struct stat sb;
  snprintf(path, sizeof path, "queue/mess/%s", id);
  long long size = stat(path, &sb) == 0 ? (long long)sb.st_size : -1;
  time_t t = (time_t)e.arrival;
  char date[64];
  strftime(date, sizeof date, "%Y-%m-%d %H:%M:%S", localtime(&t));
  printf("%s  %s  %lld bytes  from <%s>\n", id, date, size, e.sender);
  for (size_t i = 0; i < e.nrcpt; ++i) {
    printf("  <%s> %s", e.rcpt[i].addr, state_name(st[i].state));
    if (st[i].tries) printf(" (%u attempts)", st[i].tries);
    if (st[i].text.len) printf(": %s", st[i].text.s);
    printf("\n");
  }
  qstat_free(st, e.nrcpt);
  free(st);
  qenv_free(&e);
}

static int by_name(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void show_suppressed(void *ctx, char code, const char *address, unsigned long when)
{
  int *n = ctx;
  if (!(*n)++) printf("backscatter suppression list:\n");
  time_t t = (time_t)when;
  char date[64];
  strftime(date, sizeof date, "%Y-%m-%d %H:%M:%S", localtime(&t));
  printf("  <%s> %s since %s\n", address, code == 'F' ? "permanent" : "temporary", date);
}

static int status(void)
{
  DIR *d = opendir("queue/env");
  if (!d) die_sys(EXIT_TEMP, "unable to read queue/env");
  char **ids = 0;
  size_t n = 0;
  struct dirent *de;
  while ((de = readdir(d))) {
    if (!qid_valid(de->d_name)) continue;
    char **p = realloc(ids, (n + 1) * sizeof *p);
    if (!p || !(p[n] = strdup(de->d_name))) die_nomem();
    ids = p; ++n;
  }
  closedir(d);
  if (n) qsort(ids, n, sizeof *ids, by_name);
  for (size_t i = 0; i < n; ++i) { show_message(ids[i]); free(ids[i]); }
  free(ids);
  printf("%zu message%s in the queue\n", n, n == 1 ? "" : "s");
  int listed = 0;
  backscatter_each(show_suppressed, &listed);
  return 0;
}

static int clear(const char *what)
{
  if (!strcmp(what, "all")) {
    int r = backscatter_sweep(1);
    if (r < 0) die_sys(EXIT_TEMP, "unable to clear var/backscatter");
    printf("%d address%s removed from the suppression list\n", r, r == 1 ? "" : "es");
    return 0;
  }
  int r = backscatter_clear(what);
  if (r < 0) die_sys(EXIT_TEMP, "unable to clear ", what);
  printf("<%s> %s\n", what, r ? "removed from the suppression list" : "was not on the suppression list");
  return 0;
}

int main(int argc, char **argv)
{
  PROG = "queue-ctl";
  if (argc < 2) die_usage("queue-ctl status | flush | cancel ID... | clear ADDRESS|all");
  if (chdir(postern_home()) < 0) die_sys(EXIT_TEMP, "unable to chdir to ", postern_home());
  const char *verb = argv[1];
  int code;
  if (!strcmp(verb, "status") && argc == 2) code = status();
  else if (!strcmp(verb, "flush") && argc == 2) { request("flush"); poke(); puts("flush requested"); code = 0; }
  else if (!strcmp(verb, "cancel") && argc > 2) code = cancel(argv + 2);
  else if (!strcmp(verb, "clear") && argc == 3) code = clear(argv[2]);
  else die_usage("queue-ctl status | flush | cancel ID... | clear ADDRESS|all");
  if (fflush(stdout) != 0) die_sys(EXIT_TEMP, "unable to write the output");
  return code;
}
