/* MAIL FROM and its ESMTP parameters (SIZE, BODY, SMTPUTF8, RET, ENVID,
 * AUTH). */
#include <string.h>
#include "addr.h"
#include "case.h"
#include "die.h"
#include "scan.h"
#include "queue_env.h"
#include "smtpd.h"

/* xtext (RFC 3461 4): "+XX" stands for a byte. 1 ok, 0 malformed. */
int xtext_decode(stralloc *out, const char *s, size_t len)
{
  out->len = 0;
  for (size_t i = 0; i < len; ++i) {
    unsigned char c = (unsigned char)s[i];
    if (c == '+') {
      unsigned long v;
      char hex[3] = { 0, 0, 0 };
      if (len - i < 3) return 0;
      hex[0] = s[i + 1];
      hex[1] = s[i + 2];
      if (scan_xlong(hex, &v) != 2) return 0;
      c = (unsigned char)v;
      i += 2;
    } else if (c < 33 || c > 126 || c == '=') return 0;
    if (c < 0x20 || c == 0x7f) return 0;   /* nothing that would break a record */
    if (!stralloc_append(out, (const char *)&c)) die_nomem();
  }
  return 1;
}

/* One "KEY[=VALUE]" parameter at p: returns its length; *eq points at
 * '=' or is 0. */
int param_split(const char *p, const char **end, const char **eq)
{
  const char *q = p;
  *eq = 0;
  while (*q && *q != ' ') {
    if (*q == '=' && !*eq) *eq = q;
    ++q;
  }
  *end = q;
  return (int)(q - p);
}

static int keyis(const char *p, const char *eq, const char *end, const char *key)
{
  size_t klen = (size_t)((eq ? eq : end) - p);
  return strlen(key) == klen && !case_diffb(p, klen, key);
}

static int valis(const char *eq, const char *end, const char *val)
{
  size_t vlen = (size_t)(end - eq - 1);
  return eq && strlen(val) == vlen && !case_diffb(eq + 1, vlen, val);
}

/* 0 ok; else the reply was given. */
static int mail_param(struct session *s, const char *p, const char *eq, const char *end)
{
  if (keyis(p, eq, end, "SIZE") && eq) {
    unsigned long long n;
    if (scan_ulonglong(eq + 1, &n) != (size_t)(end - eq - 1)) { reply(s, "501 5.5.4 Bad SIZE"); return 1; }
    if (s->cfg->sizelimit && n > s->cfg->sizelimit) {
      reply(s, "552 5.3.4 Message size exceeds the fixed maximum message size");
      return 1;
    }
    s->declared_size = n;
  } else if (keyis(p, eq, end, "BODY") && eq) {
    if (valis(eq, end, "7BIT")) s->body_type = BODY_7BIT;
    else if (valis(eq, end, "8BITMIME")) s->body_type = BODY_8BITMIME;
    else { reply(s, "555 5.5.4 Unsupported BODY type"); return 1; }
  } else if (keyis(p, eq, end, "SMTPUTF8") && !eq) {
    s->smtputf8 = 1;
  } else if (keyis(p, eq, end, "RET") && eq) {
    if (!valis(eq, end, "FULL") && !valis(eq, end, "HDRS")) { reply(s, "501 5.5.4 Bad RET"); return 1; }
    if (!queue_env_add(&s->envhead, 'H', valis(eq, end, "FULL") ? "FULL" : "HDRS", 4)) die_nomem();
  } else if (keyis(p, eq, end, "ENVID") && eq) {
    if (end - eq - 1 > 100 || !xtext_decode(&s->tmp, eq + 1, (size_t)(end - eq - 1))) {
      reply(s, "501 5.5.4 Bad ENVID");
      return 1;
    }
    if (!queue_env_add(&s->envhead, 'V', s->tmp.s, s->tmp.len)) die_nomem();
  } else if (keyis(p, eq, end, "AUTH") && eq) {
    /* RFC 4954 5: accepted; the submitter we record is our own client's login. */
  } else {
    reply(s, "555 5.5.4 Unsupported MAIL parameter");
    return 1;
  }
  return 0;
}

