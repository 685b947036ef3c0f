/* Whom smtpd accepts mail for, decided at RCPT so nothing accepted
 * would bounce later: domains from me/locals, hosteddomains and
 * esmtpacceptmailfor; users from aliases and the account lookup;
 * relaying only for RELAYCLIENT or authenticated clients. */
#include <string.h>
#include "account.h"
#include "addr.h"
#include "aliases.h"
#include "case.h"
#include "die.h"
#include "domains.h"
#include "dotnames.h"
#include "home.h"
#include "smtpd.h"

static int is_postmaster(const struct addr *a)
{
  return a->local.len == 10 && !case_diffb(a->local.s, 10, "postmaster");
}

/* An account named name, or name with its "-extension" cut at any '-'
 * (Courier's dot-courier extensions: user-list goes to user). */
static int account_known(stralloc *name, size_t atpos)
{
  struct account acct;
  memset(&acct, 0, sizeof acct);
  size_t cut = atpos;
  int r;
  for (;;) {
    stralloc key = { 0, 0, 0 };
    if (!stralloc_copyb(&key, name->s, cut) || !stralloc_catb(&key, name->s + atpos, name->len - atpos)
        || !stralloc_0(&key))
      die_nomem();
    r = account_lookup(&acct, key.s);
    stralloc_free(&key);
    if (r != 0) break;
    while (cut > 0 && name->s[--cut] != '-')
      ;
    if (cut == 0) break;
  }
  account_free(&acct);
  return r;
}

/* A local address etc/aliasdir has a dot-courier file for (dotnames.h,
 * as the delivery will look): 1, 0, or -1 when the directory is unreadable. */
static int aliasdir_known(const struct addr *a)
{
  stralloc dir = { 0, 0, 0 }, local = { 0, 0, 0 };
  /* The local part in canonical form, as the envelope will carry it. */
  if (!home_path(&dir, "etc/aliasdir") || !addr_format(&local, a)) die_nomem();
  local.len = addr_at(local.s, local.len);
  if (!stralloc_0(&local)) die_nomem();
  int r = dotnames_exist(dir.s, local.s);
  stralloc_free(&dir);
  stralloc_free(&local);
  return r;
}

/* 1 known, 0 unknown, -1 temporary failure. */
static int user_known(struct session *s, const struct addr *a, int cls, const char *domain)
{
  stralloc *t = &s->tmp;
  t->len = 0;
  if (!addr_format(t, a) || !stralloc_0(t)) die_nomem();
  stralloc targets = { 0, 0, 0 };
  int r = aliases_lookup(t->s, &targets);
  stralloc_free(&targets);
  if (r != 0) return r;
  /* Accounts of local domains are bare names; hosted ones full addresses. */
  t->len = 0;
  if (!stralloc_catb(t, a->local.s, a->local.len)) die_nomem();
  size_t at = t->len;
  if (cls == DOMAIN_HOSTED && !(stralloc_cats(t, "@") && stralloc_cats(t, domain))) die_nomem();
  r = account_known(t, at);
  if (r == 0 && cls == DOMAIN_LOCAL) {
    case_lowerb(t->s, at);
    r = account_known(t, at);
  }
  if (r == 0 && cls == DOMAIN_LOCAL) r = aliasdir_known(a);
  return r;
}

static int refuse(struct session *s, const char *text, const struct addr *a)
{
  reply(s, text);
  log_line("refused rcpt ip=", s->cfg->remoteip, " to=", a->local.s, "@", a->domain.s, " reply=", text);
  return 1;
}

int rcpt_policy(struct session *s, const struct addr *a)
{
  if (a->flags & ADDR_NODOMAIN)
    return is_postmaster(a) ? 0 : refuse(s, "553 5.1.3 The recipient address must contain a domain", a);
  if (a->flags & ADDR_BAD_DOMAIN) return refuse(s, "553 5.1.2 The recipient's domain is not valid", a);
  stralloc canon = { 0, 0, 0 };
  int r = 0, cls = domain_class(a->domain.s, &canon);
  int accepted = cls == DOMAIN_HOSTED ? 1 : cls >= 0 ? domain_accepted(a->domain.s) : -1;
  if (cls < 0 || accepted < 0) {
    reply(s, "451 4.3.0 Temporary failure looking up the recipient's domain");
    r = 1;
  } else if (!accepted && !s->cfg->relayclient && !s->authed) {
    r = refuse(s, "550 5.7.1 Relaying denied", a);
  } else if (cls != DOMAIN_FOREIGN) {
    /* Our own domains never route onwards through the local part. */
    if (a->flags & (ADDR_PERCENT | ADDR_BANG | ADDR_AT_LOCAL))
      r = refuse(s, "550 5.7.1 Relaying denied: no %, ! or @ in local parts here", a);
    else if (!is_postmaster(a)) {
      if (!stralloc_0(&canon)) die_nomem();
      int known = user_known(s, a, cls, canon.s);
      if (known < 0) { reply(s, "451 4.3.0 Temporary failure looking up the recipient"); r = 1; }
      else if (!known) r = refuse(s, "550 5.1.1 User unknown", a);
    }
  }
  stralloc_free(&canon);
  return r;
}
