/* DELE marks and RSET, each in constant time. */
#include "pop3d.h"

int mailbox_deleted(const struct mailbox *mb, unsigned long i)
{
  return mb->m[i].dele == mb->epoch;
}

void mailbox_dele(struct mailbox *mb, unsigned long i)
{
  if (mailbox_deleted(mb, i)) return;
  mb->m[i].dele = mb->epoch;
  ++mb->ndeleted;
  mb->deleted_size += mb->m[i].size;
}

/* A mark from an older epoch means nothing; only when the counter
 * wraps (once in 65,535 RSETs that undid something) are the marks
 * cleared one by one. */
void mailbox_rset(struct mailbox *mb)
{
  if (!mb->ndeleted) return;
  mb->ndeleted = 0;
  mb->deleted_size = 0;
  if (++mb->epoch) return;
  for (unsigned long i = 0; i < mb->n; ++i) mb->m[i].dele = 0;
  mb->epoch = 1;
}
