#include "imap-list.h"

CMD(subscribe)
{
  stralloc canon = { 0 };
  if (!imap_is_string(args) || arg_next(s, args)) return reply_bad(s, "SUBSCRIBE takes a mailbox name");
  if (!folder_canon(arg_str(s, args), &canon) || !folder_valid(canon.s)) {
    stralloc_free(&canon);
    return reply_no(s, "Invalid mailbox name");
  }
  int r = subs_set(s, canon.s, 1);
  stralloc_free(&canon);
  return r < 0 ? reply_no(s, "Unable to write subscriptions") : reply_ok(s, "SUBSCRIBE completed");
}
