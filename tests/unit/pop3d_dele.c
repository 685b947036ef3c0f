/* pop3d's DELE marks and RSET epochs, across the wrap of the epoch
 * counter (65,535 RSETs that undid something). */
#include <stdlib.h>
#include "tap.h"
#include "../../src/cmd/pop3d/dele.c"

static unsigned long marked(const struct mailbox *mb)
{
  unsigned long n = 0;
  for (unsigned long i = 0; i < mb->n; ++i) n += mailbox_deleted(mb, i);
  return n;
}

int main(void)
{
  struct msg m[5] = {{0}};
  struct mailbox mb = {.m = m, .n = 5, .epoch = 1};
  for (unsigned long i = 0; i < 5; ++i) m[i].size = (uint32_t)(10 * (i + 1));
  ok(!marked(&mb), "a fresh mailbox has nothing deleted");
  mailbox_dele(&mb, 1);
  mailbox_dele(&mb, 1);
  mailbox_dele(&mb, 4);
  is_int(mb.ndeleted, 2, "DELE twice counts once");
  is_int(mb.deleted_size, 70, "deleted octets");
  mailbox_rset(&mb);
  ok(!marked(&mb) && !mb.ndeleted && !mb.deleted_size, "RSET undoes every mark");
  int ok_all = 1;
  for (unsigned long k = 0; k < 200000; ++k) {
    mailbox_dele(&mb, k % 5);
    if (k % 7 == 0) mailbox_dele(&mb, (k + 2) % 5);
    if (mb.ndeleted != marked(&mb) || !mb.epoch) ok_all = 0;
    mailbox_rset(&mb);
    if (marked(&mb) || mb.ndeleted || mb.deleted_size) ok_all = 0;
  }
  ok(ok_all, "200,000 DELE and RSET rounds, through three wraps of the epoch");
  mailbox_rset(&mb);
  mailbox_dele(&mb, 0);
  is_int(marked(&mb), 1, "an RSET with nothing deleted changes nothing");
  return done_testing();
}
