/* USER/PASS, APOP and AUTH (RFC 5034): credentials are decoded here and
 * checked only by authcheck, which runs pop3d on success. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "authcall.h"
#include "die.h"
#include "pop3cmd.h"
#include "sasl_server.h"
#include "login.h"

#define MAX_LOGIN 256

static void failed(struct login *l, const char *user, const char *mech, const char *why)
{
  log_line("auth failed user=", user, " ip=", l->ip, " mech=", mech, " reason=", why);
  if (++l->failures >= l->max_failures) {
    log_line("too many failures ip=", l->ip);
    login_reply("-ERR [AUTH] Too many failed logins.");
    _exit(0);
  }
}

static void refused(struct login *l, const char *user, const char *mech, const char *why)
{
  login_reply("-ERR [AUTH] Login failed.");
  failed(l, user, mech, why);
}

/* Runs authcheck; returns only when the credentials were refused. */
static void check(struct login *l, struct authreq *req)
{
  req->service = "pop3";
  if (strlen(req->login) > MAX_LOGIN || !*req->login) {
    refused(l, "-", req->mech ? req->mech : "USER", "bad login name");
    return;
  }
  int r = authcall_exec(req, l->postauth);
  if (r == 1) {
    refused(l, req->login, req->mech ? req->mech : "USER", "bad credentials");
  } else if (r == 111) {
    log_line("auth unavailable user=", req->login, " ip=", l->ip);
    login_reply("-ERR [SYS/TEMP] Unable to check credentials now; try again later.");
  } else if (r == 100) {
    /* authcheck refused the request itself (a mechanism it does not
     * know, a configuration error): its own log line says why. */
    log_line("auth error user=", req->login, " ip=", l->ip, " mech=", req->mech ? req->mech : "USER");
    login_reply("-ERR [SYS/PERM] Unable to check these credentials.");
    failed(l, req->login, req->mech ? req->mech : "USER", "authcheck refused the request");
  } else {
    _exit(0);   /* pop3d ran the session */
  }
}

void auth_pass(struct login *l, const char *pass, size_t len)
{
  if (!l->user.len) { login_reply("-ERR USER first."); return; }
  stralloc_0(&l->user);
  struct authreq req = {0};
  req.login = l->user.s;
  req.secret = pass;
  req.secret_len = len;
  check(l, &req);
  l->user.len = 0;
}

void auth_apop(struct login *l, const char *user, const char *digest)
{
  if (!*l->stamp) { login_reply("-ERR APOP not available."); return; }
  struct authreq req = {0};
  req.mech = "APOP";
  req.login = user;
  req.challenge = l->stamp;
  req.secret = digest;
  req.secret_len = strlen(digest);
  check(l, &req);
}

/* One SASL continuation: "+ base64" out, a line in. */
static int exchange(void *ctx, const char *b64, stralloc *answer)
{
  struct login *l = ctx;
  char line[POP3_LINE_MAX + 2];
  size_t len;
  stralloc out = {0};
  if (!stralloc_copys(&out, "+ ") || !stralloc_cats(&out, b64) || !stralloc_0(&out)) die_nomem();
  login_reply(out.s);
  stralloc_free(&out);
  int r = login_read_line(l, line, sizeof line, &len);
  if (r <= 0) _exit(0);
  int ok = r == 1 && !(len == 1 && line[0] == '*');
  if (ok && !stralloc_copyb(answer, line, len)) die_nomem();
  explicit_bzero(line, sizeof line);
  if (!ok) login_reply(r == 2 ? "-ERR Response too long." : "-ERR Authentication cancelled.");
  return ok;
}

static void malformed(void *ctx, const char *mech)
{
  char text[64];
  (void)ctx;
  snprintf(text, sizeof text, "-ERR Malformed %s response.", mech);
  login_reply(text);
}

static void unavailable(void *ctx)
{
  (void)ctx;
  login_reply("-ERR [SYS/TEMP] Temporary authentication failure.");
}

void auth_sasl(struct login *l, const char *mech, const char *initial)
{
  if (!mech_offered(l, mech)) { login_reply("-ERR Unsupported authentication mechanism."); return; }
  struct sasl_io io = { l, l->hostname, getenv("SSL_PEER_LOGIN"), exchange, malformed, unavailable };
  struct sasl_state st = { 0 };
  switch (sasl_server(&io, mech, initial, &st)) {
  case SASL_READY: check(l, &st.req); break;
  case SASL_NOT_CERT: refused(l, st.req.login, "EXTERNAL", "not the certificate's login"); break;
  case SASL_NO_INITIAL: login_reply("-ERR CRAM-MD5 takes no initial response."); break;
  case SASL_UNKNOWN: login_reply("-ERR Unsupported authentication mechanism."); break;
  }
  sasl_state_free(&st);
}
