#include "imapd.h"

/* NOOP: nothing but the untagged updates reply() sends first. */
CMD(noop)
{
  (void)args;
  return reply_ok(s, "NOOP completed");
}
