#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "die.h"
#include "qs.h"

/* Requests from queue-ctl: empty files in queue/ctl/ named "flush" or
 * "cancel.<id>", picked up at the next trigger. */

static void cancel(struct qs *q, const char *id)
{
  struct msg *m = queue_load(q, id);
  if (!m) { log_line("cancel: no message ", id); return; }
  for (size_t i = 0; i < m->env.nrcpt; ++i) {
    struct rstate *r = m->r + i;
    if (r->state == 'D' || r->state == 'F' || r->busy) continue;
    sched_outcome(q, m, i, 'F', "5.0.0 the message was cancelled by the administrator", 0);
  }
  log_line("cancelled ", id);
}

void ctl_scan(struct qs *q)
{
  DIR *d = opendir("queue/ctl");
  if (!d) return;
  struct dirent *de;
  while ((de = readdir(d))) {
    const char *n = de->d_name;
    if (n[0] == '.') continue;
    if (!strcmp(n, "flush")) { q->flush_all = 1; log_line("flush requested"); }
    else if (!strncmp(n, "cancel.", 7) && qid_valid(n + 7)) cancel(q, n + 7);
    char path[300] = "queue/ctl/";
    strncat(path, n, sizeof path - 11);
    unlink(path);
  }
  closedir(d);
}
