#include "imapd.h"

/* ENABLE (RFC 5161): CONDSTORE is the one extension offered that
 * changes how responses look; other names are ignored, as the RFC asks. */
CMD(enable)
{
  if (!args) return reply_bad(s, "ENABLE needs at least one capability");
  int now = 0;
  for (struct imap_arg *a = args; a; a = arg_next(s, a)) {
    if (a->type != IMAP_ATOM) return reply_bad(s, "ENABLE takes atoms");
    if (imap_atom_is(&s->cmd, a, "CONDSTORE") && !s->condstore) now = s->condstore = 1;
  }
  out_s(s, now ? "* ENABLED CONDSTORE\r\n" : "* ENABLED\r\n");
  return reply_ok(s, "ENABLE completed");
}
