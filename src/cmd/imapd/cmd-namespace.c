#include "imapd.h"

/* NAMESPACE (RFC 2342): personal "INBOX." and the reserved "shared.". */
CMD(namespace)
{
  if (args) return reply_bad(s, "NAMESPACE takes no arguments");
  out_s(s, "* NAMESPACE ((\"INBOX.\" \".\")) NIL ((\"shared.\" \".\"))\r\n");
  return reply_ok(s, "NAMESPACE completed");
}
