#ifndef INJECT_H
#define INJECT_H

#include <sys/types.h>
#include "queue_id.h"
#include "stralloc.h"

/* One injection, run inside the queue directory. Each step returns 0 or
 * an exit code (100/111) with the reason in why/err; inject_abort removes
 * whatever the steps left before the commit point. */
struct inject {
  char id[QUEUE_ID_MAX];
  unsigned long long sizelimit;  /* 0: no limit */
  int msgfd;
  stralloc path;                 /* scratch for file names */
  stralloc envelope;             /* as read from the caller */
  size_t envlen;                 /* bytes of envelope, end record included */
  unsigned long nrcpt;
  unsigned long long msgsize;
  int tmp_env, in_env, in_mess;  /* files to remove on failure */
  stralloc why;                  /* the failure, for main's fatal line */
  int err;                       /* its errno, 0 when none applies */
};

void inject_init(struct inject *in, const char *id_hint, unsigned long long sizelimit);
int inject_message(struct inject *in, int fd);
int inject_envelope(struct inject *in, int fd);
int inject_commit(struct inject *in);
void inject_trigger(void);
void inject_abort(struct inject *in);

#endif
