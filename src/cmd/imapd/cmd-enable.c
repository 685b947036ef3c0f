#include "imapd.h"

/* ENABLE (RFC 5161): none of the extensions offered here changes how
 * responses look, so nothing is ever enabled (CONDSTORE is not offered);
 * names are checked and ignored, as the RFC asks. */
CMD(enable)
{
  if (!args) return reply_bad(s, "ENABLE needs at least one capability");
  for (struct imap_arg *a = args; a; a = arg_next(s, a))
    if (a->type != IMAP_ATOM) return reply_bad(s, "ENABLE takes atoms");
  out_s(s, "* ENABLED\r\n");
  return reply_ok(s, "ENABLE completed");
}
