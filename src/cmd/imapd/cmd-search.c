#include <stdio.h>
#include <strings.h>
#include "die.h"
#include "imap-search.h"

#define RET_MIN 1
#define RET_MAX 2
#define RET_ALL 4
#define RET_COUNT 8

/* ESEARCH (RFC 4731): "RETURN (MIN MAX ALL COUNT)" before the keys. */
static int return_opts(struct session *s, struct imap_arg **a)
{
  if (!imap_atom_is(&s->cmd, *a, "RETURN")) return 0;
  struct imap_arg *l = arg_next(s, *a);
  if (!l || l->type != IMAP_LIST) return -1;
  int opts = 0;
  for (struct imap_arg *o = imap_argp(&s->cmd, l->child); o; o = arg_next(s, o)) {
    if (imap_atom_is(&s->cmd, o, "MIN")) opts |= RET_MIN;
    else if (imap_atom_is(&s->cmd, o, "MAX")) opts |= RET_MAX;
    else if (imap_atom_is(&s->cmd, o, "ALL")) opts |= RET_ALL;
    else if (imap_atom_is(&s->cmd, o, "COUNT")) opts |= RET_COUNT;
    else return -1;
  }
  *a = arg_next(s, l);
  return opts ? opts : RET_ALL;
}

static unsigned long id_of(struct session *s, size_t i) { return s->uid ? s->mb.m[i].uid : i + 1; }

/* The matches as a compact set "1:3,7". */
static void out_set(struct session *s)
{
  int first = 1;
  for (size_t i = 0; i < s->mb.n; ++i) {
    if (!(s->mb.m[i].flags & F_MARK)) continue;
    size_t j = i;
    while (j + 1 < s->mb.n && (s->mb.m[j + 1].flags & F_MARK) && (s->uid ? s->mb.m[j + 1].uid == s->mb.m[j].uid + 1 : 1)) ++j;
    if (!first) out_s(s, ",");
    first = 0;
    out_u(s, id_of(s, i));
    if (j > i) { out_s(s, ":"); out_u(s, id_of(s, j)); }
    i = j;
  }
}

static void out_esearch(struct session *s, int opts, long count)
{
  out_s(s, "* ESEARCH (TAG \"");
  out_s(s, s->tag);   /* a tag is an atom: no quotes or backslashes */
  out_s(s, "\")");
  if (s->uid) out_s(s, " UID");
  size_t lo = s->mb.n, hi = 0;
  for (size_t i = 0; i < s->mb.n; ++i)
    if (s->mb.m[i].flags & F_MARK) { if (lo == s->mb.n) lo = i; hi = i; }
  if (count > 0 && (opts & RET_MIN)) { out_s(s, " MIN "); out_u(s, id_of(s, lo)); }
  if (count > 0 && (opts & RET_MAX)) { out_s(s, " MAX "); out_u(s, id_of(s, hi)); }
  if (opts & RET_COUNT) { out_s(s, " COUNT "); out_u(s, (unsigned long long)count); }
  if (count > 0 && (opts & RET_ALL)) { out_s(s, " ALL "); out_set(s); }
  out_s(s, "\r\n");
}

CMD(search)
{
  struct search_prog p;
  const char *charset = 0, *why = "Invalid search";
  int opts = return_opts(s, &args);
  if (opts < 0) return reply_bad(s, "Invalid RETURN options");
  if (imap_atom_is(&s->cmd, args, "CHARSET")) {
    struct imap_arg *cs = arg_next(s, args);
    if (!imap_is_string(cs)) return reply_bad(s, "CHARSET needs a name");
    charset = arg_str(s, cs);
    args = arg_next(s, cs);
  }
  if (search_init(&p) < 0) die_nomem();
  s->search_modseq = 0;
  int r = search_parse(s, &p, args, charset, &why);
  if (r <= 0) {
    search_done(&p);
    return r < 0 ? reply_no(s, "[BADCHARSET (UTF-8 US-ASCII)] Unknown charset") : reply_bad(s, why);
  }
  long count = search_run(s, &p);
  search_done(&p);
  if (count < 0) return reply_no(s, "Search failed");
  unsigned long long top = 0;   /* RFC 7162: the highest mod-sequence found */
  for (size_t i = 0; i < s->mb.n; ++i)
    if ((s->mb.m[i].flags & F_MARK) && s->mb.m[i].modseq > top) top = s->mb.m[i].modseq;
  if (opts) out_esearch(s, opts, count);
  else {
    out_s(s, "* SEARCH");
    for (size_t i = 0; i < s->mb.n; ++i)
      if (s->mb.m[i].flags & F_MARK) { out_s(s, " "); out_u(s, id_of(s, i)); }
    if (s->search_modseq && count > 0) { out_s(s, " (MODSEQ "); out_u(s, top); out_s(s, ")"); }
    out_s(s, "\r\n");
  }
  return reply_ok(s, "SEARCH completed");
}
