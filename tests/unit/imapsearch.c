/* Unit tests for SEARCH evaluation over decoded message content. */
#include <stdlib.h>
#include "tap.h"
#include "imapsearch.h"
#include "mime_cases.h"
#include "imapsearch_cases.h"

struct msg { const char *text; int seen; int reads; };

static int state(void *ctx, const struct search_node *n)
{
  struct msg *m = ctx;
  if (n->key == SK_SEEN) return m->seen;
  if (n->key == SK_UNSEEN) return !m->seen;
  return 0;
}

static int message(void *ctx, const char **buf, size_t *len)
{
  struct msg *m = ctx;
  m->reads++;
  if (!m->text) return -1;
  *buf = m->text;
  *len = strlen(m->text);
  return 0;
}

static const char *msg1 =
  "From: =?ISO-8859-1?Q?Andr=E9?= Pirard <pirard@example.be>\n"
  "To: Bob <bob@example.org>\n"
  "Subject: =?UTF-8?B?UmU6IFLDqXN1bcOp?= of the week\n"
  "Date: Tue, 1 Oct 2024 23:30:00 -0700\n"
  "X-Spam: yes\n"
  "Content-Type: multipart/alternative; boundary=b\n"
  "\n"
  "--b\n"
  "Content-Type: text/plain; charset=iso-8859-1\n"
  "Content-Transfer-Encoding: quoted-printable\n"
  "\n"
  "Caf=E9 cr=E8me, sp=\n"
  "lit word\n"
  "--b\n"
  "Content-Type: text/html; charset=utf-8\n"
  "Content-Transfer-Encoding: base64\n"
  "\n"
  "PGI+TcOcTExFUjwvYj4=\n"
  "--b--\n";

/* One key (with its strings) evaluated against msg1. */
static int one(enum search_key key, const char *s1, const char *s2, long day, unsigned long long num)
{
  struct search_prog p;
  struct search_node *n;
  struct msg m = { msg1, 0, 0 };
  struct search_cb cb = { &m, state, message, 0 };
  int r;
  search_init(&p);
  n = search_node_new(&p, key);
  if (s1) search_node_str(&p, n, 1, s1, strlen(s1));
  if (s2) search_node_str(&p, n, 2, s2, strlen(s2));
  n->day = day;
  n->num = num;
  search_add(p.root, n);
  search_prepare(&p);
  r = search_eval(&p, &cb);
  search_free(&p);
  return r;
}

static void keys(void)
{
  long d = mime_days(2024, 10, 1);
  is_int(one(SK_FROM, "ANDRÉ", 0, 0, 0), 1, "FROM matches the decoded name, any case");
  is_int(one(SK_FROM, "pirard@EXAMPLE", 0, 0, 0), 1, "FROM matches the address");
  is_int(one(SK_TO, "andré", 0, 0, 0), 0, "TO does not look at From");
  is_int(one(SK_SUBJECT, "résumé OF", 0, 0, 0), 1, "SUBJECT across an encoded word and plain text");
  is_int(one(SK_HEADER, "x-spam", "", 0, 0), 1, "HEADER with an empty string: the field is there");
  is_int(one(SK_HEADER, "x-ham", "", 0, 0), 0, "HEADER of an absent field");
  is_int(one(SK_HEADER, "X-SPAM", "YES", 0, 0), 1, "HEADER value");
  is_int(one(SK_BODY, "CAFÉ CRÈME", 0, 0, 0), 1, "BODY in a latin1 quoted-printable part");
  is_int(one(SK_BODY, "split word", 0, 0, 0), 1, "BODY across a soft line break");
  is_int(one(SK_BODY, "müller", 0, 0, 0), 1, "BODY in a base64 UTF-8 part");
  is_int(one(SK_BODY, "bob@example", 0, 0, 0), 0, "BODY does not look at the header");
  is_int(one(SK_TEXT, "bob@example", 0, 0, 0), 1, "TEXT looks at the header");
  is_int(one(SK_TEXT, "crème", 0, 0, 0), 1, "and at the body");
  is_int(one(SK_SENTON, 0, 0, d, 0), 1, "SENTON uses the date as written, not UTC");
  is_int(one(SK_SENTBEFORE, 0, 0, d, 0), 0, "SENTBEFORE the same day");
  is_int(one(SK_SENTBEFORE, 0, 0, d + 1, 0), 1, "SENTBEFORE the next day");
  is_int(one(SK_SENTSINCE, 0, 0, d, 0), 1, "SENTSINCE the same day");
  is_int(one(SK_LARGER, 0, 0, 0, 400), 1, "LARGER");
  is_int(one(SK_SMALLER, 0, 0, 0, 400), 0, "SMALLER");
  is_int(one(SK_TEXT, "multipart/ALTERNATIVE", 0, 0, 0), 1, "TEXT looks at the parts' headers too");
  is_int(one(SK_BODY, "multipart/alternative", 0, 0, 0), 0, "BODY does not");
  {
    size_t i, lines = 0;
    for (i = 0; msg1[i]; ++i) lines += msg1[i] == '\n';
    is_int(one(SK_LARGER, 0, 0, 0, strlen(msg1) + lines - 1), 1, "LARGER counts CRLF line ends");
    is_int(one(SK_LARGER, 0, 0, 0, strlen(msg1) + lines), 0, "exactly");
  }
}

