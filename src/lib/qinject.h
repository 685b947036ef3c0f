#ifndef QINJECT_H
#define QINJECT_H

#include <stddef.h>
#include <sys/types.h>
#include "queue_id.h"

/* A queue-inject process being fed a message (doc/INTERFACES.md
 * section 3). The queue id is known before the first byte is written,
 * so a caller can put it in a Received: line. */
struct qinject {
  pid_t pid;
  int msgfd, envfd;
  int failed;                     /* a write failed: queue-inject gave up */
  char id[QUEUE_ID_MAX];
  char buf[16384];
  size_t len;
};

/* Starts cmd (the path of queue-inject; 0 swallows the message, for
 * fuzzing): 0 started, -1 no process or pipe could be made (errno). */
int qinject_start(struct qinject *q, const char *cmd);
/* Message bytes, LF line ends; buffered. */
void qinject_write(struct qinject *q, const char *p, size_t n);
/* Ends the message, sends the envelope (records and the end record) and
 * waits: queue-inject's exit code (0, 100, 111). */
int qinject_finish(struct qinject *q, const char *env, size_t envlen);
/* Gives up on the message: queue-inject removes what it wrote. */
void qinject_abort(struct qinject *q);

#endif
