/* Unit tests for the message-content module: every ENVELOPE, BODY,
 * BODYSTRUCTURE and BODY[section] answer is compared byte for byte
 * with what Dovecot answers for the same message (mime_cases.h). */
#include <stdlib.h>
#include "tap.h"
#include "mime.h"
#include "mime_cases.h"

#define N(a) (sizeof (a) / sizeof (a)[0])

static const char *z(stralloc *sa)
{
  if (!stralloc_0(sa)) exit(111);
  sa->len--;
  return sa->s;
}

static void dovecot_cases(void)
{
  struct mime_msg m = {0};
  stralloc o = {0}, store = {0};
  size_t i;
  for (i = 0; i < N(dcases); ++i) {
    const struct dcase *c = &dcases[i];
    char name[128];
    ok(mime_parse(&m, c->msg, c->len) == 0, "parse");
    o.len = 0;
    mime_envelope(&o, c->msg, m.part[0].body);
    snprintf(name, sizeof name, "ENVELOPE of %s", c->name);
    is_str(z(&o), c->env, name);
    o.len = 0;
    mime_bodystructure(&o, &m, 0, 1);
    snprintf(name, sizeof name, "BODYSTRUCTURE of %s", c->name);
    is_str(z(&o), c->bs, name);
    o.len = 0;
    mime_bodystructure(&o, &m, 0, 0);
    snprintf(name, sizeof name, "BODY of %s", c->name);
    is_str(z(&o), c->body, name);
  }
  for (i = 0; i < N(scases); ++i) {
    const struct scase *c = &scases[i];
    const struct dcase *d = &dcases[c->msg];
    struct mime_section sec;
    const char *names[8];
    size_t lens[8], total;
    char name[200];
    mime_parse(&m, d->msg, d->len);
    store.len = 0;
    o.len = 0;
    snprintf(name, sizeof name, "BODY[%s]<%ld.%ld> of %s", c->sec, c->origin, c->count, d->name);
    if (mime_section_parse(&sec, c->sec, strlen(c->sec), &store, names, lens, 8) != 1) { ok(0, name); continue; }
    mime_section_fetch(&o, &m, &sec, c->origin < 0 ? 0 : (size_t)c->origin,
                       c->count < 0 ? (size_t)-1 : (size_t)c->count, &total);
    ok(o.len == c->wlen && !memcmp(o.s, c->want, o.len), name);
  }
  mime_free(&m);
  stralloc_free(&o);
  stralloc_free(&store);
}

static void crlf(void)
{
  stralloc o = {0};
  const char *t = "a\nb\r\nc\n";
  is_int(mime_crlf_size(t, 7), 9, "bare LFs count twice");
  mime_crlf_copy(&o, t, 7, 0, (size_t)-1);
  is_str(z(&o), "a\r\nb\r\nc\r\n", "bare LF becomes CRLF");
  o.len = 0;
  mime_crlf_copy(&o, t, 7, 2, 4);
  is_str(z(&o), "\nb\r\n", "a partial range may split a CRLF made from a bare LF");
  o.len = 0;
  mime_crlf_copy(&o, t, 7, 20, 4);
  is_str(z(&o), "", "a range past the end is empty");
  stralloc_free(&o);
}

static void fields(void)
{
  const char *h = "Subject: one\n two\nX-A:b\nnot a field\nTo :  x\n\nbody";
  struct mime_field f;
  size_t pos = 0, hl = mime_header_end(h, strlen(h));
  stralloc o = {0};
  is_int(hl, 45, "header ends after the blank line");
  ok(mime_field_next(h, hl, &pos, &f) && f.namelen == 7 && f.valuelen == 8, "folded field");
  mime_unfold(&o, f.value, f.valuelen);
  is_str(z(&o), "one two", "unfolded");
  ok(mime_field_next(h, hl, &pos, &f) && f.valuelen == 1 && *f.value == 'b', "no space after colon");
  ok(mime_field_next(h, hl, &pos, &f) && f.namelen == 0, "a line without colon has no name");
  ok(mime_field_find(h, hl, "to", &f) && f.valuelen == 1 && *f.value == 'x', "name lookup ignores case and space before colon");
  ok(!mime_field_find(h, hl, "body", &f), "the body is not a header");
  stralloc_free(&o);
}

