#include "imapd.h"
#include "quota.h"

static void say_expunge(void *ctx, size_t seq)
{
  struct session *s = ctx;
  out_s(s, "* ");
  out_u(s, seq);
  out_s(s, " EXPUNGE\r\n");
}

/* EXPUNGE, and UID EXPUNGE (RFC 4315) for the \Deleted messages of a set. */
CMD(expunge)
{
  int all = 1;
  if (s->uid) {
    if (!imap_is_string(args) || arg_next(s, args)) return reply_bad(s, "UID EXPUNGE takes a UID set");
    if (seqset_mark(s, arg_str(s, args), 1) < 0) return reply_bad(s, "Invalid UID set");
    all = 0;
  } else if (args) {
    return reply_bad(s, "EXPUNGE takes no arguments");
  }
  if (s->mb.readonly) return reply_no(s, "[READ-ONLY] Mailbox is read-only");
  report_changes(s, 0);
  if (!all && seqset_mark(s, arg_str(s, args), 1) < 0) return reply_bad(s, "Invalid UID set");
  struct sync_cb cb = { s, say_expunge, 0 };
  s->mb.expunged_bytes = 0;
  long n = mbox_expunge(&s->mb, all, &cb);
  if (n > 0) quota_add(s->maildir.s, -s->mb.expunged_bytes, -n);
  return reply_ok(s, "EXPUNGE completed");
}
