#ifndef QENV_H
#define QENV_H

#include <stddef.h>
#include "stralloc.h"

/* The queue's envelope files (queue/env/ID, doc/INTERFACES.md section 3)
 * and queue-send's recipient outcome records (queue/status/ID). Shared
 * by queue-send, queue-ctl and mailq-style readers. */

enum {
  QNOTIFY_SET     = 1,   /* an N record was given */
  QNOTIFY_NEVER   = 2,
  QNOTIFY_SUCCESS = 4,
  QNOTIFY_FAILURE = 8,
  QNOTIFY_DELAY   = 16
};

struct qenv_rcpt {
  const char *addr;    /* points into qenv.raw */
  const char *orcpt;   /* "type;address", or 0 */
  unsigned notify;     /* QNOTIFY_* */
};

struct qenv {
  stralloc raw;          /* the file's bytes; every pointer below points into it */
  unsigned long arrival; /* Q */
  unsigned long uid;     /* I: the injecting uid */
  unsigned long long msgsize; /* M: the size of mess/ID, when has_size */
  int has_size;          /* an M record was given (queue-inject writes one) */
  const char *sender;    /* F ("" for <>) */
  const char *envid;     /* V or 0 */
  const char *ret;       /* H or 0 */
  const char *auth;      /* A or 0 */
  const char *security;  /* S or 0 */
  const char *body;      /* B or 0 */
  int utf8;              /* U */
  struct qenv_rcpt *rcpt;
  size_t nrcpt;
};

/* 1 parsed, 0 malformed (errno EINVAL; an envelope without its end
 * record, cut by a crash, is malformed), -1 unreadable (errno; ENOENT
 * when the file is gone). */
int qenv_read(struct qenv *e, const char *path);
int qenv_parse(struct qenv *e, const char *buf, size_t len);
void qenv_free(struct qenv *e);

/* The notification a recipient asked for happens (default: failures and
 * delays, as RFC 3461 leaves it to the MTA). */
int qenv_wants(const struct qenv_rcpt *r, unsigned what);

/* A queue id is made of [0-9a-f.] only: safe to use as a file name. */
int qid_valid(const char *id);

/* One recipient's history, folded from queue/status/ID. */
struct qstat {
  char state;            /* 0 untried, 'D' delivered, 'F' failed, 'T' deferred */
  unsigned tries;        /* number of T records */
  unsigned long last;    /* time of the latest record */
  int warned;            /* a W record exists */
  stralloc text;         /* the latest D/F/T text */
};

/* Reads status records into st[0..n-1] (which the caller zeroed).
 * Records for indexes >= n are ignored; a torn last line (a crash in
 * the middle of an append) is ignored. 1 read, 0 absent, -1 error. */
int qstatus_read(const char *path, struct qstat *st, size_t n);
/* The same over bytes in memory (complete lines only). */
void qstatus_parse(const char *buf, size_t len, struct qstat *st, size_t n);

/* Appends one record "idx code time text\n" to sa (text flattened to
 * one line): 1 ok, 0 no memory. */
int qstatus_line(stralloc *sa, size_t idx, char code, unsigned long when, const char *text);

void qstat_free(struct qstat *st, size_t n);

#endif
