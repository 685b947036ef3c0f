#include "imapd.h"

CMD(logout)
{
  (void)args;
  out_s(s, "* BYE postern IMAP server signing off\r\n");
  s->nosync = 1;
  reply_ok(s, "LOGOUT completed");
  if (s->state == S_SELECTED) session_unselect(s);
  s->state = S_LOGOUT;
  return 0;
}
