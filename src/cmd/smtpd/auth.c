/* AUTH (RFC 4954): PLAIN, LOGIN, CRAM-MD5 and, after STARTTLS with a
 * verified client certificate, EXTERNAL. Decoding is sasl.h's; the
 * check is always authcheck's (authcall.h). */
#include <stdlib.h>
#include <string.h>
#include "authcall.h"
#include "case.h"
#include "die.h"
#include "sasl.h"
#include "smtpd.h"

/* RFC 4954 4: a response line may be 12288 octets. */
enum { RESPONSE_MAX = 12288, AUTH_TRIES = 5 };

static int word_in(const char *list, const char *word)
{
  size_t wl = strlen(word);
  for (const char *p = list ? list : ""; *p;) {
    while (*p == ' ' || *p == ',' || *p == '\t') ++p;
    size_t n = 0;
    while (p[n] && p[n] != ' ' && p[n] != ',' && p[n] != '\t') ++n;
    if (n == wl && !case_diffb(p, n, word)) return 1;
    p += n;
  }
  return 0;
}

int auth_offered(const struct session *s, const char *mech)
{
  if (!strcmp(mech, "EXTERNAL")) {
    /* Only what authcheck will believe (doc/INTERFACES.md section 6). */
    const char *login = getenv("SSL_PEER_LOGIN"), *proof = getenv("SSL_PEER_LOGIN_PROOF");
    return s->tls && login && *login && proof && *proof;
  }
  return word_in(s->cfg->auth_mechs, mech) || (s->tls && word_in(s->cfg->auth_mechs_tls, mech));
}

/* The client's next response line: 1 read, 0 cancelled or malformed
 * (replied), -1 the client went away. */
static int response(struct session *s, const char *prompt, stralloc *decoded)
{
  reply2(s, "334 ", prompt);
  int too_long;
  if (!in_line(&s->in, &s->line, RESPONSE_MAX, &too_long)) return -1;
  if (s->line.len && s->line.s[s->line.len - 1] == '\r') --s->line.len;
  if (s->line.len == 1 && s->line.s[0] == '*') { reply(s, "501 5.0.0 Authentication cancelled"); return 0; }
  if (too_long || !sasl_b64_decode(decoded, s->line.s, s->line.len)) {
    reply(s, "501 5.5.2 Cannot decode the response");
    return 0;
  }
  return 1;
}

static int zero(stralloc *sa)
{
  if (!stralloc_0(sa)) die_nomem();
  --sa->len;
  return 1;
}

struct creds {
  stralloc login, secret, challenge, raw;
};

/* Fills the credentials for mech: 1 ready, 0 replied, -1 client gone. */
static int gather(struct session *s, const char *mech, const char *initial, struct creds *c)
{
  int r;
  if (!case_diffs(mech, "PLAIN")) {
    if (!*initial) {
      if ((r = response(s, "", &c->raw)) <= 0) return r;
      zero(&s->line);
      initial = s->line.s;
    }
    if (!sasl_plain(initial, strlen(initial), &c->login, &c->secret)) {
      reply(s, "501 5.5.2 Malformed PLAIN response");
      return 0;
    }
    return 1;
  }
  if (!case_diffs(mech, "LOGIN")) {
    if (*initial) {
      if (!sasl_b64_decode(&c->login, initial, strlen(initial))) { reply(s, "501 5.5.2 Cannot decode the response"); return 0; }
    } else if ((r = response(s, "VXNlcm5hbWU6", &c->login)) <= 0) return r;
    return response(s, "UGFzc3dvcmQ6", &c->secret);
  }
  if (!case_diffs(mech, "CRAM-MD5")) {
    if (*initial) { reply(s, "501 5.5.4 CRAM-MD5 takes no initial response"); return 0; }
    if (!authcall_challenge(&c->challenge, s->cfg->me)) {
      reply(s, "454 4.7.0 Temporary authentication failure");
      return 0;
    }
    if (!sasl_b64_encode(&c->raw, c->challenge.s, c->challenge.len) || !zero(&c->raw)) die_nomem();
    stralloc prompt = { 0, 0, 0 };
    if (!stralloc_copy(&prompt, &c->raw) || !zero(&prompt)) die_nomem();
    r = response(s, prompt.s, &c->raw);
    stralloc_free(&prompt);
    if (r <= 0) return r;
    if (!sasl_cram_answer(s->line.s, s->line.len, &c->login, &c->secret)) {
      reply(s, "501 5.5.2 Malformed CRAM-MD5 response");
      return 0;
    }
    return 1;
  }
  /* EXTERNAL: the optional authorization identity must name the
   * certificate's account; without an initial response it comes on the
   * next line ("=" for none), as clients such as curl send it. */
  if (!*initial) return response(s, "", &c->login);
  if (strcmp(initial, "=") && !sasl_b64_decode(&c->login, initial, strlen(initial))) {
    reply(s, "501 5.5.2 Cannot decode the response");
    return 0;
  }
  return 1;
}

