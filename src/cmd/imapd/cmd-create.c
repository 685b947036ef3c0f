#include <errno.h>
#include "imap-list.h"
#include "maildir.h"

/* CREATE: a Maildir++ folder. A trailing separator is dropped (RFC 3501
 * 6.3.3); parents need no directory of their own. */
CMD(create)
{
  if (!imap_is_string(args) || arg_next(s, args)) return reply_bad(s, "CREATE takes a mailbox name");
  stralloc name = { 0 }, dir = { 0 };
  int r;
  if (!stralloc_copyb(&name, arg_str(s, args), args->len) || !stralloc_0(&name)) return reply_no(s, "Out of memory");
  if (name.len > 1 && name.s[name.len - 2] == '.') name.s[name.len - 2] = 0;
  if (folder_is_inbox(name.s)) r = reply_no(s, "[ALREADYEXISTS] INBOX always exists");
  else if (!folder_dir(s, name.s, &dir)) r = reply_no(s, "[CANNOT] Invalid mailbox name");
  else if (maildir_make(dir.s, 1) < 0)
    r = errno == EEXIST ? reply_no(s, "[ALREADYEXISTS] Mailbox exists") : reply_no(s, "[SERVERBUG] Unable to create mailbox");
  else r = reply_ok(s, "CREATE completed");
  stralloc_free(&name);
  stralloc_free(&dir);
  return r;
}
