/* SEARCH keys (RFC 3501 6.4.4) into the tree imapsearch.h evaluates. */
#include <ctype.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "imap-search.h"

struct sp {
  struct session *s;
  struct search_prog *p;
  const char *charset;
  const char *why;
  stralloc conv;
};

static const struct { const char *name; enum search_key key; int arg; } keys[] = {
  { "ALL", SK_ALL, 0 }, { "ANSWERED", SK_ANSWERED, 0 }, { "DELETED", SK_DELETED, 0 },
  { "DRAFT", SK_DRAFT, 0 }, { "FLAGGED", SK_FLAGGED, 0 }, { "NEW", SK_NEW, 0 }, { "OLD", SK_OLD, 0 },
  { "RECENT", SK_RECENT, 0 }, { "SEEN", SK_SEEN, 0 }, { "UNANSWERED", SK_UNANSWERED, 0 },
  { "UNDELETED", SK_UNDELETED, 0 }, { "UNDRAFT", SK_UNDRAFT, 0 }, { "UNFLAGGED", SK_UNFLAGGED, 0 },
  { "UNSEEN", SK_UNSEEN, 0 },
  { "BCC", SK_BCC, 's' }, { "CC", SK_CC, 's' }, { "FROM", SK_FROM, 's' }, { "SUBJECT", SK_SUBJECT, 's' },
  { "TO", SK_TO, 's' }, { "BODY", SK_BODY, 's' }, { "TEXT", SK_TEXT, 's' },
  { "KEYWORD", SK_KEYWORD, 'k' }, { "UNKEYWORD", SK_UNKEYWORD, 'k' },
  { "BEFORE", SK_BEFORE, 'd' }, { "ON", SK_ON, 'd' }, { "SINCE", SK_SINCE, 'd' },
  { "SENTBEFORE", SK_SENTBEFORE, 'd' }, { "SENTON", SK_SENTON, 'd' }, { "SENTSINCE", SK_SENTSINCE, 'd' },
  { "LARGER", SK_LARGER, 'n' }, { "SMALLER", SK_SMALLER, 'n' }, { "HEADER", SK_HEADER, 'h' },
  { "UID", SK_UIDSET, 'u' }, { "NOT", SK_NOT, 1 }, { "OR", SK_OR, 2 }, { "MODSEQ", SK_MODSEQ, 'm' },
};

int search_charset_ok(const char *cs)
{
  if (!strcasecmp(cs, "UTF-8") || !strcasecmp(cs, "US-ASCII")) return 1;
  iconv_t c = iconv_open("UTF-8", cs);
  if (c == (iconv_t)-1) return 0;
  iconv_close(c);
  return 1;
}

static int bad(struct sp *sp, const char *why) { sp->why = why; return 0; }

static int set_str(struct sp *sp, struct search_node *n, int which, struct imap_arg *a)
{
  const char *str = imap_str(&sp->s->cmd, a);
  size_t len = a->len;
  if (sp->charset && strcasecmp(sp->charset, "UTF-8") && strcasecmp(sp->charset, "US-ASCII")) {
    sp->conv.len = 0;
    if (mime_to_utf8(&sp->conv, sp->charset, strlen(sp->charset), str, len) < 0) return -1;
    str = sp->conv.s;
    len = sp->conv.len;
  }
  return search_node_str(sp->p, n, which, str ? str : "", len) < 0 ? -1 : 1;
}

static struct seqset *new_set(struct sp *sp, const char *str, int uid)
{
  struct mbox *mb = &sp->s->mb;
  struct seqset *set = calloc(1, sizeof *set);
  unsigned long star = uid ? (mb->n ? mb->m[mb->n - 1].uid : 0) : mb->n;
  if (!set) return 0;
  if (!seqset_parse(set, str, star)) { seqset_free(set); free(set); return 0; }
  return set;
}

static int parse_key(struct sp *sp, struct search_node *parent, struct imap_arg **ap, int depth);

