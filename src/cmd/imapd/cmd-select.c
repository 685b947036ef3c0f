#include "imapd.h"

/* SELECT and EXAMINE: a mailbox name, then optionally (CONDSTORE). */
int select_command(struct session *s, struct imap_arg *args, int readonly)
{
  struct imap_arg *opt = arg_next(s, args);
  if (!imap_is_string(args) || (opt && (opt->type != IMAP_LIST || arg_next(s, opt))))
    return reply_bad(s, "SELECT and EXAMINE take a mailbox name and optional parameters");
  if (opt) {   /* RFC 7162 */
    struct imap_arg *p = imap_argp(&s->cmd, opt->child);
    if (!imap_atom_is(&s->cmd, p, "CONDSTORE") || arg_next(s, p)) return reply_bad(s, "Unknown SELECT parameter");
    s->condstore = 1;
  }
  return session_select(s, arg_str(s, args), readonly);
}

CMD(select) { return select_command(s, args, 0); }