static void verdict(struct session *s, const char *mech, struct creds *c)
{
  zero(&c->login);
  zero(&c->secret);
  zero(&c->challenge);
  struct authreq req = { "esmtp", mech, c->login.s, c->secret.s, c->secret.len,
                         c->challenge.len ? c->challenge.s : 0 };
  if (!case_diffs(mech, "LOGIN")) req.mech = "PLAIN";
  int r = authcall_check(&req);
  const char *who = !case_diffs(mech, "EXTERNAL") ? getenv("SSL_PEER_LOGIN") : c->login.s;
  if (r == 0) {
    s->authed = 1;
    if (!stralloc_copys(&s->authuser, who ? who : "") || !zero(&s->authuser)) die_nomem();
    reply(s, "235 2.7.0 Authentication successful");
    log_line("auth ok ip=", s->cfg->remoteip, " user=", s->authuser.s, " mech=", mech);
  } else if (r == 1) {
    reply(s, "535 5.7.8 Authentication credentials invalid");
    log_line("auth failed ip=", s->cfg->remoteip, " user=", c->login.s, " mech=", mech);
    if (++s->auth_failures >= AUTH_TRIES) {
      reply(s, "421 4.7.0 Too many failed authentications, closing connection");
      s->quit = 1;
    }
  } else {
    reply(s, "454 4.7.0 Temporary authentication failure");
    log_line("auth temporary failure ip=", s->cfg->remoteip, " mech=", mech);
  }
}

void smtp_auth(struct session *s, const char *arg)
{
  if (!s->esmtp) { reply(s, "503 5.5.1 Send EHLO first"); return; }
  if (s->authed) { reply(s, "503 5.5.1 Already authenticated"); return; }
  if (s->in_mail) { reply(s, "503 5.5.1 AUTH is not allowed during a mail transaction"); return; }
  char mech[16];
  size_t n = 0;
  while (arg[n] && arg[n] != ' ' && n < sizeof mech - 1) { mech[n] = arg[n]; ++n; }
  mech[n] = 0;
  if ((arg[n] && arg[n] != ' ') || !n) { reply(s, "504 5.5.4 Unrecognised authentication type"); return; }
  for (char *p = mech; *p; ++p)
    if (*p >= 'a' && *p <= 'z') *p = (char)(*p - 'a' + 'A');
  const char *initial = arg + n;
  while (*initial == ' ') ++initial;
  if (!auth_offered(s, mech)) { reply(s, "504 5.5.4 Unrecognised authentication type"); return; }
  struct creds c;
  memset(&c, 0, sizeof c);
  int r = gather(s, mech, initial, &c);
  if (r > 0) verdict(s, mech, &c);
  else if (r < 0) s->quit = 1;
  if (c.secret.s) memset(c.secret.s, 0, c.secret.a);
  stralloc_free(&c.login);
  stralloc_free(&c.secret);
  stralloc_free(&c.challenge);
  stralloc_free(&c.raw);
}
