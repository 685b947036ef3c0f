/* The data items of FETCH (RFC 3501 6.4.5). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "imap-fetch.h"

static const struct { const char *name; int kind; } simple[] = {
  { "UID", FI_UID }, { "FLAGS", FI_FLAGS }, { "INTERNALDATE", FI_INTERNALDATE },
  { "RFC822.SIZE", FI_SIZE }, { "ENVELOPE", FI_ENVELOPE }, { "BODY", FI_BODY },
  { "BODYSTRUCTURE", FI_BODYSTRUCTURE }, { "MODSEQ", FI_MODSEQ },
};

static struct fetch_item *add(struct fetch *f, int kind, const char **why)
{
  if (kind == FI_UID && f->has_uid) return &f->item[0];   /* UID FETCH ... (UID) */
  if (kind == FI_MODSEQ && f->has_modseq) return &f->item[0];
  if (f->n >= FETCH_MAX_ITEMS) { *why = "Too many FETCH items"; return 0; }
  struct fetch_item *it = &f->item[f->n++];
  it->kind = kind;
  it->peek = it->whole = it->partial = 0;
  it->label.len = 0;
  it->store.len = 0;
  memset(&it->sec, 0, sizeof it->sec);
  if (kind == FI_FLAGS) f->has_flags = 1;
  if (kind == FI_UID) f->has_uid = 1;
  if (kind == FI_MODSEQ) f->has_modseq = 1;
  if (kind == FI_ENVELOPE) f->need_buf = 1;
  if (kind == FI_BODY || kind == FI_BODYSTRUCTURE) f->need_buf = f->need_tree = 1;
  return it;
}

/* "<origin.count>" after a section. */
static int parse_partial(struct fetch_item *it, const char *p)
{
  if (!*p) return 1;
  char *end;
  if (*p != '<' || !isdigit((unsigned char)p[1])) return 0;
  it->origin = strtoul(p + 1, &end, 10);
  if (*end != '.' || !isdigit((unsigned char)end[1])) return 0;
  it->count = strtoul(end + 1, &end, 10);
  if (end[0] != '>' || end[1] || !it->count) return 0;
  it->partial = 1;
  return 1;
}

static int label_section(struct fetch_item *it, const char *sec, size_t len)
{
  int quoted = 0;
  if (!stralloc_copys(&it->label, "BODY[")) return 0;
  for (size_t i = 0; i < len; ++i) {
    char c = sec[i];
    if (c == '"') quoted = !quoted;
    if (!quoted) c = (char)toupper((unsigned char)c);
    if (!stralloc_append(&it->label, &c)) return 0;
  }
  return stralloc_cats(&it->label, "]");
}

static int parse_section(struct session *s, struct fetch *f, const char *str, const char **why)
{
  int peek = !strncasecmp(str, "BODY.PEEK[", 10);
  const char *open = strchr(str, '[');
  const char *close = strrchr(str, ']');
  if (!close || close < open) { *why = "Bad section"; return 0; }
  struct fetch_item *it = add(f, FI_SECTION, why);
  if (!it) return 0;
  it->peek = peek;
  size_t len = (size_t)(close - open - 1);
  int r = mime_section_parse(&it->sec, open + 1, len, &it->store, it->names, it->lens, FETCH_MAX_FIELDS);
  if (r <= 0) { *why = "Bad section"; return 0; }
  if (!parse_partial(it, close + 1)) { *why = "Bad partial"; return 0; }
  if (!label_section(it, open + 1, len)) return 0;
  it->whole = !it->sec.nparts && it->sec.kind == MIME_SEC_ALL;
  f->need_buf = 1;
  if (!it->whole) f->need_tree = 1;
  if (!peek) f->sets_seen = 1;
  (void)s;
  return 1;
}

