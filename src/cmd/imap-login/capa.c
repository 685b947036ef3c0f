/* The pre-login capability list: a table filtered by the session's
 * state and configuration, so a test can assert the exact list. SASL
 * mechanisms are the AUTH= words of IMAP_CAPABILITY (IMAP_CAPABILITY_TLS
 * once encrypted), PLAIN and LOGIN when it names none. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "login.h"

int login_allowed(const struct login *l) { return l->tls || !l->tls_required; }

static const char *mech_list(const struct login *l)
{
  const char *c = l->tls && l->capability_tls ? l->capability_tls : l->capability;
  return c && strcasestr(c, "AUTH=") ? c : "AUTH=PLAIN AUTH=LOGIN";
}

/* AUTH=EXTERNAL exactly when the TLS program verified a client
 * certificate that names a login, and vouched for it to authcheck
 * (doc/INTERFACES.md section 6). */
static int external_ok(void)
{
  const char *p = getenv("SSL_PEER_LOGIN"), *proof = getenv("SSL_PEER_LOGIN_PROOF");
  return p && *p && proof && *proof;
}

int mech_offered(const struct login *l, const char *mech)
{
  if (!strcasecmp(mech, "EXTERNAL")) return external_ok();
  const char *list = mech_list(l);
  size_t ml = strlen(mech);
  for (const char *p = list; *p;) {
    while (*p == ' ') ++p;
    size_t n = strcspn(p, " ");
    if (n == ml + 5 && !strncasecmp(p, "AUTH=", 5) && !strncasecmp(p + 5, mech, ml)) return 1;
    p += n;
  }
  return 0;
}

void capa_write(const struct login *l)
{
  login_puts("IMAP4rev1 LITERAL+ SASL-IR ID");
  if (l->tlsio.ctl >= 0 && !l->tls) login_puts(" STARTTLS");
  if (!login_allowed(l)) { login_puts(" LOGINDISABLED"); return; }
  const char *list = mech_list(l);
  for (const char *p = list; *p;) {
    while (*p == ' ') ++p;
    size_t n = strcspn(p, " ");
    if (n > 5 && !strncasecmp(p, "AUTH=", 5) && strncasecmp(p, "AUTH=EXTERNAL", n)) { login_puts(" "); login_write(p, n); }
    p += n;
  }
  if (external_ok()) login_puts(" AUTH=EXTERNAL");
}
