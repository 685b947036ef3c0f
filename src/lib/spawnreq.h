#ifndef SPAWNREQ_H
#define SPAWNREQ_H

/* A delivery request from queue-send to local-spawn (doc/INTERFACES.md
 * section 9): one line "SLOT ID INDEX[,INDEX...]", without its newline:
 * one message, one or more of its recipients, which the spawner
 * delivers with one run of local when they resolve to the same account.
 * Parsed by root from a process it does not trust: anything but
 * exactly these three fields, with the indexes strictly increasing and
 * at most SPAWNREQ_MAX_RCPT of them, is refused. */

enum {
  SPAWNREQ_MAX_RCPT = 64,   /* recipients of one request */
  SPAWNREQ_LINE_MAX = 1024  /* longest line accepted, newline included */
};

struct spawnreq {
  char slot[21];           /* decimal digits, echoed in the result */
  char id[64];             /* a queue id (qid_valid): a file name, never a path */
  unsigned long index[SPAWNREQ_MAX_RCPT];  /* the recipients' indexes among the T records */
  unsigned nindex;         /* 1 to SPAWNREQ_MAX_RCPT */
};

/* 1 accepted, 0 refused; rq->slot is set (else empty) when the slot
 * field alone was good, so the refusal can name it. */
int spawnreq_parse(const char *line, struct spawnreq *rq);

#endif
