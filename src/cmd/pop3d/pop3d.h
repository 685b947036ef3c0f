#ifndef POP3D_H
#define POP3D_H

#include <stddef.h>
#include <stdint.h>
#include "stralloc.h"

/* pop3d's state: the snapshot of the maildir taken at login, the
 * client's input and output, and the session's counters. */

/* 12 bytes a message: 10,000 messages stay well under a megabyte. */
struct msg {
  uint32_t name;          /* offset of the file name (in cur/) in mailbox.names */
  uint32_t size;          /* octets reported by LIST and STAT (capped at 4 GB) */
  uint16_t dele;          /* DELE'd (unlinked at QUIT) when equal to mailbox.epoch */
  unsigned char seen;     /* RETR'd: marked seen (flag S) at QUIT */
  unsigned char gone;     /* removed by another session: not looked for again */
};

/* Every command costs the same whatever the mailbox size, so a client
 * pipelining STAT or DELE and RSET over 100,000 messages costs no more
 * than over 10: STAT answers from running totals, and RSET starts a
 * new epoch instead of clearing each mark. */
struct mailbox {
  int cur;                /* cur/, for openat, renameat, unlinkat */
  stralloc names;         /* "NAME\0" one after another */
  struct msg *m;
  unsigned long n, alloc;
  uint16_t epoch;         /* never 0, so a fresh message is not deleted */
  unsigned long ndeleted;
  unsigned long long size, deleted_size;   /* sums of msg.size */
};

struct in {
  int fd;
  unsigned timeout;       /* seconds of silence before the session ends */
  size_t pos, len;
  char buf[4096];
};

struct out {
  int fd;
  unsigned timeout;       /* seconds a client may accept nothing we write */
  int failed;             /* a write failed: the client is gone */
  int timedout;           /* ... or it stopped reading */
  size_t len;
  unsigned long long total;
  char buf[16384];
};

struct pop3d {
  struct mailbox mb;
  struct in in;
  struct out out;
  const char *user, *ip;
  unsigned long retrieved, topped, deleted;
  unsigned long long deleted_bytes;
};

/* mailbox.c */
int mailbox_open(struct mailbox *mb);          /* new/ -> cur/, scan, sort: 0 ok, -1 errno */
const char *mailbox_name(const struct mailbox *mb, unsigned long i);
int mailbox_relocate(struct mailbox *mb, unsigned long i);  /* relocate.c: renamed elsewhere: 1 found, 0 gone */
/* relocate.c: the k messages idx[] in one reading of cur/; those not
 * found are marked gone. 0, or -1 when cur/ could not be read. */
int mailbox_relocate_many(struct mailbox *mb, const unsigned long *idx, unsigned long k);
void mailbox_uidl(stralloc *out, const char *name);
void mailbox_sort(struct mailbox *mb);          /* arrival order, in place */
int mailbox_update(struct pop3d *s);            /* UPDATE state: 0 ok, -1 some failed */
void mailbox_free(struct mailbox *mb);
int mailbox_deleted(const struct mailbox *mb, unsigned long i);
void mailbox_dele(struct mailbox *mb, unsigned long i);
void mailbox_rset(struct mailbox *mb);

/* io.c */
int in_line(struct in *in, char *line, size_t size, size_t *len);  /* 1 line, 0 EOF, -1 timeout/error, 2 too long */
int in_pending(const struct in *in);
void out_put(struct out *o, const char *s, size_t n);
void out_puts(struct out *o, const char *s);
void out_ulong(struct out *o, unsigned long long n);
void out_flush(struct out *o);

/* retr.c: RETR (lines < 0) or TOP with that many body lines. */
void retr_send(struct pop3d *s, unsigned long i, long long lines);

/* cmds.c */
int pop3d_command(struct pop3d *s, char *line, size_t len);   /* 0 go on, 1 QUIT done */

#endif
