#include "imapd.h"

/* CHECK: every change is on disk already; look for others' changes. */
CMD(check)
{
  (void)args;
  return reply_ok(s, "CHECK completed");
}
