#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "account.h"
#include "addr.h"
#include "aliases.h"
#include "authconf.h"
#include "die.h"
#include "domains.h"
#include "dotnames.h"
#include "home.h"
#include "route.h"

static void set_text(struct route *r, int kind, const char *text)
{
  r->kind = kind;
  if (!stralloc_copys(&r->text, text) || !stralloc_0(&r->text)) die_nomem();
}

static void lower(stralloc *sa, size_t from)
{
  for (size_t i = from; i < sa->len; ++i)
    if (sa->s[i] >= 'A' && sa->s[i] <= 'Z') sa->s[i] += 32;
}

/* The account name for local part `local` (len bytes) in a domain. */
static void account_name(stralloc *name, const char *local, size_t len, int cls, const stralloc *domain)
{
  if (!stralloc_copyb(name, local, len)) die_nomem();
  lower(name, 0);
  if (cls == DOMAIN_HOSTED && (!stralloc_append(name, "@") || !stralloc_cat(name, domain))) die_nomem();
  if (!stralloc_0(name)) die_nomem();
}

/* Looks up user-ext-more, then user-ext, then user, as Courier does:
 * the part cut off is the extension that picks the .courier file. */
static void find_account(struct route *r, const char *local, size_t len, int cls, const stralloc *domain)
{
  struct account a = {0};
  struct authconf conf;
  stralloc name = {0};
  size_t cut = len;
  if (!authconf_read(&conf)) { set_text(r, ROUTE_TEMP, "4.3.0 unable to read etc/authdaemonrc"); return; }
  for (;;) {
    account_name(&name, local, cut, cls, domain);
    int found = account_lookup_conf(&a, &conf, name.s);
    if (found < 0) { set_text(r, ROUTE_TEMP, "4.3.0 unable to look up the account"); break; }
    if (found > 0) {
      if (a.uid == 0) { set_text(r, ROUTE_TEMP, "4.7.0 mail for uid 0 is not delivered: alias the address to a user"); break; }
      r->kind = ROUTE_LOCAL;
      r->uid = a.uid; r->gid = a.gid;
      if (!stralloc_copy(&r->user, &a.user) || !stralloc_0(&r->user) ||
          !stralloc_copy(&r->home, &a.home) || !stralloc_0(&r->home) ||
          !stralloc_copy(&r->maildir, &a.maildir) || !stralloc_0(&r->maildir) ||
          !stralloc_copy(&r->quota, &a.quota) || !stralloc_0(&r->quota) ||
          !stralloc_copyb(&r->ext, cut < len ? local + cut + 1 : "", cut < len ? len - cut - 1 : 0) ||
          !stralloc_0(&r->ext)) die_nomem();
      break;
    }
    while (cut > 0 && local[cut - 1] != '-') --cut;
    if (cut <= 1) { set_text(r, ROUTE_FAIL, "5.1.1 no such user here"); break; }
    --cut;
  }
  account_free(&a);
  authconf_free(&conf);
  stralloc_free(&name);
}

/* Courier's etc/aliasdir: a local address that is no account is
 * delivered by aliasdir/.courier-LOCAL (or a -default file), with the
 * directory as HOME and the local part as the extension, as MAILUSER. */
static void find_aliasdir(struct route *r, const char *local, size_t len)
{
  stralloc dir = {0}, ext = {0};
  if (!home_path(&dir, "etc/aliasdir") || !stralloc_copyb(&ext, local, len) || !stralloc_0(&ext)) die_nomem();
  int found = dotnames_exist(dir.s, ext.s);
  if (found < 0) set_text(r, ROUTE_TEMP, "4.3.0 unable to read etc/aliasdir");
  if (found > 0) {
    r->kind = ROUTE_LOCAL;
    r->mailuser = 1;
    r->uid = r->gid = 0;
    if (!stralloc_copys(&r->user, "") || !stralloc_0(&r->user) || !stralloc_copy(&r->home, &dir) ||
        !stralloc_0(&r->home) || !stralloc_copy(&r->ext, &ext) || !stralloc_copys(&r->maildir, "") || !stralloc_0(&r->maildir) ||
        !stralloc_copys(&r->quota, "") || !stralloc_0(&r->quota)) die_nomem();
  }
  stralloc_free(&dir);
  stralloc_free(&ext);
}

