#include "imap-quota.h"

/* GETQUOTAROOT (RFC 2087): every folder shares the Maildir's one root "". */
CMD(getquotaroot)
{
  if (!imap_is_string(args) || arg_next(s, args)) return reply_bad(s, "GETQUOTAROOT takes a mailbox name");
  if (!folder_exists(s, arg_str(s, args))) return reply_no(s, "[NONEXISTENT] Mailbox does not exist");
  out_s(s, "* QUOTAROOT ");
  out_astring(s, arg_str(s, args), args->len);
  out_s(s, " \"\"\r\n");
  out_quota(s);
  return reply_ok(s, "GETQUOTAROOT completed");
}
