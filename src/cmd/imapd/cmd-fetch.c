#include <stdlib.h>
#include "die.h"
#include "imap-fetch.h"

/* FETCH and UID FETCH. A message expunged by another process meanwhile
 * is left out and the command ends in NO, as RFC 2180 4.1.3 allows. */
CMD(fetch)
{
  if (!imap_is_string(args)) return reply_bad(s, "FETCH needs a sequence set");
  struct fetch *f = calloc(1, sizeof *f);
  if (!f) die_nomem();
  const char *why;
  if (!fetch_parse(s, f, arg_next(s, args), &why)) {
    fetch_free(f);
    free(f);
    return reply_bad(s, why);
  }
  /* "1:*" in an empty mailbox finds nothing, as Courier answers. */
  if (seqset_mark(s, arg_str(s, args), s->uid) < 0) {
    fetch_free(f);
    free(f);
    return reply_bad(s, "Invalid sequence set");
  }
  int gone = 0;
  for (size_t i = 0; i < s->mb.n; ++i) {
    struct msg *m = &s->mb.m[i];
    if (!(m->flags & F_MARK) || (f->changedsince_set && m->modseq <= f->changedsince)) continue;
    if (fetch_one(s, f, i) < 0) ++gone;
  }
  if (f->sets_seen) mbox_modseq_commit(&s->mb, 0);
  fetch_free(f);
  free(f);
  return gone ? reply_no(s, "[EXPUNGEISSUED] Some messages were expunged meanwhile") : reply_ok(s, "FETCH completed");
}
