#ifndef IMAP_COPY_H
#define IMAP_COPY_H

#include <stdio.h>
#include <stdlib.h>
#include "imapd.h"

struct copy_result {
  size_t count;
  unsigned validity, first;  /* the target's UIDVALIDITY and first new UID (0: unknown) */
  stralloc srcuids;          /* "4,7,9" */
  int overquota;
};

/* Copies the messages marked F_MARK into the folder dir; a message that
 * could not be copied loses its mark. 0 ok, -1 error. */
int copy_marked(struct session *s, const char *dir, struct copy_result *res);
/* The COPYUID response code text into out. */
void copyuid_text(const struct copy_result *res, stralloc *out);
/* COPY and MOVE share everything but the removal: 0 ok (reply sent). */
int copy_command(struct session *s, struct imap_arg *args, int move);

#endif
