#ifndef SPAWNREQ_H
#define SPAWNREQ_H

/* A delivery request from queue-send to local-spawn (doc/INTERFACES.md
 * section 9): one line "SLOT ID INDEX", without its newline. Parsed by
 * root from a process it does not trust: anything but exactly these
 * three fields is refused. */

enum { SPAWNREQ_LINE_MAX = 100 };   /* longest line accepted, newline included */

struct spawnreq {
  char slot[21];           /* decimal digits, echoed in the result */
  char id[64];             /* a queue id (qid_valid): a file name, never a path */
  unsigned long index;     /* the recipient's index among the T records */
};

/* 1 accepted, 0 refused; rq->slot is set (else empty) when the slot
 * field alone was good, so the refusal can name it. */
int spawnreq_parse(const char *line, struct spawnreq *rq);

#endif
