/* queue-send: the scheduler. Runs as QUEUEUSER under local-spawn
 * (fd 3 requests to the spawner, fd 4 its results), reads the queue
 * (doc/INTERFACES.md section 3), routes every recipient, runs local
 * deliveries within etc/concurrencylocal, retries on Courier's
 * schedule, records every outcome durably in queue/status/ and sends
 * delivery status notifications. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "backscatter.h"
#include "die.h"
#include "exitcode.h"
#include "home.h"
#include "queue-send/qs.h"

static volatile sig_atomic_t got_term;
static void on_term(int sig) { (void)sig; got_term = 1; }

static void open_trigger(struct qs *q)
{
  mkdir("queue/lock", 0700);
  if (mkfifo("queue/lock/trigger", 0622) < 0 && errno != EEXIST)
    die_sys(EXIT_TEMP, "unable to make queue/lock/trigger");
  q->trigger_fd = open("queue/lock/trigger", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (q->trigger_fd < 0) die_sys(EXIT_TEMP, "unable to open queue/lock/trigger");
  /* Holding the write side open keeps poll from reporting a hang-up
   * every time an injector closes its end. */
  q->trigger_wfd = open("queue/lock/trigger", O_WRONLY | O_NONBLOCK | O_CLOEXEC);
}

static void drain_trigger(struct qs *q)
{
  char buf[256];
  while (read(q->trigger_fd, buf, sizeof buf) > 0) {}
}

/* Deliveries a killed queue-send left running hold queue/lock/deliveries
 * shared until their outcome is in status/: wait for them, so none is
 * started twice. */
static void wait_old_deliveries(void)
{
  int fd = open("queue/lock/deliveries", O_RDONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) { warn_sys("unable to open queue/lock/deliveries"); return; }
  for (int i = 0; flock(fd, LOCK_EX | LOCK_NB) < 0; ++i) {
    if (i == 0) log_line("status: waiting for the deliveries of the previous run");
    if (i == 6000) { warn("deliveries of the previous run still running: going on"); break; }
    usleep(100000);
  }
  close(fd);
}

static void setup(struct qs *q)
{
  if (getuid() == 0 || geteuid() == 0) die(EXIT_TEMP, "refusing to run as root");
  if (chdir(postern_home()) < 0) die_sys(EXIT_TEMP, "unable to chdir to ", postern_home());
  if (fcntl(3, F_GETFD) < 0 || fcntl(4, F_GETFD) < 0)
    die(EXIT_PERM, "no spawner: run as local-spawn queue-send");
  q->spawn_req = 3;
  q->spawn_res = 4;
  fcntl(3, F_SETFD, FD_CLOEXEC);
  fcntl(4, F_SETFD, FD_CLOEXEC);
  config_load(&q->cfg);
  q->slots = calloc(q->cfg.conc_local, sizeof *q->slots);
  if (!q->slots) die_nomem();
  signal(SIGPIPE, SIG_IGN);
  struct sigaction sa = { .sa_handler = on_term };
  sigaction(SIGTERM, &sa, 0);
  sigaction(SIGINT, &sa, 0);
  open_trigger(q);
  wait_old_deliveries();
}

/* Waits for a trigger, a result, or the next due time. */
static void wait_event(struct qs *q)
{
  unsigned long wake = sched_next_wake(q);
  if (q->finished.len && q->finished_since + 1 < wake) wake = q->finished_since + 1;
  int timeout = wake <= q->now ? 0 : (int)(wake - q->now) * 1000;
  if (q->stopping) timeout = 1000;
  struct pollfd pfd[2 + 64]  /* REMOTE_PROCS_MAX */ = { { q->trigger_fd, POLLIN, 0 }, { q->spawn_res, POLLIN, 0 } };
  size_t nremote = remote_pollfds(q, pfd + 2, 64);
  int n = poll(pfd, 2 + nremote, timeout);
  q->now = (unsigned long)time(0);
  if (n <= 0) return;
  if (pfd[1].revents) local_results(q);
  remote_events(q, pfd + 2, nremote);
  if (pfd[0].revents & POLLIN) {
    drain_trigger(q);
    if (!q->stopping) { queue_scan_todo(q); ctl_scan(q); }
  }
}

static void qs_free(struct qs *q)
{
  for (size_t i = 0; i < q->nmsgs; ++i) msg_free(q->msgs[i]);
  free(q->msgs);
  free(q->slots);
  free(q->rprocs);
  stralloc_free(&q->resbuf);
  stralloc_free(&q->finished);
  stralloc_free(&q->cfg.me);
  stralloc_free(&q->cfg.mail_user);
}

int main(void)
{
  PROG = "queue-send";
  struct qs q = {0};
  setup(&q);
  q.now = (unsigned long)time(0);
  log_line("status: starting");
  queue_recover(&q);
  ctl_scan(&q);
  unsigned long next_sweep = 0, next_remnants = q.now + 3600;
  for (;;) {
    q.now = (unsigned long)time(0);
    if (q.now >= next_sweep) {
      /* Suppression entries older than two hours are dead already;
       * this only keeps var/backscatter/ small. */
      backscatter_sweep(0);
      next_sweep = q.now + 600;
    }
    if (q.now >= next_remnants) {
      queue_sweep_remnants(&q);
      next_remnants = q.now + 3600;
    }
    if (got_term && !q.stopping) { q.stopping = 1; log_line("status: stopping"); }
    if (q.stopping) remote_stop(&q);
    if (q.stopping && !q.busy_local && !q.nrprocs) break;
    sched_run(&q);
    queue_flush_finished(&q, 0);
    wait_event(&q);
  }
  queue_flush_status(&q);
  queue_flush_finished(&q, 1);
  log_line("status: exiting");
  qs_free(&q);
  return 0;
}
