/* RCPT TO: the recipient is accepted or refused here, never bounced
 * later (policy.c decides), with its DSN parameters NOTIFY and ORCPT. */
#include <string.h>
#include "addr.h"
#include "case.h"
#include "die.h"
#include "fmt.h"
#include "queue_env.h"
#include "backscatter.h"
#include "smtpd.h"

/* NOTIFY=NEVER or a list of SUCCESS, FAILURE, DELAY (any case) into
 * upper case. 1 ok, 0 malformed. */
static int notify_value(stralloc *out, const char *v, size_t n)
{
  static const char *const words[] = { "NEVER", "SUCCESS", "FAILURE", "DELAY", 0 };
  unsigned seen = 0;
  out->len = 0;
  size_t start = 0;
  for (size_t i = 0; i <= n; ++i) {
    if (i < n && v[i] != ',') continue;
    int w;
    for (w = 0; words[w]; ++w)
      if (strlen(words[w]) == i - start && !case_diffb(v + start, i - start, words[w])) break;
    if (!words[w] || (seen & (1u << w))) return 0;
    seen |= 1u << w;
    if ((out->len && !stralloc_cats(out, ",")) || !stralloc_cats(out, words[w])) die_nomem();
    start = i + 1;
  }
  return !((seen & 1) && seen != 1);
}

struct rcpt_params {
  stralloc notify, orcpt;
  int has_notify, has_orcpt;
};

static int rcpt_params(struct session *s, const char *p, struct rcpt_params *rp)
{
  while (*p) {
    while (*p == ' ') ++p;
    if (!*p) break;
    if (!s->esmtp) { reply(s, "555 5.5.4 RCPT parameters need EHLO"); return 1; }
    const char *end, *eq;
    param_split(p, &end, &eq);
    size_t klen = (size_t)((eq ? eq : end) - p), vlen = eq ? (size_t)(end - eq - 1) : 0;
    if (eq && klen == 6 && !case_diffb(p, 6, "NOTIFY") && !rp->has_notify) {
      if (!notify_value(&rp->notify, eq + 1, vlen)) { reply(s, "501 5.5.4 Bad NOTIFY"); return 1; }
      rp->has_notify = 1;
    } else if (eq && klen == 5 && !case_diffb(p, 5, "ORCPT") && !rp->has_orcpt) {
      if (vlen > 500 || !xtext_decode(&rp->orcpt, eq + 1, vlen) || !memchr(rp->orcpt.s, ';', rp->orcpt.len)) {
        reply(s, "501 5.5.4 Bad ORCPT");
        return 1;
      }
      rp->has_orcpt = 1;
    } else {
      reply(s, "555 5.5.4 Unsupported RCPT parameter");
      return 1;
    }
    p = end;
  }
  return 0;
}

static int too_many(struct session *s)
{
  if (!s->cfg->maxrcpts || s->nrcpt < s->cfg->maxrcpts) return 0;
  reply(s, s->cfg->maxrcpts_hard ? "552 5.5.3 Too many recipients"
                                 : "452 4.5.3 Too many recipients");
  return 1;
}

static void rcpt_accept(struct session *s, const struct addr *a, struct rcpt_params *rp)
{
  s->tmp.len = 0;
  if (!addr_format(&s->tmp, a)) die_nomem();
  if (!queue_env_add(&s->envrcpt, 'T', s->tmp.s, s->tmp.len)) die_nomem();
  if (rp->has_notify && !queue_env_add(&s->envrcpt, 'N', rp->notify.s, rp->notify.len)) die_nomem();
  if (rp->has_orcpt && !queue_env_add(&s->envrcpt, 'O', rp->orcpt.s, rp->orcpt.len)) die_nomem();
  ++s->nrcpt;
  reply(s, "250 2.1.5 Ok");
}

/* The backscatter suppression list: a local address whose delivery
 * failed in the last two hours is refused as that delivery failed
 * (temporarily or for good), so no new bounce is made for it. */
static int suppressed(struct session *s, const struct addr *a)
{
  int applies = s->cfg->suppress == 2
             || (s->cfg->suppress == 1 && !s->cfg->relayclient && !s->authed);
  if (!applies) return 0;
  stralloc text = { 0, 0, 0 };
  if (!addr_format(&text, a) || !stralloc_0(&text)) die_nomem();
  int listed = backscatter_check(text.s);
  stralloc_free(&text);
  if (listed == BACKSCATTER_TEMP)
    reply(s, "450 4.2.1 Delivery to this address failed recently; try again later");
  else if (listed == BACKSCATTER_PERM)
    reply(s, "550 5.1.1 Delivery to this address failed recently");
  else
    return 0;
  log_line("refused ip=", s->cfg->remoteip, " reason=backscatter-suppression");
  return 1;
}

void smtp_rcpt(struct session *s, const char *arg)
{
  if (!s->in_mail) { reply(s, "503 5.5.1 Send MAIL first"); return; }
  if (strlen(arg) < 3 || case_diffb(arg, 3, "TO:")) { reply(s, "501 5.5.4 Syntax: RCPT TO:<address>"); return; }
  ++s->nrcpt_tried;
  struct addr a = { { 0, 0, 0 }, { 0, 0, 0 }, 0 };
  struct rcpt_params rp = { { 0, 0, 0 }, { 0, 0, 0 }, 0, 0 };
  const char *path = arg + 3;
  int n = addr_parse_path(&a, path, strlen(path));
  if (n < 0) path_error(s, n, "5.1.3");
  else if (a.flags & ADDR_NULL) reply(s, "553 5.1.3 The null address cannot be a recipient");
  else if (too_many(s) || rcpt_params(s, path + n, &rp)) ;
  else if ((a.flags & ADDR_UTF8) && !s->smtputf8) reply(s, "553 5.6.7 A non-ASCII address needs SMTPUTF8");
  else if (bofh_spamtrap(s, &a)) ;
  else if (rcpt_policy(s, &a) == 0 && !suppressed(s, &a)) rcpt_accept(s, &a, &rp);
  addr_free(&a);
  stralloc_free(&rp.notify);
  stralloc_free(&rp.orcpt);
}
