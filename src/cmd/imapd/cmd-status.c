#include <string.h>
#include "imapd.h"

/* STATUS: from the selected mailbox when it is that one, else from a
 * read-only look at the folder (which gives UIDs to new files, so
 * UIDNEXT is exact). */
static const char *const items[] = { "MESSAGES", "RECENT", "UIDNEXT", "UIDVALIDITY", "UNSEEN", "SIZE",
                                     "HIGHESTMODSEQ" };

static unsigned long long value(struct mbox *mb, int item)
{
  unsigned long long n = 0;
  switch (item) {
  case 0: return mb->n;
  case 1:
    for (size_t i = 0; i < mb->n; ++i) n += (mb->m[i].flags & (F_RECENT | F_NEW)) != 0;
    return n;
  case 2: return mb->uidnext;
  case 3: return mb->uidvalidity;
  case 4:
    for (size_t i = 0; i < mb->n; ++i) n += !(mb->m[i].flags & F_SEEN);
    return n;
  case 5:
    for (size_t i = 0; i < mb->n; ++i) n += (unsigned long long)mbox_vsize(mb, i);
    return n;
  default: return mb->highestmodseq;
  }
}

CMD(status)
{
  struct imap_arg *name = args, *list = arg_next(s, args);
  if (!imap_is_string(name) || !list || list->type != IMAP_LIST || arg_next(s, list) || list->child < 0)
    return reply_bad(s, "STATUS takes a mailbox and a list of items");
  int want[8], nw = 0;
  for (struct imap_arg *i = imap_argp(&s->cmd, list->child); i; i = arg_next(s, i)) {
    int k = -1;
    for (int j = 0; j < 7; ++j)
      if (imap_atom_is(&s->cmd, i, items[j])) k = j;
    if (k < 0 || nw >= 8) return reply_bad(s, "Unknown STATUS item");
    want[nw++] = k;
  }
  stralloc dir = { 0 }, canon = { 0 };
  struct mbox tmp = { 0 }, *mb = &tmp;
  int r;
  if (!folder_dir(s, arg_str(s, name), &dir) || !folder_canon(arg_str(s, name), &canon)) {
    r = reply_no(s, "[CANNOT] Invalid mailbox name");
    goto out;
  }
  if (s->state == S_SELECTED && !strcmp(canon.s, s->mb.name.s)) {
    mb = &s->mb;
    report_changes(s, 0);
  } else if (mbox_open(&tmp, dir.s, canon.s, 1) < 0) {
    r = reply_no(s, "[NONEXISTENT] Mailbox does not exist");
    goto out;
  }
  out_s(s, "* STATUS ");
  out_astring(s, arg_str(s, name), name->len);
  out_s(s, " (");
  for (int i = 0; i < nw; ++i) {
    if (i) out_s(s, " ");
    out_s(s, items[want[i]]);
    out_s(s, " ");
    out_u(s, value(mb, want[i]));
  }
  out_s(s, ")\r\n");
  r = reply_ok(s, "STATUS completed");
out:
  if (mb == &tmp) mbox_free(&tmp);
  stralloc_free(&dir);
  stralloc_free(&canon);
  return r;
}