static void undated(void)
{
  struct search_prog p;
  struct search_node *n;
  struct msg m = { "Subject: no date\n\nbody\n", 0, 0 };
  struct search_cb cb = { &m, state, message, 0 };
  search_init(&p);
  n = search_node_new(&p, SK_SENTBEFORE);
  n->day = mime_days(1990, 1, 1);
  search_add(p.root, n);
  search_prepare(&p);
  is_int(search_eval(&p, &cb), 1, "a message without Date: was sent on 1-Jan-1970");
  search_free(&p);
}

static void tree(void)
{
  struct search_prog p;
  struct search_node *or, *not, *a, *b;
  struct msg m = { msg1, 1, 0 };
  struct search_cb cb = { &m, state, message, 0 };
  int i;
  search_init(&p);
  /* UNSEEN (SUBJECT nothing-here) OR NOT FROM nobody */
  a = search_node_new(&p, SK_UNSEEN);
  search_add(p.root, a);
  or = search_node_new(&p, SK_OR);
  b = search_node_new(&p, SK_SUBJECT);
  search_node_str(&p, b, 1, "nothing-here", 12);
  search_add(or, b);
  not = search_node_new(&p, SK_NOT);
  b = search_node_new(&p, SK_FROM);
  search_node_str(&p, b, 1, "nobody", 6);
  search_add(not, b);
  search_add(or, not);
  search_add(p.root, or);
  is_int(search_prepare(&p), 0, "prepared");
  is_int(search_eval(&p, &cb), 0, "a seen message fails UNSEEN");
  is_int(m.reads, 0, "without being read");
  m.seen = 0;
  is_int(search_eval(&p, &cb), 1, "unseen: OR NOT matches");
  is_int(m.reads, 1, "read once for two content keys");
  m.text = 0;
  is_int(search_eval(&p, &cb), 0, "a message that is gone does not match");
  search_free(&p);

  search_init(&p);
  a = p.root;
  for (i = 0; i < SEARCH_MAX_DEPTH + 5; ++i) {
    b = search_node_new(&p, SK_NOT);
    search_add(a, b);
    a = b;
  }
  is_int(search_prepare(&p), -2, "nesting too deep is refused");
  search_free(&p);
}

static const struct { const char *name; enum search_key key; } knames[] = {
  { "FROM", SK_FROM }, { "TO", SK_TO }, { "CC", SK_CC }, { "SUBJECT", SK_SUBJECT }, { "BODY", SK_BODY },
  { "TEXT", SK_TEXT }, { "HEADER", SK_HEADER }, { "SENTON", SK_SENTON }, { "SENTBEFORE", SK_SENTBEFORE },
  { "SENTSINCE", SK_SENTSINCE }, { "LARGER", SK_LARGER }, { "SMALLER", SK_SMALLER },
};

static int dmessage(void *ctx, const char **buf, size_t *len)
{
  const struct dcase *c = ctx;
  *buf = c->msg;
  *len = c->len;
  return 0;
}

/* Every key over every message of mime_cases.h, against Dovecot's answer. */
static void dovecot(void)
{
  size_t i, j, k;
  for (i = 0; i < sizeof srcases / sizeof srcases[0]; ++i) {
    const struct srcase *c = &srcases[i];
    struct search_prog p;
    struct search_node *n;
    stralloc got = {0};
    char name[160];
    search_init(&p);
    for (k = 0; strcmp(knames[k].name, c->key); ++k) ;
    n = search_node_new(&p, knames[k].key);
    if (n->key == SK_SENTON || n->key == SK_SENTBEFORE || n->key == SK_SENTSINCE)
      search_parse_day(c->a, strlen(c->a), &n->day);
    else if (n->key == SK_LARGER || n->key == SK_SMALLER)
      n->num = strtoull(c->a, 0, 10);
    else
      search_node_str(&p, n, 1, c->a, strlen(c->a));
    if (n->key == SK_HEADER) search_node_str(&p, n, 2, c->b, strlen(c->b));
    search_add(p.root, n);
    search_prepare(&p);
    for (j = 0; j < sizeof dcases / sizeof dcases[0]; ++j) {
      struct search_cb cb = { (void *)&dcases[j], state, dmessage, 0 };
      if (search_eval(&p, &cb) == 1) {
        char num[16];
        snprintf(num, sizeof num, "%s%zu", got.len ? " " : "", j + 1);
        stralloc_cats(&got, num);
      }
    }
    stralloc_0(&got);
    snprintf(name, sizeof name, "SEARCH %s %s %s as Dovecot", c->key, c->a, c->b);
    is_str(got.s, c->want, name);
    stralloc_free(&got);
    search_free(&p);
  }
}

static void misc(void)
{
  long d;
  stralloc o = {0};
  ok(search_parse_day("1-Feb-1994", 10, &d) && d == mime_days(1994, 2, 1), "1-Feb-1994");
  ok(search_parse_day("01-feb-1994", 11, &d) && d == mime_days(1994, 2, 1), "01-feb-1994");
  ok(!search_parse_day("1-Fev-1994", 10, &d), "bad month");
  ok(!search_parse_day("1-Feb-94", 8, &d), "short year");
  search_fold(&o, "ÀÉÎ ÕÜ ŁŽ ΣΩ ДЖЯ Ё ABC", strlen("ÀÉÎ ÕÜ ŁŽ ΣΩ ДЖЯ Ё ABC"));
  stralloc_0(&o);
  is_str(o.s, "àéî õü łž σω джя ё abc", "folding");
  is_int(search_contains("Grüße AUS Köln", strlen("Grüße AUS Köln"), "aus köln", strlen("aus köln")), 1, "contains");
  stralloc_free(&o);
}

int main(void)
{
  keys();
  dovecot();
  undated();
  tree();
  misc();
  return done_testing();
}
