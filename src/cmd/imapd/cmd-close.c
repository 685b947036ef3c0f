#include "imapd.h"
#include "quota.h"

/* CLOSE: expunge silently (read-write only), then unselect. */
CMD(close)
{
  if (args) return reply_bad(s, "CLOSE takes no arguments");
  if (!s->mb.readonly) {
    s->mb.expunged_bytes = 0;
    long n = mbox_expunge(&s->mb, 1, 0);
    if (n > 0) quota_add(s->maildir.s, -s->mb.expunged_bytes, -n);
  }
  session_unselect(s);
  return reply_ok(s, "CLOSE completed");
}
