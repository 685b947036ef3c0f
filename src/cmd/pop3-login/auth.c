/* USER/PASS, APOP and AUTH (RFC 5034): credentials are decoded here and
 * checked only by authcheck, which runs pop3d on success. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "authcall.h"
#include "die.h"
#include "pop3cmd.h"
#include "sasl.h"
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

/* Runs authcheck; returns only when the credentials were refused. */
static void check(struct login *l, struct authreq *req)
{
  req->service = "pop3";
  if (strlen(req->login) > MAX_LOGIN || !*req->login) {
    login_reply("-ERR [AUTH] Login failed.");
    failed(l, "-", req->mech ? req->mech : "USER", "bad login name");
    return;
  }
  int r = authcall_exec(req, l->postauth);
  if (r == 1) {
    login_reply("-ERR [AUTH] Login failed.");
    failed(l, req->login, req->mech ? req->mech : "USER", "bad credentials");
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

/* One SASL continuation: "+ base64" out, a line in. 0 when cancelled. */
static int exchange(struct login *l, const char *b64, char *line, size_t size, size_t *len)
{
  char out[600];
  size_t n = strlen(b64);
  if (n + 3 > sizeof out) return 0;
  memcpy(out, "+ ", 2);
  memcpy(out + 2, b64, n);
  out[n + 2] = 0;
  login_reply(out);
  int r = login_read_line(l, line, size, len);
  if (r <= 0) _exit(0);
  if (r == 2 || (*len == 1 && line[0] == '*')) {
    login_reply(r == 2 ? "-ERR Response too long." : "-ERR Authentication cancelled.");
    return 0;
  }
  return 1;
}

static int b64_text(const char *b64, size_t len, stralloc *out)
{
  if (!sasl_b64_decode(out, b64, len) || memchr(out->s, 0, out->len) || !stralloc_0(out)) return 0;
  return 1;
}

static void mech_plain(struct login *l, const char *initial, char *line, size_t size)
{
  size_t len;
  if (initial) { len = strlen(initial); memcpy(line, initial, len + 1); }
  else if (!exchange(l, "", line, size, &len)) return;
  stralloc login = {0}, pass = {0};
  if (!sasl_plain(line, len, &login, &pass) || !stralloc_0(&login)) {
    login_reply("-ERR Malformed PLAIN response.");
  } else {
    struct authreq req = {0};
    req.mech = "PLAIN";
    req.login = login.s;
    req.secret = pass.s;
    req.secret_len = pass.len;
    check(l, &req);
  }
  if (pass.s) explicit_bzero(pass.s, pass.a);
  stralloc_free(&login);
  stralloc_free(&pass);
}

static void mech_login(struct login *l, const char *initial, char *line, size_t size)
{
  size_t len;
  stralloc login = {0}, pass = {0};
  if (initial) { len = strlen(initial); memcpy(line, initial, len + 1); }
  else if (!exchange(l, "VXNlcm5hbWU6", line, size, &len)) return;
  if (!b64_text(line, len, &login)) { login_reply("-ERR Malformed LOGIN response."); goto done; }
  if (!exchange(l, "UGFzc3dvcmQ6", line, size, &len)) goto done;
  if (!sasl_b64_decode(&pass, line, len)) { login_reply("-ERR Malformed LOGIN response."); goto done; }
  struct authreq req = {0};
  req.mech = "LOGIN";
  req.login = login.s;
  req.secret = pass.s ? pass.s : "";
  req.secret_len = pass.len;
  check(l, &req);
done:
  if (pass.s) explicit_bzero(pass.s, pass.a);
  explicit_bzero(line, size);
  stralloc_free(&login);
  stralloc_free(&pass);
}

static void mech_cram(struct login *l, char *line, size_t size)
{
  size_t len;
  stralloc chal = {0}, b64 = {0}, login = {0}, hex = {0};
  if (!authcall_challenge(&chal, l->hostname)) {
    login_reply("-ERR [SYS/TEMP] Temporary authentication failure.");
    goto done;
  }
  if (!sasl_b64_encode(&b64, chal.s, chal.len) ||
      !stralloc_0(&b64) || !stralloc_0(&chal)) {
    login_reply("-ERR [SYS/TEMP] Out of memory.");
    goto done;
  }
  if (!exchange(l, b64.s, line, size, &len)) goto done;
  if (!sasl_cram_answer(line, len, &login, &hex) || !stralloc_0(&login)) {
    login_reply("-ERR Malformed CRAM-MD5 response.");
    goto done;
  }
  struct authreq req = {0};
  req.mech = "CRAM-MD5";
  req.login = login.s;
  req.challenge = chal.s;
  req.secret = hex.s;
  req.secret_len = hex.len;
  check(l, &req);
done:
  stralloc_free(&chal); stralloc_free(&b64); stralloc_free(&login); stralloc_free(&hex);
}

static void mech_external(struct login *l, const char *initial, char *line, size_t size)
{
  size_t len;
  stralloc authz = {0};
  if (initial) { len = strlen(initial); memcpy(line, initial, len + 1); }
  else if (!exchange(l, "", line, size, &len)) return;
  if (!b64_text(line, len, &authz)) { login_reply("-ERR Malformed EXTERNAL response."); return; }
  const char *peer = getenv("SSL_PEER_LOGIN");
  struct authreq req = {0};
  req.mech = "EXTERNAL";
  req.login = *authz.s ? authz.s : peer;
  check(l, &req);
  stralloc_free(&authz);
}

void auth_sasl(struct login *l, const char *mech, const char *initial)
{
  char line[POP3_LINE_MAX + 2];
  if (!mech_offered(l, mech)) { login_reply("-ERR Unsupported authentication mechanism."); return; }
  if (!strcasecmp(mech, "PLAIN")) mech_plain(l, initial, line, sizeof line);
  else if (!strcasecmp(mech, "LOGIN")) mech_login(l, initial, line, sizeof line);
  else if (!strcasecmp(mech, "EXTERNAL")) mech_external(l, initial, line, sizeof line);
  else if (!strcasecmp(mech, "CRAM-MD5") && !initial) mech_cram(l, line, sizeof line);
  else if (!strcasecmp(mech, "CRAM-MD5")) login_reply("-ERR CRAM-MD5 takes no initial response.");
  else login_reply("-ERR Unsupported authentication mechanism.");
  explicit_bzero(line, sizeof line);
}