static int parse_arg(struct sp *sp, struct search_node *n, int kind, struct imap_arg **ap)
{
  struct imap_arg *a = *ap;
  if (!imap_is_string(a)) return bad(sp, "Missing search argument");
  *ap = imap_argp(&sp->s->cmd, a->next);
  const char *str = imap_str(&sp->s->cmd, a);
  char *end;
  switch (kind) {
  case 's': case 'k': return set_str(sp, n, 1, a);
  case 'd': return search_parse_day(str, a->len, &n->day) ? 1 : bad(sp, "Invalid date");
  case 'n':
    if (!isdigit((unsigned char)*str)) return bad(sp, "Invalid number");
    n->num = strtoull(str, &end, 10);
    return *end ? bad(sp, "Invalid number") : 1;
  case 'h': {
    struct imap_arg *v = *ap;
    if (!imap_is_string(v)) return bad(sp, "HEADER needs a field and a value");
    *ap = imap_argp(&sp->s->cmd, v->next);
    int r = search_node_str(sp->p, n, 1, str, a->len);
    return r < 0 ? -1 : set_str(sp, n, 2, v);
  }
  case 'u':
    n->set = new_set(sp, str, 1);
    return n->set ? 1 : bad(sp, "Invalid UID set");
  case 'm':   /* MODSEQ ["entry" priv|shared|all] n: the entry is not kept apart */
    if (a->type == IMAP_QUOTED || a->type == IMAP_LITERAL) {
      struct imap_arg *type = *ap, *num = type ? imap_argp(&sp->s->cmd, type->next) : 0;
      if (!type || type->type != IMAP_ATOM || !imap_is_string(num)) return bad(sp, "Invalid MODSEQ");
      *ap = imap_argp(&sp->s->cmd, num->next);
      str = imap_str(&sp->s->cmd, num);
    }
    if (!isdigit((unsigned char)*str)) return bad(sp, "Invalid mod-sequence");
    n->num = strtoull(str, &end, 10);
    sp->s->search_modseq = sp->s->condstore = 1;
    return *end ? bad(sp, "Invalid mod-sequence") : 1;
  }
  return 0;
}

static int parse_key(struct sp *sp, struct search_node *parent, struct imap_arg **ap, int depth)
{
  struct imap_arg *a = *ap;
  if (depth > SEARCH_MAX_DEPTH) return bad(sp, "Search program too deeply nested");
  if (!a) return bad(sp, "Missing search key");
  *ap = imap_argp(&sp->s->cmd, a->next);
  if (a->type == IMAP_LIST) {
    struct search_node *and = search_node_new(sp->p, SK_AND);
    if (!and) return -1;
    search_add(parent, and);
    struct imap_arg *c = imap_argp(&sp->s->cmd, a->child);
    if (!c) return bad(sp, "Empty search list");
    while (c) {
      int r = parse_key(sp, and, &c, depth + 1);
      if (r <= 0) return r;
    }
    return 1;
  }
  if (a->type != IMAP_ATOM) return bad(sp, "Invalid search key");
  const char *name = imap_str(&sp->s->cmd, a);
  for (size_t i = 0; i < sizeof keys / sizeof keys[0]; ++i) {
    if (strcasecmp(name, keys[i].name)) continue;
    struct search_node *n = search_node_new(sp->p, keys[i].key);
    if (!n) return -1;
    search_add(parent, n);
    if (keys[i].arg == 1 || keys[i].arg == 2) {
      for (int k = 0; k < keys[i].arg; ++k) {
        int r = parse_key(sp, n, ap, depth + 1);
        if (r <= 0) return r;
      }
      return 1;
    }
    return keys[i].arg ? parse_arg(sp, n, keys[i].arg, ap) : 1;
  }
  if (isdigit((unsigned char)*name) || *name == '*') {
    struct search_node *n = search_node_new(sp->p, SK_SEQSET);
    if (!n) return -1;
    search_add(parent, n);
    n->set = new_set(sp, name, 0);
    return n->set ? 1 : bad(sp, "Invalid sequence set");
  }
  return bad(sp, "Unknown search key");
}

int search_parse(struct session *s, struct search_prog *p, struct imap_arg *a, const char *charset,
                 const char **why)
{
  struct sp sp = { .s = s, .p = p, .charset = charset, .why = "Invalid search" };
  if (charset && !search_charset_ok(charset)) return -1;
  if (!a) { *why = "Missing search key"; return 0; }
  int r = 1;
  while (a && r > 0) r = parse_key(&sp, p->root, &a, 0);
  stralloc_free(&sp.conv);
  if (r > 0) {
    int pr = search_prepare(p);
    if (pr == -2) { *why = "Search program too deeply nested"; return 0; }
    if (pr < 0) return 0;
  }
  *why = sp.why;
  return r > 0;
}
