/* LOGIN and AUTHENTICATE (RFC 3501, 4959 SASL-IR): credentials are
 * decoded here and checked only by authcheck, which runs imapd; imapd
 * answers the command's tag (IMAPLOGINTAG). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "authcall.h"
#include "die.h"
#include "sasl.h"
#include "login.h"

#define MAX_LOGIN 256
#define MAX_SASL_LINE 8192

static void failed(struct login *l, const char *user, const char *mech, const char *why)
{
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
    login_tagged(l, "NO", "[AUTHENTICATIONFAILED] Authentication failed.");
    failed(l, "-", mech, "bad login name");
    return;
  }
  if (setenv("IMAPLOGINTAG", l->tag, 1) < 0) die_nomem();
  int r = authcall_exec(req, l->postauth);
  unsetenv("IMAPLOGINTAG");
  if (r == 1) {
    login_tagged(l, "NO", "[AUTHENTICATIONFAILED] Authentication failed.");
    failed(l, req->login, mech, "bad credentials");
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

/* One SASL round: "+ base64" out, a line in. 0 when cancelled or bad. */
static int exchange(struct login *l, const char *b64, stralloc *line)
{
  login_puts("+ ");
  login_puts(b64);
  login_puts("\r\n");
  int r = login_read_line(l, line, MAX_SASL_LINE);
  if (r == 0) _exit(0);
  if (r == 2) { login_tagged(l, "BAD", "SASL response too long."); return 0; }
  if (line->len == 1 && line->s[0] == '*') { login_tagged(l, "BAD", "AUTHENTICATE cancelled."); return 0; }
  return 1;
}

static void sasl_plain_mech(struct login *l, const char *initial, stralloc *line)
{
  stralloc user = { 0 }, pass = { 0 };
  if (!initial) {
    if (!exchange(l, "", line)) return;
    initial = line->s;
  }
  if (!sasl_plain(initial, strlen(initial), &user, &pass) || !stralloc_0(&user)) {
    login_tagged(l, "BAD", "Invalid SASL PLAIN response.");
    return;
  }
  auth_login(l, user.s, pass.s, pass.len);
  explicit_bzero(pass.s, pass.a);
  stralloc_free(&user);
  stralloc_free(&pass);
}

static void sasl_login_mech(struct login *l, const char *initial, stralloc *line)
{
  stralloc user = { 0 }, pass = { 0 };
  if (initial) {
    if (!sasl_b64_decode(&user, initial, strlen(initial))) { login_tagged(l, "BAD", "Invalid base64."); return; }
  } else {
    if (!exchange(l, "VXNlcm5hbWU6", line)) return;
    if (!sasl_b64_decode(&user, line->s, line->len)) { login_tagged(l, "BAD", "Invalid base64."); return; }
  }
  if (!stralloc_0(&user) || !exchange(l, "UGFzc3dvcmQ6", line)) goto out;
  if (!sasl_b64_decode(&pass, line->s, line->len)) { login_tagged(l, "BAD", "Invalid base64."); goto out; }
  auth_login(l, user.s, pass.s, pass.len);
  explicit_bzero(pass.s, pass.a);
out:
  stralloc_free(&user);
  stralloc_free(&pass);
}

static void sasl_cram_mech(struct login *l, stralloc *line)
{
  stralloc chal = { 0 }, b64 = { 0 }, user = { 0 }, digest = { 0 };
  if (!authcall_challenge(&chal, l->hostname)) {
    login_tagged(l, "NO", "[UNAVAILABLE] Temporary authentication failure.");
    goto out;
  }
  if (!sasl_b64_encode(&b64, chal.s, chal.len) || !stralloc_0(&b64) || !stralloc_0(&chal))
    die_nomem();
  if (!exchange(l, b64.s, line)) goto out;
  if (!sasl_cram_answer(line->s, line->len, &user, &digest) || !stralloc_0(&user)) {
    login_tagged(l, "BAD", "Invalid CRAM-MD5 response.");
    goto out;
  }
  struct authreq req = { 0 };
  req.mech = "CRAM-MD5";
  req.login = user.s;
  req.challenge = chal.s;
  req.secret = digest.s;
  req.secret_len = digest.len;
  check(l, &req);
out:
  stralloc_free(&chal);
  stralloc_free(&b64);
  stralloc_free(&user);
  stralloc_free(&digest);
}

/* EXTERNAL (RFC 4422 appendix A): the account is the certificate's
 * SSL_PEER_LOGIN; an authorization identity, if any, must be that. */
static void sasl_external_mech(struct login *l, const char *initial, stralloc *line)
{
  stralloc authz = { 0 };
  const char *peer = getenv("SSL_PEER_LOGIN");
  if (!initial) {
    if (!exchange(l, "", line)) return;
    initial = line->s;
  }
  if (!sasl_b64_decode(&authz, initial, strlen(initial)) || !stralloc_0(&authz)) {
    login_tagged(l, "BAD", "Invalid base64.");
  } else if (authz.len > 1 && strcmp(authz.s, peer)) {
    login_tagged(l, "NO", "[AUTHENTICATIONFAILED] Authentication failed.");
    failed(l, authz.s, "EXTERNAL", "not the certificate's login");
  } else {
    struct authreq req = { 0 };
    req.mech = "EXTERNAL";
    req.login = peer;
    check(l, &req);
  }
  stralloc_free(&authz);
}

void auth_sasl(struct login *l, const char *mech, const char *initial)
{
  stralloc line = { 0 };
  if (!mech_offered(l, mech)) {
    login_tagged(l, "NO", "Unsupported authentication mechanism.");
  } else if (!strcasecmp(mech, "PLAIN")) {
    sasl_plain_mech(l, initial, &line);
  } else if (!strcasecmp(mech, "LOGIN")) {
    sasl_login_mech(l, initial, &line);
  } else if (!strcasecmp(mech, "EXTERNAL")) {
    sasl_external_mech(l, initial, &line);
  } else if (!strcasecmp(mech, "CRAM-MD5") && !initial) {
    sasl_cram_mech(l, &line);
  } else {
    login_tagged(l, "NO", "Unsupported authentication mechanism.");
  }
  if (line.s) explicit_bzero(line.s, line.a);
  stralloc_free(&line);
}
