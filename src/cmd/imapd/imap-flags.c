/* Flag lists of STORE, APPEND and the FLAGS/PERMANENTFLAGS responses. */
#include <string.h>
#include <strings.h>
#include "imapd.h"

static const struct { const char *name; unsigned bit; } sysflags[] = {
  { "\\Seen", F_SEEN }, { "\\Answered", F_ANSWERED }, { "\\Flagged", F_FLAGGED },
  { "\\Deleted", F_DELETED }, { "\\Draft", F_DRAFT },
};

/* A keyword is an atom: no specials, no '\\' at the start. */
static int keyword_ok(const char *k)
{
  if (!*k || strlen(k) > 128) return 0;
  for (const char *p = k; *p; ++p)
    if ((unsigned char)*p <= ' ' || (unsigned char)*p >= 0x7f || strchr("(){%*\"\\]", *p)) return 0;
  return 1;
}

static int one_flag(struct session *s, const char *f, unsigned *flags, unsigned *kw, struct mbox *kwmb, int add)
{
  for (size_t i = 0; i < sizeof sysflags / sizeof sysflags[0]; ++i)
    if (!strcasecmp(f, sysflags[i].name)) { *flags |= sysflags[i].bit; return 1; }
  if (!strcasecmp(f, "\\Recent")) return 1;   /* not settable: ignored */
  if (f[0] == '\\') return 0;
  if (!keyword_ok(f)) return 0;
  if (!s->cfg.keywords || !kwmb) return 1;
  int k = kw_index(kwmb, f, add);
  if (k >= 0) *kw |= 1u << k;
  return 1;
}

int flags_parse(struct session *s, const struct imap_arg *a, unsigned *flags, unsigned *kw, struct mbox *kwmb, int add)
{
  *flags = *kw = 0;
  if (!a) return 0;
  if (a->type == IMAP_ATOM) return one_flag(s, imap_str(&s->cmd, a), flags, kw, kwmb, add);
  if (a->type != IMAP_LIST) return 0;
  for (const struct imap_arg *f = imap_argp(&s->cmd, a->child); f; f = imap_argp(&s->cmd, f->next))
    if (f->type != IMAP_ATOM || !one_flag(s, imap_str(&s->cmd, f), flags, kw, kwmb, add)) return 0;
  return 1;
}

void out_permflags(struct session *s)
{
  struct mbox *mb = &s->mb;
  out_s(s, "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft");
  for (int k = 0; k < mb->nkw; ++k)
    if (mb->kwnames[k].len) { out_s(s, " "); out_s(s, mb->kwnames[k].s); }
  out_s(s, ")\r\n");
  if (mb->readonly) {
    out_s(s, "* OK [PERMANENTFLAGS ()] No permanent flags permitted\r\n");
    return;
  }
  out_s(s, "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft");
  for (int k = 0; k < mb->nkw; ++k)
    if (mb->kwnames[k].len) { out_s(s, " "); out_s(s, mb->kwnames[k].s); }
  if (s->cfg.keywords && mb->nkw < KW_MAX) out_s(s, " \\*");
  out_s(s, ")] Limited\r\n");
}
