#include "imapd.h"

/* ID (RFC 2971): the client's list is accepted and not logged here. */
CMD(id)
{
  if (!args || (args->type != IMAP_LIST && !imap_atom_is(&s->cmd, args, "NIL")) || arg_next(s, args))
    return reply_bad(s, "ID takes one list or NIL");
  out_s(s, "* ID (\"name\" \"postern\")\r\n");
  return reply_ok(s, "ID completed");
}
