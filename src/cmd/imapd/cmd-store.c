#include <string.h>
#include <strings.h>
#include "imapd.h"

/* STORE / UID STORE: FLAGS, +FLAGS, -FLAGS, each optionally .SILENT. */
CMD(store)
{
  struct imap_arg *set = args, *what = arg_next(s, args), *list = arg_next(s, what);
  if (!imap_is_string(set) || !what || what->type != IMAP_ATOM || !list || arg_next(s, list))
    return reply_bad(s, "STORE takes a set, an item and flags");
  const char *w = arg_str(s, what);
  int mode = *w == '+' ? 1 : *w == '-' ? -1 : 0;
  if (mode) ++w;
  int silent;
  if (!strcasecmp(w, "FLAGS")) silent = 0;
  else if (!strcasecmp(w, "FLAGS.SILENT")) silent = 1;
  else return reply_bad(s, "Unknown STORE item");
  if (s->mb.readonly) return reply_no(s, "[READ-ONLY] Mailbox is read-only");
  unsigned flags, kw;
  int nkw = s->mb.nkw;
  if (!flags_parse(s, list, &flags, &kw, &s->mb, mode >= 0)) return reply_bad(s, "Invalid flag");
  if (s->mb.nkw != nkw) out_permflags(s);   /* a new keyword */
  if (seqset_mark(s, arg_str(s, set), s->uid) < 0) return reply_bad(s, "Invalid sequence set");
  int failed = 0;
  for (size_t i = 0; i < s->mb.n; ++i) {
    struct msg *m = &s->mb.m[i];
    if (!(m->flags & F_MARK)) continue;
    unsigned nf = m->flags & F_LETTERS, nk = m->kw;
    if (mode > 0) { nf |= flags; nk |= kw; }
    else if (mode < 0) { nf &= ~flags; nk &= ~kw; }
    else { nf = (nf & ~(F_SEEN | F_ANSWERED | F_FLAGGED | F_DELETED | F_DRAFT)) | flags; nk = kw; }
    if (mbox_set_flags(&s->mb, i, nf, nk) < 0) { ++failed; continue; }
    if (silent) continue;
    out_s(s, "* ");
    out_u(s, i + 1);
    out_s(s, " FETCH (");
    if (s->uid) { out_s(s, "UID "); out_u(s, m->uid); out_s(s, " "); }
    out_s(s, "FLAGS ");
    out_flags(s, &s->mb, m);
    out_s(s, ")\r\n");
  }
  /* A message another session removed meanwhile is left alone: it is
   * gone, and the EXPUNGE comes at the next chance (RFC 2180 4.2.1). */
  (void)failed;
  return reply_ok(s, "STORE completed");
}
