/* HELO, EHLO and HELP. The EHLO extensions are a table, each entry
 * with the condition under which it is offered, so the list a client
 * sees follows the configuration and the session's state. */
#include <string.h>
#include "die.h"
#include "fmt.h"
#include "smtpd.h"

static int always(const struct session *s) { (void)s; return 1; }
static int can_starttls(const struct session *s) { return s->cfg->tls.ctl >= 0 && !s->tls; }
static int can_auth(const struct session *s)
{
  return !s->authed && (auth_offered(s, "PLAIN") || auth_offered(s, "LOGIN")
                        || auth_offered(s, "CRAM-MD5") || auth_offered(s, "EXTERNAL"));
}

static void size_text(const struct session *s, stralloc *out)
{
  char num[FMT_ULONG * 2];
  if (!stralloc_cats(out, "SIZE")) die_nomem();
  if (s->cfg->sizelimit
      && !(stralloc_cats(out, " ") && stralloc_catb(out, num, fmt_ulonglong(num, s->cfg->sizelimit))))
    die_nomem();
}

static void auth_text(const struct session *s, stralloc *out)
{
  static const char *const mechs[] = { "PLAIN", "LOGIN", "CRAM-MD5", "EXTERNAL", 0 };
  if (!stralloc_cats(out, "AUTH")) die_nomem();
  for (int i = 0; mechs[i]; ++i)
    if (auth_offered(s, mechs[i]) && !(stralloc_cats(out, " ") && stralloc_cats(out, mechs[i])))
      die_nomem();
}

struct extension {
  const char *name;
  int (*offered)(const struct session *);
  void (*text)(const struct session *, stralloc *);   /* when it has parameters */
};

static const struct extension extensions[] = {
  { "PIPELINING", always, 0 },
  { "8BITMIME", always, 0 },
  { "SIZE", always, size_text },
  { "DSN", always, 0 },
  { "ENHANCEDSTATUSCODES", always, 0 },
  { "AUTH", can_auth, auth_text },
  { "CHUNKING", always, 0 },
  { "SMTPUTF8", always, 0 },
  { "STARTTLS", can_starttls, 0 },
  { 0, 0, 0 }
};

static int set_helo(struct session *s, const char *arg, const char *verb)
{
  if (!*arg) {
    reply3(s, "501 5.5.4 ", verb, " requires your host name");
    return 0;
  }
  if (!stralloc_copys(&s->helo, arg) || !stralloc_0(&s->helo)) die_nomem();
  --s->helo.len;
  transaction_reset(s);
  s->seen_helo = 1;
  return 1;
}

void smtp_helo(struct session *s, const char *arg)
{
  if (!set_helo(s, arg, "HELO")) return;
  s->esmtp = 0;
  reply3(s, "250 ", s->cfg->me, " Ok");
}

void smtp_ehlo(struct session *s, const char *arg)
{
  if (!set_helo(s, arg, "EHLO")) return;
  s->esmtp = 1;
  reply3(s, "250-", s->cfg->me, " Ok");
  const struct extension *last = 0;
  for (const struct extension *e = extensions; e->name; ++e)
    if (e->offered(s)) last = e;
  for (const struct extension *e = extensions; e->name; ++e) {
    if (!e->offered(s)) continue;
    s->tmp.len = 0;
    if (e->text) e->text(s, &s->tmp);
    else if (!stralloc_cats(&s->tmp, e->name)) die_nomem();
    if (!stralloc_0(&s->tmp)) die_nomem();
    reply2(s, e == last ? "250 " : "250-", s->tmp.s);
  }
}

void smtp_help(struct session *s, const char *arg)
{
  (void)arg;
  reply(s, "214-2.0.0 Commands: EHLO HELO MAIL RCPT DATA BDAT RSET NOOP VRFY HELP QUIT AUTH STARTTLS");
  reply(s, "214 2.0.0 See RFC 5321; send mail with EHLO, MAIL FROM:<...>, RCPT TO:<...>, DATA");
}
