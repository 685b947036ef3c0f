#include <string.h>
#include "die.h"
#include "imap-list.h"

/* LSUB: the subscribed names matching the pattern; a subscribed name
 * whose folder is gone is shown \Noselect. */
CMD(lsub)
{
  struct imap_arg *ref = args, *pat = arg_next(s, args);
  if (!imap_is_string(ref) || !imap_is_string(pat) || arg_next(s, pat))
    return reply_bad(s, "LSUB takes a reference and a pattern");
  stralloc subs = { 0 }, p = { 0 }, name = { 0 };
  if (subs_load(s, &subs) < 0) return reply_no(s, "Unable to read subscriptions");
  if (!list_pattern(arg_str(s, ref), arg_str(s, pat), &p)) die_nomem();
  for (size_t i = 0; i < subs.len;) {
    const char *line = subs.s + i, *e = memchr(line, '\n', subs.len - i);
    size_t l = e ? (size_t)(e - line) : subs.len - i;
    i += l + 1;
    if (!l || !stralloc_copyb(&name, line, l) || !stralloc_0(&name)) continue;
    if (!list_match(p.s, name.s)) continue;
    out_s(s, folder_exists(s, name.s) ? "* LSUB () \".\" " : "* LSUB (\\Noselect) \".\" ");
    out_astring(s, name.s, l);
    out_s(s, "\r\n");
  }
  stralloc_free(&subs);
  stralloc_free(&p);
  stralloc_free(&name);
  return reply_ok(s, "LSUB completed");
}
