/* AUTH (RFC 4954): PLAIN, LOGIN, CRAM-MD5 and, after STARTTLS with a
 * verified client certificate, EXTERNAL. Decoding is sasl.h's; the
 * check is always authcheck's (authcall.h). */
#include <stdlib.h>
#include <string.h>
#include "authcall.h"
#include "case.h"
#include "die.h"
#include "scrub.h"
#include "sasl_server.h"
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

/* A continuation: 1 read, 0 cancelled or too long (replied), -1 the
 * client went away. */
static int exchange(void *ctx, const char *b64, stralloc *line)
{
  struct session *s = ctx;
  reply2(s, "334 ", b64);
  int too_long;
  if (!stralloc_ready(line, RESPONSE_MAX + 1)) die_nomem();   /* no realloc copies of a secret */
  if (!in_line(&s->in, line, RESPONSE_MAX, &too_long)) return -1;
  if (line->len && line->s[line->len - 1] == '\r') --line->len;
  if (line->len == 1 && line->s[0] == '*') { reply(s, "501 5.0.0 Authentication cancelled"); return 0; }
  if (too_long) { reply(s, "501 5.5.2 Cannot decode the response"); return 0; }
  return 1;
}

static void malformed(void *ctx, const char *mech)
{
  if (!strcmp(mech, "PLAIN") || !strcmp(mech, "CRAM-MD5")) reply3(ctx, "501 5.5.2 Malformed ", mech, " response");
  else reply(ctx, "501 5.5.2 Cannot decode the response");
}

static void unavailable(void *ctx)
{
  reply(ctx, "454 4.7.0 Temporary authentication failure");
}

static void refused(struct session *s, const struct authreq *req)
{
  reply(s, "535 5.7.8 Authentication credentials invalid");
  log_line("auth failed ip=", s->cfg->remoteip, " user=", req->login, " mech=", req->mech);
  if (++s->auth_failures >= AUTH_TRIES) {
    reply(s, "421 4.7.0 Too many failed authentications, closing connection");
    s->quit = 1;
  }
}

static void verdict(struct session *s, struct authreq *req)
{
  req->service = "esmtp";
  int r = authcall_check(req);
  if (r == 0) {
    s->authed = 1;
    if (!stralloc_copys(&s->authuser, req->login) || !stralloc_0(&s->authuser)) die_nomem();
    --s->authuser.len;
    reply(s, "235 2.7.0 Authentication successful");
    log_line("auth ok ip=", s->cfg->remoteip, " user=", s->authuser.s, " mech=", req->mech);
  } else if (r == 1) {
    refused(s, req);
  } else {
    reply(s, "454 4.7.0 Temporary authentication failure");
    log_line("auth temporary failure ip=", s->cfg->remoteip, " mech=", req->mech);
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
  struct sasl_io io = { s, s->cfg->me, getenv("SSL_PEER_LOGIN"), exchange, malformed, unavailable };
  struct sasl_state st = { 0 };
  switch (sasl_server(&io, mech, *initial ? initial : 0, &st)) {
  case SASL_READY: verdict(s, &st.req); break;
  case SASL_NOT_CERT: refused(s, &st.req); break;
  case SASL_NO_INITIAL: reply(s, "501 5.5.4 CRAM-MD5 takes no initial response"); break;
  case SASL_UNKNOWN: reply(s, "504 5.5.4 Unrecognised authentication type"); break;
  case SASL_GONE: s->quit = 1; break;
  }
  sasl_state_free(&st);
  /* The command line and the input buffer held the credentials, in
   * base64; a later command overwrites only its own few bytes. */
  explicit_bzero(s->line.s, s->line.a);
  in_forget(&s->in);
  scrub_stack();
}