static int mail_params(struct session *s, const char *p)
{
  unsigned seen = 0;
  while (*p) {
    while (*p == ' ') ++p;
    if (!*p) break;
    if (!s->esmtp) { reply(s, "555 5.5.4 MAIL parameters need EHLO"); return 1; }
    const char *end, *eq;
    param_split(p, &end, &eq);
    static const char *const once[] = { "SIZE", "BODY", "SMTPUTF8", "RET", "ENVID", "AUTH", 0 };
    for (int i = 0; once[i]; ++i)
      if (keyis(p, eq, end, once[i])) {
        if (seen & (1u << i)) { reply(s, "501 5.5.4 Repeated MAIL parameter"); return 1; }
        seen |= 1u << i;
      }
    if (mail_param(s, p, eq, end)) return 1;
    p = end;
  }
  return 0;
}

static int sender_ok(struct session *s, const struct addr *a)
{
  if (a->flags & ADDR_NULL) return 1;
  if (a->flags & ADDR_NODOMAIN) { reply(s, "553 5.1.7 The sender address must contain a domain"); return 0; }
  if (a->flags & ADDR_BAD_DOMAIN) { reply(s, "553 5.1.8 The sender's domain is not valid"); return 0; }
  if ((a->flags & ADDR_UTF8) && !s->smtputf8) {
    reply(s, "553 5.6.7 A non-ASCII address needs SMTPUTF8");
    return 0;
  }
  /* Clients we trust (relaying, authenticated) are not second-guessed. */
  if (!s->cfg->checkdns || s->cfg->relayclient || s->authed || (a->flags & ADDR_LITERAL)) return 1;
  int r = sender_domain_exists(a->domain.s);
  if (r < 0) reply(s, "451 4.4.3 Temporary failure looking up the sender's domain");
  else if (r == 0) {
    reply(s, "513 5.1.8 The sender's domain does not exist");
    log_line("refused sender ip=", s->cfg->remoteip, " from=", a->local.s, "@", a->domain.s, " reply=513 5.1.8");
  }
  return r > 0;
}

/* Replies for the address parser's errors, as Courier words them. */
void path_error(struct session *s, int err, const char *subject)
{
  if (err == -ADDR_ETOOLONG) reply3(s, "501 ", subject, " Address too long");
  else if (err == -ADDR_E8BIT) reply3(s, "553 ", subject, " Invalid characters in the address");
  else if (err == -ADDR_ENOMEM) die_nomem();
  else reply3(s, "517 ", subject, " Syntax error - your mail software violates RFC 821.");
}

void smtp_mail(struct session *s, const char *arg)
{
  if (!s->seen_helo) { reply(s, "503 5.5.1 Send HELO or EHLO first"); return; }
  if (s->in_mail) { reply(s, "503 5.5.1 Nested MAIL command"); return; }
  if (s->cfg->auth_required && !s->authed) { reply(s, "530 5.7.0 Authentication required"); return; }
  if (case_diffb(arg, 5, "FROM:") || strlen(arg) < 5) { reply(s, "501 5.5.4 Syntax: MAIL FROM:<address>"); return; }
  transaction_reset(s);
  struct addr a = { { 0, 0, 0 }, { 0, 0, 0 }, 0 };
  const char *path = arg + 5;
  int n = addr_parse_path(&a, path, strlen(path));
  if (n < 0) { path_error(s, n, "5.1.7"); addr_free(&a); return; }
  if (mail_params(s, path + n) || !sender_ok(s, &a) || bofh_badfrom(s, &a) || bofh_freemail(s, &a)
      || bofh_badmx(s, &a)) { transaction_reset(s); addr_free(&a); return; }
  if (!addr_format(&s->sender, &a)) die_nomem();
  addr_free(&a);
  if (s->body_type == BODY_8BITMIME && !queue_env_add(&s->envhead, 'B', "8BITMIME", 8)) die_nomem();
  if (s->smtputf8 && !queue_env_add(&s->envhead, 'U', "", 0)) die_nomem();
  if (s->authed && !queue_env_add(&s->envhead, 'A', s->authuser.s, s->authuser.len)) die_nomem();
  s->in_mail = 1;
  reply(s, "250 2.1.0 Ok");
}
