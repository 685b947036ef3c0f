/* The Received: line smtpd puts on top of each message (RFC 5321 4.4),
 * with the protocol keywords of RFC 3848 and RFC 6531. */
#include <string.h>
#include <time.h>
#include "date822.h"
#include "die.h"
#include "smtpd.h"

/* Client-supplied text goes into a header: printable ASCII only. */
static int cat_clean(stralloc *out, const char *s)
{
  for (; *s; ++s) {
    char c = (*s >= 0x21 && *s <= 0x7e && *s != '(' && *s != ')') ? *s : '?';
    if (!stralloc_append(out, &c)) return 0;
  }
  return 1;
}

static const char *protocol(const struct session *s)
{
  static const char *const names[2][4] = {
    { "ESMTP", "ESMTPA", "ESMTPS", "ESMTPSA" },
    { "UTF8SMTP", "UTF8SMTPA", "UTF8SMTPS", "UTF8SMTPSA" },
  };
  if (!s->esmtp) return "SMTP";
  return names[s->smtputf8 ? 1 : 0][(s->authed ? 1 : 0) + (s->tls ? 2 : 0)];
}

int received_line(stralloc *out, const struct session *s, const char *id)
{
  const struct smtp_config *c = s->cfg;
  char date[DATE822_MAX];
  date822(date, time(0));
  out->len = 0;
  int ok = stralloc_cats(out, "Received: from ") && cat_clean(out, s->helo.len ? s->helo.s : "unknown")
        && stralloc_cats(out, " (");
  if (ok && c->remotehost && *c->remotehost)
    ok = cat_clean(out, c->remotehost) && stralloc_cats(out, " ");
  ok = ok && stralloc_cats(out, "[") && cat_clean(out, c->remoteip) && stralloc_cats(out, "])\n");
  if (ok && s->authed)
    ok = stralloc_cats(out, "\t(authenticated as ") && cat_clean(out, s->authuser.s) && stralloc_cats(out, ")\n");
  return ok && stralloc_cats(out, "\tby ") && cat_clean(out, c->me) && stralloc_cats(out, " (postern) with ")
      && stralloc_cats(out, protocol(s)) && stralloc_cats(out, " id ") && stralloc_cats(out, id)
      && stralloc_cats(out, ";\n\t") && stralloc_cats(out, date) && stralloc_cats(out, "\n");
}
