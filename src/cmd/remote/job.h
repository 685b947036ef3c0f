#ifndef REMOTE_JOB_H
#define REMOTE_JOB_H

#include "buffer.h"
#include "stralloc.h"

/* One job from queue-send (doc/INTERFACES.md section 9). */
struct rcpt {
  stralloc addr;
  stralloc notify;     /* "", "NEVER", or SUCCESS,FAILURE,DELAY */
  stralloc orcpt;      /* "rfc822;addr" or "" */
};

struct job {
  stralloc id;
  stralloc sender;
  stralloc envid, ret, security, body, auth;
  int smtputf8;
  struct rcpt *rcpts;
  size_t nrcpts, rcpts_alloc;
};

/* 1 a job was read, 0 clean EOF, -1 malformed input or I/O error. */
int job_read(buffer *in, struct job *job);
void job_free(struct job *job);

#endif
