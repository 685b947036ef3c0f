#include "imapd.h"

/* SETQUOTA: quotas come from the account (MAILDIRQUOTA), not the user. */
CMD(setquota)
{
  (void)args;
  return reply_no(s, "[NOPERM] Quotas are set by the administrator");
}
