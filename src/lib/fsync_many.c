#include <errno.h>
#include <pthread.h>
#include <unistd.h>
#include "fsync_many.h"

struct job {
  int fd;
  int err;
  int started;
  pthread_t thread;
};

static void *run(void *arg)
{
  struct job *j = arg;
  j->err = fsync(j->fd) == 0 ? 0 : errno;
  return 0;
}

int fsync_many(const int *fds, int n, int *failed)
{
  struct job jobs[FSYNC_MANY_MAX];
  if (n > FSYNC_MANY_MAX) n = FSYNC_MANY_MAX;
  for (int i = 1; i < n; ++i) {
    jobs[i].fd = fds[i];
    jobs[i].err = 0;
    jobs[i].started = pthread_create(&jobs[i].thread, 0, run, &jobs[i]) == 0;
  }
  if (n > 0) { jobs[0].fd = fds[0]; run(&jobs[0]); }
  for (int i = 1; i < n; ++i) {
    if (jobs[i].started) pthread_join(jobs[i].thread, 0);
    else run(&jobs[i]);   /* no thread: the same fsync, only later */
  }
  for (int i = 0; i < n; ++i)
    if (jobs[i].err) {
      *failed = i;
      errno = jobs[i].err;
      return -1;
    }
  return 0;
}