static const struct { const char *in, *want, *name; } words[] = {
  { "=?ISO-8859-1?Q?Andr=E9?= Pirard", "Andr\xc3\xa9 Pirard", "Q word in latin1" },
  { "=?ISO-8859-1?B?SWYgeW91IGNhbiByZWFkIHRoaXMgeW8=?= =?ISO-8859-2?B?dSB1bmRlcnN0YW5kIHRoZSBleGFtcGxlLg==?=",
    "If you can read this you understand the example.", "space between words dropped (RFC 2047 example)" },
  { "=?koi8-r?b?8NLJ18XU?=", "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82", "koi8-r through iconv" },
  { "=?UTF-8?B?4oKs?= =?UTF-8?B?IOKCrA==?=", "\xe2\x82\xac \xe2\x82\xac", "UTF-8 words joined" },
  { "=?utf-8?q?caf=C3?= =?utf-8?q?=A9?= ok", "caf\xc3\xa9 ok", "a character split across two words" },
  { "a =?x-unknown?Q?b?= =?broken c", "a b =?broken c", "unknown charset and broken words kept" },
  { "=?ISO-2022-JP?B?GyRCJEYkOSRIGyhC?=", "\xe3\x81\xa6\xe3\x81\x99\xe3\x81\xa8", "ISO-2022-JP" },
  { "=?utf-8*en?Q?x?=", "x", "RFC 2231 language ignored" },
};

static void decode(void)
{
  stralloc o = {0};
  const char *s;
  size_t i;
  for (i = 0; i < N(words); ++i) {
    o.len = 0;
    mime_decode_words(&o, words[i].in, strlen(words[i].in));
    is_str(z(&o), words[i].want, words[i].name);
  }
  o.len = 0;
  mime_to_utf8(&o, "windows-1252", 12, "\x80 \xff", 3);
  is_str(z(&o), "\xe2\x82\xac \xc3\xbf", "windows-1252");
  o.len = 0;
  mime_to_utf8(&o, "utf-8", 5, "ok\xff!", 4);
  is_str(z(&o), "ok\xef\xbf\xbd!", "invalid UTF-8 replaced");
  o.len = 0;
  s = "J=E4rn=\r\nefors=3D=\n x =ZZ";
  mime_decode_body(&o, "Quoted-Printable", 16, s, strlen(s));
  is_str(z(&o), "J\xe4rnefors= x =ZZ", "quoted-printable with soft breaks and a stray =");
  o.len = 0;
  s = "aGVs\nbG8g\r\nd29y bGQ";
  mime_decode_body(&o, "base64", 6, s, strlen(s));
  is_str(z(&o), "hello world", "base64 across lines, unpadded");
  stralloc_free(&o);
}

static void dates(void)
{
  long long utc;
  long day;
  int zone;
  ok(mime_date_parse("Wed, 17 Jul 1996 02:23:25 -0700 (PDT)", 37, &utc, &day, &zone), "RFC 3501 date");
  is_int(utc, 837595405, "in UTC");
  is_int(day, mime_days(1996, 7, 17), "date as written");
  is_int(zone, -420, "zone");
  ok(mime_date_parse("1 Jan 20 23:59 EST", 18, &utc, &day, &zone), "two-digit year, no seconds, named zone");
  is_int(day, mime_days(2020, 1, 1), "day as written");
  is_int(utc, (long long)mime_days(2020, 1, 2) * 86400 + 4 * 3600 + 59 * 60, "EST is -0500");
  ok(!mime_date_parse("yesterday", 9, &utc, &day, &zone), "garbage refused");
  is_int(mime_days(1970, 1, 1), 0, "epoch");
}

static void nesting(void)
{
  struct mime_msg m = {0};
  stralloc msg = {0}, o = {0};
  int i;
  for (i = 0; i < 200; ++i) {
    char b[64];
    snprintf(b, sizeof b, "Content-Type: multipart/mixed; boundary=b%03d\n\n--b%03d\n", i, i);
    stralloc_cats(&msg, b);
  }
  stralloc_cats(&msg, "\nend\n");
  ok(mime_parse(&m, msg.s, msg.len) == 0, "200 nested multiparts parse");
  ok(m.limited && m.nparts <= MIME_MAX_DEPTH + 1, "nesting is limited");
  if (!m.limited || m.nparts > MIME_MAX_DEPTH + 1) printf("# limited %d nparts %zu\n", m.limited, m.nparts);
  ok(mime_bodystructure(&o, &m, 0, 1) == 0 && o.len > 0, "and still give a BODYSTRUCTURE");
  msg.len = 0;
  for (i = 0; i < 200; ++i) stralloc_cats(&msg, "Content-Type: message/rfc822\n\n");
  ok(mime_parse(&m, msg.s, msg.len) == 0 && m.limited, "deep message/rfc822 limited");
  o.len = 0;
  ok(mime_bodystructure(&o, &m, 0, 1) == 0, "BODYSTRUCTURE of deep message/rfc822");
  mime_free(&m);
  stralloc_free(&msg);
  stralloc_free(&o);
}

