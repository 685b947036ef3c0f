/* The envelope sendmail gives queue-inject: sender, DSN options, the
 * submitting user, and each recipient qualified with defaultdomain. */
#include <string.h>
#include "addr.h"
#include "die.h"
#include "queue_env.h"
#include "sendmail.h"

/* Parses an address (with or without <>) into canonical text in out;
 * a bare name gets "@domain". 1 ok, 0 not an address. */
static int canonical(struct sendmail *m, const char *text, size_t len, stralloc *out)
{
  struct addr a = { { 0, 0, 0 }, { 0, 0, 0 }, 0 };
  while (len && (*text == ' ' || *text == '\t')) { ++text; --len; }
  int r = len && text[0] == '<' ? addr_parse_path(&a, text, len) : addr_parse(&a, text, len);
  int ok = r >= 0 && (size_t)r == len;
  if (ok && (a.flags & ADDR_NODOMAIN) && !(a.flags & ADDR_NULL)) {
    if (!stralloc_copy(&a.domain, &m->domain) || !stralloc_0(&a.domain)) die_nomem();
    --a.domain.len;
    a.flags &= ~(unsigned)ADDR_NODOMAIN;
  }
  out->len = 0;
  if (ok && !addr_format(out, &a)) die_nomem();
  addr_free(&a);
  return ok;
}

int add_recipient(struct sendmail *m, const char *text, size_t len)
{
  if (!canonical(m, text, len, &m->tmp) || !m->tmp.len) {
    stralloc bad = { 0, 0, 0 };
    if (!stralloc_copyb(&bad, text, len) || !stralloc_0(&bad)) die_nomem();
    warn("not a valid recipient address: ", bad.s);
    stralloc_free(&bad);
    return 0;
  }
  if (!queue_env_add(&m->envrcpt, 'T', m->tmp.s, m->tmp.len)) die_nomem();
  if (m->notify && !queue_env_add(&m->envrcpt, 'N', m->notify_rec.s, m->notify_rec.len)) die_nomem();
  ++m->nrcpt;
  return 1;
}

/* F and the option records. 0 ok, 1 a bad sender. */
int build_envelope(struct sendmail *m)
{
  stralloc *sender = &m->tmp;
  if (!m->sender) {
    if (!stralloc_copy(sender, &m->login) || !stralloc_cats(sender, "@") || !stralloc_cat(sender, &m->domain))
      die_nomem();
  } else if (!strcmp(m->sender, "<>") || !*m->sender) {
    sender->len = 0;
  } else if (!canonical(m, m->sender, strlen(m->sender), sender)) {
    warn("not a valid sender address: ", m->sender);
    return 1;
  }
  m->env.len = 0;
  if (!queue_env_add(&m->env, 'F', sender->s, sender->len)) die_nomem();
  if (m->envid && !queue_env_add(&m->env, 'V', m->envid, strlen(m->envid))) die_nomem();
  if (m->ret && !queue_env_add(&m->env, 'H', m->ret, strlen(m->ret))) die_nomem();
  if (!queue_env_add(&m->env, 'A', m->login.s, m->login.len)) die_nomem();
  if (m->security && !queue_env_add(&m->env, 'S', m->security, strlen(m->security))) die_nomem();
  return 0;
}
