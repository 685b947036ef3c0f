#include "imapd.h"

/* LOGIN, AUTHENTICATE and STARTTLS belong to imap-login; here the
 * session is authenticated already (RFC 3501 6.2). */
CMD(login)
{
  (void)args;
  return reply_bad(s, "Already authenticated");
}

CMD(authenticate)
{
  (void)args;
  return reply_bad(s, "Already authenticated");
}

CMD(starttls)
{
  (void)args;
  return reply_bad(s, "STARTTLS is only allowed before authentication");
}
