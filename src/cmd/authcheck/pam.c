#include <stdlib.h>
#include <string.h>
#include <security/pam_appl.h>
#include "authcheck.h"
#include "account_mod.h"
#include "die.h"

/* PAM asks; the only answer authcheck has is the password. */
static int converse(int n, const struct pam_message **msg, struct pam_response **resp, void *data)
{
  const struct authcheck *a = data;
  struct pam_response *r = calloc((size_t)n, sizeof *r);
  if (!r) return PAM_BUF_ERR;
  for (int i = 0; i < n; ++i) {
    int style = msg[i]->msg_style;
    if (style != PAM_PROMPT_ECHO_OFF && style != PAM_PROMPT_ECHO_ON) continue;
    r[i].resp = strndup(a->secret, a->secretlen);
    if (!r[i].resp) {
      for (int j = 0; j < i; ++j) free(r[j].resp);
      free(r);
      return PAM_BUF_ERR;
    }
  }
  *resp = r;
  return PAM_SUCCESS;
}

/* PAM's answers that mean "try again later" rather than "no".
 * PAM_SYSTEM_ERR is not one: modules such as pam_exec give it for an
 * ordinary refusal. */
static int temporary(int rc)
{
  return rc == PAM_AUTHINFO_UNAVAIL || rc == PAM_BUF_ERR || rc == PAM_ABORT
      || rc == PAM_TRY_AGAIN || rc == PAM_OPEN_ERR || rc == PAM_SYMBOL_ERR;
}

int check_pam(struct authcheck *a)
{
  if (a->cram || a->apop) return 0;
  int r = account_module_lookup(&a->acct, &a->conf, "authpam", a->login);
  if (r <= 0) return r;
  struct pam_conv conv = { converse, a };
  pam_handle_t *h = 0;
  const char *confdir = authconf_get(&a->conf, "AUTHPAM_CONFDIR");
  int rc = pam_start_confdir(a->service, a->acct.user.s, &conv, confdir, &h);
  if (rc != PAM_SUCCESS) {
    warn("unable to start PAM for service ", a->service, ": ", pam_strerror(h, rc));
    return -1;
  }
  rc = pam_authenticate(h, PAM_SILENT | PAM_DISALLOW_NULL_AUTHTOK);
  if (rc == PAM_SUCCESS) rc = pam_acct_mgmt(h, PAM_SILENT);
  if (rc == PAM_SUCCESS) r = 1;
  else if (temporary(rc)) { warn("PAM service ", a->service, ": ", pam_strerror(h, rc)); r = -1; }
  else r = 0;
  pam_end(h, rc);
  return r;
}
