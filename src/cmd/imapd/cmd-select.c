#include "imapd.h"

CMD(select)
{
  if (!imap_is_string(args) || arg_next(s, args)) return reply_bad(s, "SELECT takes one mailbox name");
  return session_select(s, arg_str(s, args), 0);
}
