#include "imap-quota.h"

CMD(getquota)
{
  if (!imap_is_string(args) || arg_next(s, args)) return reply_bad(s, "GETQUOTA takes a quota root");
  if (*arg_str(s, args)) return reply_no(s, "No such quota root");
  out_quota(s);
  return reply_ok(s, "GETQUOTA completed");
}