/* A transport whose program is not installed yet. */
static int missing(const char *prog)
{
  stralloc path = {0};
  if (!home_command(&path, prog)) die_nomem();
  int r = access(path.s, X_OK) < 0;
  stralloc_free(&path);
  return r;
}

static int is_fax(const stralloc *domain)
{
  return domain->len == 3 && !memcmp(domain->s, "fax", 3);
}

/* One address target that is not a program or a file. */
static int single_address(const stralloc *t)
{
  size_t n = t->len && !t->s[t->len - 1] ? t->len - 1 : t->len;
  return n && !memchr(t->s, 0, n) && t->s[0] != '|' && t->s[0] != '/';
}

static void resolve(const char *me, const char *rcpt, struct route *r, int depth)
{
  size_t len = strlen(rcpt), at = addr_at(rcpt, len);
  int cls;
  r->kind = ROUTE_FAIL;
  r->mailuser = 0;
  r->targets.len = 0;
  if (at < len) {
    cls = domain_class(rcpt + at + 1, &r->domain);
    if (cls < 0) { set_text(r, ROUTE_TEMP, "4.3.0 unable to read the domain tables"); return; }
  } else {
    cls = DOMAIN_LOCAL;
    if (!stralloc_copys(&r->domain, me)) die_nomem();
  }
  if (r->domain.len && r->domain.s[r->domain.len - 1] == 0) --r->domain.len;
  lower(&r->domain, 0);
  if (!stralloc_copyb(&r->rcpt, rcpt, at) || !stralloc_append(&r->rcpt, "@") ||
      !stralloc_cat(&r->rcpt, &r->domain) || !stralloc_0(&r->rcpt)) die_nomem();
  if (!stralloc_0(&r->domain)) die_nomem();
  --r->domain.len;
  if (cls == DOMAIN_FOREIGN) {
    if (is_fax(&r->domain)) set_text(r, ROUTE_NONE, "faxsend");
    else set_text(r, missing("remote") ? ROUTE_NONE : ROUTE_REMOTE, "remote");
    return;
  }
  if (at == 0) { set_text(r, ROUTE_FAIL, "5.1.3 empty local part"); return; }
  /* host!user: a UUCP path, for the uucp transport. */
  if (memchr(rcpt, '!', at)) { set_text(r, ROUTE_NONE, "uucp"); return; }
  int found = aliases_lookup(r->rcpt.s, &r->targets);
  if (found < 0) { set_text(r, ROUTE_TEMP, "4.3.0 unable to read the aliases table"); return; }
  if (found > 0) {
    /* One address (postmaster: admin, @domain: user) is routed here
     * and now; a list, a program or a file goes through local. */
    if (!single_address(&r->targets)) { r->kind = ROUTE_ALIAS; return; }
    if (depth >= 8) { set_text(r, ROUTE_FAIL, "5.4.6 aliases loop"); return; }
    stralloc next = {0};
    if (!stralloc_copys(&next, r->targets.s) || !stralloc_0(&next)) die_nomem();
    resolve(me, next.s, r, depth + 1);
    stralloc_free(&next);
    return;
  }
  find_account(r, rcpt, at, cls, &r->domain);
  if (r->kind == ROUTE_FAIL && cls == DOMAIN_LOCAL) find_aliasdir(r, rcpt, at);
}

void route_resolve(const char *me, const char *rcpt, struct route *r)
{
  resolve(me, rcpt, r, 0);
}

void route_free(struct route *r)
{
  stralloc_free(&r->text); stralloc_free(&r->rcpt); stralloc_free(&r->domain);
  stralloc_free(&r->user); stralloc_free(&r->home); stralloc_free(&r->ext);
  stralloc_free(&r->maildir); stralloc_free(&r->quota); stralloc_free(&r->targets);
}