static int parse_one(struct session *s, struct fetch *f, struct imap_arg *a, const char **why)
{
  const char *str = arg_str(s, a);
  if (a->type != IMAP_ATOM) { *why = "Bad FETCH item"; return 0; }
  for (size_t i = 0; i < sizeof simple / sizeof simple[0]; ++i)
    if (!strcasecmp(str, simple[i].name)) return add(f, simple[i].kind, why) != 0;
  if (!strncasecmp(str, "BODY[", 5) || !strncasecmp(str, "BODY.PEEK[", 10))
    return parse_section(s, f, str, why);
  const char *sec = !strcasecmp(str, "RFC822") ? "" : !strcasecmp(str, "RFC822.HEADER") ? "HEADER"
                  : !strcasecmp(str, "RFC822.TEXT") ? "TEXT" : 0;
  if (!sec) { *why = "Unknown FETCH item"; return 0; }
  struct fetch_item *it = add(f, FI_SECTION, why);
  if (!it) return 0;
  mime_section_parse(&it->sec, sec, strlen(sec), &it->store, it->names, it->lens, 0);
  it->whole = !*sec;
  it->peek = !strcasecmp(str, "RFC822.HEADER");
  if (!it->peek) f->sets_seen = 1;
  f->need_buf = 1;
  f->need_tree |= !it->whole;
  return stralloc_copys(&it->label, sec[0] == 'H' ? "RFC822.HEADER" : sec[0] == 'T' ? "RFC822.TEXT" : "RFC822");
}

static int macro(struct session *s, struct fetch *f, struct imap_arg *a, const char **why)
{
  static const int fast[] = { FI_FLAGS, FI_INTERNALDATE, FI_SIZE, 0 };
  static const int all[] = { FI_FLAGS, FI_INTERNALDATE, FI_SIZE, FI_ENVELOPE, 0 };
  static const int full[] = { FI_FLAGS, FI_INTERNALDATE, FI_SIZE, FI_ENVELOPE, FI_BODY, 0 };
  const int *list = imap_atom_is(&s->cmd, a, "FAST") ? fast : imap_atom_is(&s->cmd, a, "ALL") ? all
                  : imap_atom_is(&s->cmd, a, "FULL") ? full : 0;
  if (!list) return -1;
  for (; *list; ++list)
    if (!add(f, *list, why)) return 0;
  return 1;
}

int fetch_parse(struct session *s, struct fetch *f, struct imap_arg *a, const char **why)
{
  *why = "Bad FETCH items";
  if (!a) return 0;
  if (s->uid && !add(f, FI_UID, why)) return 0;
  if (a->type == IMAP_LIST) {
    if (a->child < 0) return 0;
    for (struct imap_arg *i = imap_argp(&s->cmd, a->child); i; i = arg_next(s, i))
      if (!parse_one(s, f, i, why)) return 0;
  } else {
    int m = macro(s, f, a, why);
    if (m == 0) return 0;
    if (m < 0 && !parse_one(s, f, a, why)) return 0;
  }
  struct imap_arg *mod = arg_next(s, a);
  if (mod) {   /* RFC 7162: (CHANGEDSINCE n) */
    struct imap_arg *k = mod->type == IMAP_LIST ? imap_argp(&s->cmd, mod->child) : 0, *v = arg_next(s, k);
    char *end;
    *why = "Unknown FETCH modifier";
    if (!imap_atom_is(&s->cmd, k, "CHANGEDSINCE") || !v || v->type != IMAP_ATOM || arg_next(s, v) || arg_next(s, mod))
      return 0;
    f->changedsince = strtoull(arg_str(s, v), &end, 10);
    if (*end || !isdigit((unsigned char)*arg_str(s, v))) return 0;
    f->changedsince_set = 1;
    if (!add(f, FI_MODSEQ, why)) return 0;
  }
  if (f->has_modseq) s->condstore = 1;
  return 1;
}

void fetch_free(struct fetch *f)
{
  for (int i = 0; i < FETCH_MAX_ITEMS; ++i) {
    stralloc_free(&f->item[i].label);
    stralloc_free(&f->item[i].store);
  }
  mime_free(&f->mime);
  stralloc_free(&f->text);
}
