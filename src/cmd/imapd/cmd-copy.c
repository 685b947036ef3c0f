#include <stdio.h>
#include "imap-copy.h"
#include "quota.h"

void copyuid_text(const struct copy_result *res, stralloc *out)
{
  char num[64];
  out->len = 0;
  if (!res->first || !res->count) return;
  snprintf(num, sizeof num, "[COPYUID %u ", res->validity);
  (void)stralloc_cats(out, num);
  (void)stralloc_cats(out, res->srcuids.s);
  if (res->count == 1) snprintf(num, sizeof num, " %u] ", res->first);
  else snprintf(num, sizeof num, " %u:%u] ", res->first, res->first + (unsigned)res->count - 1);
  (void)stralloc_cats(out, num);
}

static void say_expunge(void *ctx, size_t seq)
{
  struct session *s = ctx;
  out_s(s, "* ");
  out_u(s, seq);
  out_s(s, " EXPUNGE\r\n");
}

int copy_command(struct session *s, struct imap_arg *args, int move)
{
  struct imap_arg *set = args, *mbox = arg_next(s, args);
  if (!imap_is_string(set) || !imap_is_string(mbox) || arg_next(s, mbox))
    return reply_bad(s, move ? "MOVE takes a set and a mailbox" : "COPY takes a set and a mailbox");
  if (move && s->mb.readonly) return reply_no(s, "[READ-ONLY] Mailbox is read-only");
  stralloc dir = { 0 }, text = { 0 };
  struct copy_result res = { 0 };
  int r;
  if (!folder_dir(s, arg_str(s, mbox), &dir)) { r = reply_no(s, "[CANNOT] Invalid mailbox name"); goto out; }
  if (!folder_exists(s, arg_str(s, mbox))) { r = reply_no(s, "[TRYCREATE] Mailbox does not exist"); goto out; }
  if (seqset_mark(s, arg_str(s, set), s->uid) < 0) { r = reply_bad(s, "Invalid sequence set"); goto out; }
  if (copy_marked(s, dir.s, &res) < 0) {
    r = reply_no(s, res.overquota ? "[OVERQUOTA] Mailbox is full" : "[SERVERBUG] Copy failed");
    goto out;
  }
  copyuid_text(&res, &text);
  if (move) {
    if (text.len) { out_s(s, "* OK "); out_b(s, text.s, text.len); out_s(s, "Moved\r\n"); }
    struct sync_cb cb = { s, say_expunge, 0 };
    s->mb.expunged_bytes = 0;
    long n = mbox_expunge(&s->mb, 2, &cb);
    if (n > 0) quota_add(s->maildir.s, -s->mb.expunged_bytes, -n);
    r = reply_ok(s, "MOVE completed");
  } else {
    if (!stralloc_cats(&text, "COPY completed") || !stralloc_0(&text)) r = reply_ok(s, "COPY completed");
    else r = reply_ok(s, text.s);
  }
out:
  stralloc_free(&dir);
  stralloc_free(&text);
  stralloc_free(&res.srcuids);
  return r;
}

CMD(copy) { return copy_command(s, args, 0); }
