#include "die.h"
#include "imap-sortset.h"

/* THREAD (RFC 5256): ORDEREDSUBJECT or REFERENCES, charset, keys. */
CMD(thread)
{
  enum thread_algo algo;
  const char *why = "Invalid search";
  if (imap_atom_is(&s->cmd, args, "ORDEREDSUBJECT")) algo = THREAD_ORDEREDSUBJECT;
  else if (imap_atom_is(&s->cmd, args, "REFERENCES")) algo = THREAD_REFERENCES;
  else return reply_bad(s, "Unknown threading algorithm");
  int r = sortset_search(s, arg_next(s, args), &why);
  if (r < 0) return reply_no(s, "[BADCHARSET (UTF-8 US-ASCII)] Unknown charset");
  if (r == 0) return reply_bad(s, why);
  struct sort_set set = { 0 };
  stralloc out = { 0 };
  if (sortset_fill(s, &set, SORT_NEED_THREAD | (1u << SORT_SUBJECT) | (1u << SORT_DATE)) < 0 ||
      thread_run(&set, algo, &out) < 0)
    die_nomem();
  out_s(s, out.len ? "* THREAD " : "* THREAD");
  out_b(s, out.s, out.len);
  out_s(s, "\r\n");
  stralloc_free(&out);
  sort_free(&set);
  return reply_ok(s, "THREAD completed");
}
