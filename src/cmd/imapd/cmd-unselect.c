#include "imapd.h"

/* UNSELECT (RFC 3691): close without expunging. */
CMD(unselect)
{
  if (args) return reply_bad(s, "UNSELECT takes no arguments");
  session_unselect(s);
  return reply_ok(s, "UNSELECT completed");
}