static void text(void)
{
  struct mime_msg m = {0};
  stralloc o = {0};
  const struct dcase *c = &dcases[2];
  mime_parse(&m, c->msg, c->len);
  mime_part_text(&o, &m, 0);
  is_str(z(&o), "J\xc3\xa4rnefors caf\xc3\xa9 soft\n", "QP latin1 body as UTF-8");
  mime_free(&m);
  stralloc_free(&o);
}

static void strings(void)
{
  stralloc o = {0};
  mime_imap_string(&o, "a\"b\\c", 5);
  is_str(z(&o), "\"a\\\"b\\\\c\"", "quoted with escapes");
  o.len = 0;
  mime_imap_string(&o, "x\ny", 3);
  is_str(z(&o), "{3}\r\nx\ny", "literal for LF");
  o.len = 0;
  mime_imap_string(&o, 0, 0);
  is_str(z(&o), "NIL", "NIL");
  stralloc_free(&o);
}

static const struct { const char *s; int ok; unsigned nparts; int kind; unsigned nfields; } secs[] = {
  { "", 1, 0, MIME_SEC_ALL, 0 },
  { "1.2.3", 1, 3, MIME_SEC_ALL, 0 },
  { "header", 1, 0, MIME_SEC_HEADER, 0 },
  { "2.MIME", 1, 1, MIME_SEC_MIME, 0 },
  { "4.TEXT", 1, 1, MIME_SEC_TEXT, 0 },
  { "HEADER.FIELDS (From \"To\" x-a)", 1, 0, MIME_SEC_FIELDS, 3 },
  { "1.HEADER.FIELDS.NOT (Subject)", 1, 1, MIME_SEC_FIELDS_NOT, 1 },
  { "MIME", 0, 0, 0, 0 },
  { "0", 0, 0, 0, 0 },
  { "1.0", 0, 0, 0, 0 },
  { "1.", 0, 0, 0, 0 },
  { "1..2", 0, 0, 0, 0 },
  { "TEXT.1", 0, 0, 0, 0 },
  { "HEADER.FIELDS", 0, 0, 0, 0 },
  { "HEADER.FIELDS ()", 0, 0, 0, 0 },
  { "HEADER.FIELDS (a b", 0, 0, 0, 0 },
  { "HEADER.FIELDS (a) x", 0, 0, 0, 0 },
  { "HEADER.FIELDS (a b c d e f g h i)", 0, 0, 0, 0 },
  { "BODY", 0, 0, 0, 0 },
};

static void section_syntax(void)
{
  size_t i;
  stralloc store = {0};
  for (i = 0; i < N(secs); ++i) {
    struct mime_section sec;
    const char *names[8];
    size_t lens[8];
    char name[120];
    int r;
    store.len = 0;
    r = mime_section_parse(&sec, secs[i].s, strlen(secs[i].s), &store, names, lens, 8);
    snprintf(name, sizeof name, "section [%s] %s", secs[i].s, secs[i].ok ? "parses" : "is refused");
    ok(r == secs[i].ok && (!r || (sec.nparts == secs[i].nparts && sec.kind == secs[i].kind &&
                                  sec.nfields == secs[i].nfields)), name);
  }
  {
    struct mime_section sec;
    const char *names[4];
    size_t lens[4];
    store.len = 0;
    const char *t = "HEADER.FIELDS (\"a b\" c)";
    mime_section_parse(&sec, t, strlen(t), &store, names, lens, 4);
    ok(sec.nfields == 2 && lens[0] == 3 && !memcmp(names[0], "a b", 3) && lens[1] == 1 && *names[1] == 'c',
       "quoted field names are unquoted");
  }
  stralloc_free(&store);
}

static int collect_addr(void *ctx, const struct mime_addr *a)
{
  stralloc *o = ctx;
  stralloc_cats(o, "[");
  if (a->name) stralloc_catb(o, a->name, a->namelen);
  stralloc_cats(o, "|");
  if (a->mailbox) stralloc_catb(o, a->mailbox, a->mailboxlen);
  stralloc_cats(o, "|");
  if (a->host) stralloc_catb(o, a->host, a->hostlen); else stralloc_cats(o, "-");
  stralloc_cats(o, "]");
  return 0;
}

static void addresses(void)
{
  stralloc o = {0};
  const char *v = "\"Doe, Jane\" <jane@x.org>, list: a@b, c@d;, bare, e@f (Eve)";
  mime_addr_each(v, strlen(v), collect_addr, &o);
  is_str(z(&o), "[Doe, Jane|jane|x.org][|list|-][|a|b][|c|d][||-][|bare|MISSING_DOMAIN][Eve|e|f]",
         "addresses, groups, bare names and comments");
  stralloc_free(&o);
}

int main(void)
{
  section_syntax();
  addresses();
  dovecot_cases();
  crlf();
  fields();
  decode();
  dates();
  nesting();
  text();
  strings();
  return done_testing();
}
