#include "imap-list.h"

CMD(unsubscribe)
{
  stralloc canon = { 0 };
  if (!imap_is_string(args) || arg_next(s, args)) return reply_bad(s, "UNSUBSCRIBE takes a mailbox name");
  if (!folder_canon(arg_str(s, args), &canon)) return reply_no(s, "Invalid mailbox name");
  int r = subs_set(s, canon.s, 0);
  stralloc_free(&canon);
  return r < 0 ? reply_no(s, "Unable to write subscriptions") : reply_ok(s, "UNSUBSCRIBE completed");
}
