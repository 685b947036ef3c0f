/* LOGIN and AUTHENTICATE (RFC 3501, 4959 SASL-IR): credentials are
 * decoded here and checked only by authcheck, which runs imapd; imapd
 * answers the command's tag (IMAPLOGINTAG). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "authcall.h"
#include "die.h"
#include "sasl_server.h"
#include "login.h"

#define MAX_LOGIN 256
#define MAX_SASL_LINE 8192

/* NO for a failed login, counted. */
static void refused(struct login *l, const char *user, const char *mech, const char *why)
{
  login_tagged(l, "NO", "[AUTHENTICATIONFAILED] Authentication failed.");
  log_line("auth failed user=", user, " ip=", l->ip, " mech=", mech, " reason=", why);
  if (++l->failures >= l->max_failures) {
    log_line("too many failures ip=", l->ip);
    login_puts("* BYE Too many failed logins.\r\n");
    _exit(0);
  }
}

/* Runs authcheck; returns only when the credentials were refused. */
static void check(struct login *l, struct authreq *req)
{
  const char *mech = req->mech ? req->mech : "LOGIN";
  req->service = "imap";
  if (!*req->login || strlen(req->login) > MAX_LOGIN || strpbrk(req->login, "\r\n")) {
    refused(l, "-", mech, "bad login name");
    return;
  }
  if (setenv("IMAPLOGINTAG", l->tag, 1) < 0) die_nomem();
  int r = authcall_exec(req, l->postauth);
  unsetenv("IMAPLOGINTAG");
  if (r == 1) {
    refused(l, req->login, mech, "bad credentials");
  } else if (r == 111) {
    log_line("auth unavailable user=", req->login, " ip=", l->ip);
    login_tagged(l, "NO", "[UNAVAILABLE] Unable to check credentials now; try again later.");
  } else {
    _exit(0);   /* imapd ran the session */
  }
}

void auth_login(struct login *l, const char *user, const char *pass, size_t passlen)
{
  struct authreq req = { 0 };
  req.login = user;
  req.secret = pass;
  req.secret_len = passlen;
  check(l, &req);
}

/* One SASL round: "+ base64" out, a line in. */
static int exchange(void *ctx, const char *b64, stralloc *line)
{
  struct login *l = ctx;
  login_puts("+ ");
  login_puts(b64);
  login_puts("\r\n");
  int r = login_read_line(l, line, MAX_SASL_LINE);
  if (r == 0) _exit(0);
  if (r == 2) { login_tagged(l, "BAD", "SASL response too long."); return 0; }
  if (line->len == 1 && line->s[0] == '*') { login_tagged(l, "BAD", "AUTHENTICATE cancelled."); return 0; }
  return 1;
}

static void malformed(void *ctx, const char *mech)
{
  if (!strcmp(mech, "PLAIN")) login_tagged(ctx, "BAD", "Invalid SASL PLAIN response.");
  else if (!strcmp(mech, "CRAM-MD5")) login_tagged(ctx, "BAD", "Invalid CRAM-MD5 response.");
  else login_tagged(ctx, "BAD", "Invalid base64.");
}

static void unavailable(void *ctx)
{
  login_tagged(ctx, "NO", "[UNAVAILABLE] Temporary authentication failure.");
}

void auth_sasl(struct login *l, const char *mech, const char *initial)
{
  if (!mech_offered(l, mech)) {
    login_tagged(l, "NO", "Unsupported authentication mechanism.");
    return;
  }
  struct sasl_io io = { l, l->hostname, getenv("SSL_PEER_LOGIN"), exchange, malformed, unavailable };
  struct sasl_state st = { 0 };
  switch (sasl_server(&io, mech, initial, &st)) {
  case SASL_READY: check(l, &st.req); break;
  case SASL_NOT_CERT: refused(l, st.req.login, "EXTERNAL", "not the certificate's login"); break;
  case SASL_NO_INITIAL:   /* RFC 4959 section 3 */
    login_tagged(l, "BAD", "CRAM-MD5 takes no initial response.");
    break;
  case SASL_UNKNOWN:
    login_tagged(l, "NO", "Unsupported authentication mechanism.");
    break;
  }
  sasl_state_free(&st);
}
