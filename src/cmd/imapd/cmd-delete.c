#include <string.h>
#include "imap-list.h"
#include "imap-rmdir.h"

/* DELETE: the folder and its messages; its children stay (Maildir++
 * folders are independent directories). */
CMD(delete)
{
  if (!imap_is_string(args) || arg_next(s, args)) return reply_bad(s, "DELETE takes a mailbox name");
  const char *name = arg_str(s, args);
  stralloc dir = { 0 }, canon = { 0 };
  int r;
  if (folder_is_inbox(name)) r = reply_no(s, "[CANNOT] INBOX cannot be deleted");
  else if (!folder_dir(s, name, &dir) || !folder_canon(name, &canon)) r = reply_no(s, "[CANNOT] Invalid mailbox name");
  else if (!folder_exists(s, name)) r = reply_no(s, "[NONEXISTENT] Mailbox does not exist");
  else {
    if (s->state == S_SELECTED && !strcmp(s->mb.name.s, canon.s)) session_unselect(s);
    r = folder_remove(s, dir.s) < 0 ? reply_no(s, "[SERVERBUG] Unable to delete mailbox")
                                   : reply_ok(s, "DELETE completed");
    subs_set(s, canon.s, 0);
  }
  stralloc_free(&dir);
  stralloc_free(&canon);
  return r;
}
