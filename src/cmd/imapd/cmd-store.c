#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "imapd.h"

/* "(UNCHANGEDSINCE n)" (RFC 7162): 1 and *n set, 0 none, -1 malformed. */
static int unchangedsince(struct session *s, struct imap_arg *a, unsigned long long *n)
{
  if (!a || a->type != IMAP_LIST) return 0;
  struct imap_arg *k = imap_argp(&s->cmd, a->child), *v = arg_next(s, k);
  char *end;
  if (!imap_atom_is(&s->cmd, k, "UNCHANGEDSINCE") || !v || v->type != IMAP_ATOM || arg_next(s, v) ||
      !isdigit((unsigned char)*arg_str(s, v)))
    return -1;
  *n = strtoull(arg_str(s, v), &end, 10);
  return *end ? -1 : 1;
}

static unsigned new_flags(const struct msg *m, int mode, unsigned flags, unsigned kw, unsigned *nk)
{
  unsigned nf = m->flags & F_LETTERS;
  *nk = m->kw;
  if (mode > 0) { nf |= flags; *nk |= kw; }
  else if (mode < 0) { nf &= ~flags; *nk &= ~kw; }
  else { nf = (nf & ~(F_SEEN | F_ANSWERED | F_FLAGGED | F_DELETED | F_DRAFT)) | flags; *nk = kw; }
  return nf;
}

static void say(struct session *s, size_t i)
{
  struct msg *m = &s->mb.m[i];
  out_s(s, "* ");
  out_u(s, i + 1);
  out_s(s, " FETCH (");
  if (s->uid) { out_s(s, "UID "); out_u(s, m->uid); out_s(s, " "); }
  out_s(s, "FLAGS ");
  out_flags(s, &s->mb, m);
  if (s->condstore) { out_s(s, " MODSEQ ("); out_u(s, m->modseq); out_s(s, ")"); }
  out_s(s, ")\r\n");
}

/* The messages UNCHANGEDSINCE refused, as "[MODIFIED set]". */
static int modified_reply(struct session *s, const stralloc *mod)
{
  stralloc text = { 0 };
  int r;
  if (stralloc_copys(&text, "[MODIFIED ") && stralloc_catb(&text, mod->s, mod->len) &&
      stralloc_cats(&text, "] Conditional STORE failed") && stralloc_0(&text))
    r = reply_ok(s, text.s);
  else
    r = reply_ok(s, "STORE completed");
  stralloc_free(&text);
  return r;
}

/* STORE / UID STORE: FLAGS, +FLAGS, -FLAGS, each optionally .SILENT,
 * with CONDSTORE's UNCHANGEDSINCE. */
CMD(store)
{
  struct imap_arg *set = args, *what = arg_next(s, args);
  unsigned long long since = 0;
  int cond = unchangedsince(s, what, &since);
  if (cond < 0) return reply_bad(s, "Unknown STORE modifier");
  if (cond) what = arg_next(s, what);
  struct imap_arg *list = arg_next(s, what);
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
  if (cond) s->condstore = 1;
  unsigned flags, kw;
  int nkw = s->mb.nkw;
  if (!flags_parse(s, list, &flags, &kw, &s->mb, mode >= 0)) return reply_bad(s, "Invalid flag");
  if (s->mb.nkw != nkw) out_permflags(s);   /* a new keyword */
  if (seqset_mark(s, arg_str(s, set), s->uid) < 0) return reply_bad(s, "Invalid sequence set");
  stralloc mod = { 0 };
  for (size_t i = 0; i < s->mb.n; ++i) {
    struct msg *m = &s->mb.m[i];
    if (!(m->flags & F_MARK)) continue;
    if (cond && m->modseq > since) {
      char num[16];
      snprintf(num, sizeof num, "%s%lu", mod.len ? "," : "", s->uid ? (unsigned long)m->uid : (unsigned long)i + 1);
      (void)stralloc_cats(&mod, num);
      m->flags &= ~F_MARK;
      continue;
    }
    unsigned nk, nf = new_flags(m, mode, flags, kw, &nk);
    /* A message another session removed meanwhile is left alone: it is
     * gone, and its EXPUNGE comes at the next chance (RFC 2180 4.2.1). */
    if (mbox_set_flags(&s->mb, i, nf, nk) < 0) m->flags &= ~F_MARK;
  }
  mbox_modseq_commit(&s->mb, 0);
  for (size_t i = 0; i < s->mb.n; ++i)
    if ((s->mb.m[i].flags & F_MARK) && (!silent || cond)) say(s, i);
  int r = mod.len ? modified_reply(s, &mod) : reply_ok(s, "STORE completed");
  stralloc_free(&mod);
  return r;
}
