#include <strings.h>
#include "imapd.h"

/* ENABLE (RFC 5161): CONDSTORE is the one extension that changes how
 * responses look; the others named are ignored, as the RFC asks. */
CMD(enable)
{
  if (!args) return reply_bad(s, "ENABLE needs at least one capability");
  int first = 1;
  for (struct imap_arg *a = args; a; a = arg_next(s, a)) {
    if (a->type != IMAP_ATOM) return reply_bad(s, "ENABLE takes atoms");
    if (!strcasecmp(arg_str(s, a), "CONDSTORE") && !(s->enabled & EN_CONDSTORE)) {
      s->enabled |= EN_CONDSTORE;
      out_s(s, first ? "* ENABLED CONDSTORE" : " CONDSTORE");
      first = 0;
    }
  }
  out_s(s, first ? "* ENABLED\r\n" : "\r\n");
  return reply_ok(s, "ENABLE completed");
}
