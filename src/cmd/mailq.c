/* mailq: lists the messages in the mail queue (sendmail -bp). */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "buffer.h"
#include "die.h"
#include "exitcode.h"
#include "fmt.h"
#include "home.h"
#include "mailq/mailq.h"

static int by_name(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The ids in env/, sorted (by arrival, as ids sort). */
static char **queue_ids(size_t *count)
{
  DIR *d = opendir("env");
  if (!d) die_sys(EXIT_TEMP, "unable to read the queue's env directory");
  char **ids = 0;
  size_t n = 0, cap = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 64;
      ids = realloc(ids, cap * sizeof *ids);
      if (!ids) die_nomem();
    }
    if (!(ids[n++] = strdup(e->d_name))) die_nomem();
  }
  closedir(d);
  if (n) qsort(ids, n, sizeof *ids, by_name);
  *count = n;
  return ids;
}

int main(int argc, char **argv)
{
  PROG = "mailq";
  (void)argv;
  if (argc > 1) die_usage("mailq");
  stralloc queue = { 0, 0, 0 };
  if (!home_path(&queue, "queue")) die_nomem();
  if (chdir(queue.s) != 0) die_sys(EXIT_TEMP, "unable to switch to ", queue.s);
  size_t n;
  char **ids = queue_ids(&n);
  time_t now = time(0);
  /* As Courier's: a user sees the messages they sent, root all. */
  long owner = getuid() == 0 ? MAILQ_ALL : (long)getuid();
  unsigned long listed = 0;
  for (size_t i = 0; i < n; ++i) {
    int r = mailq_message(buffer_1, ids[i], now, owner);
    if (r < 0) warn_sys("unable to read message ", ids[i]);
    if (r > 0) ++listed;
    free(ids[i]);
  }
  free(ids);
  stralloc_free(&queue);
  char num[FMT_ULONG];
  num[fmt_ulong(num, listed)] = 0;
  buffer_puts(buffer_1, num);
  buffer_puts(buffer_1, listed == 1 ? " message\n" : " messages\n");
  if (buffer_flush(buffer_1) != 0) die_sys(EXIT_TEMP, "unable to write the list");
  return EXIT_DONE;
}
