/* libFuzzer harness for sasl_server: the input's first byte picks the
 * mechanism and whether the first line is an initial response; the
 * rest is the client's lines. Whatever the lines, the result must be
 * consistent: a ready request has a NUL-free login, EXTERNAL's login is
 * always the certificate's, CRAM-MD5's challenge is the one minted.
 * authcall_challenge is defined here, so the library's (which runs
 * authcheck) is not linked: bit 16 of the first byte makes it fail. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "sasl_server.h"

struct client {
  const char *p, *end;
  int rounds;
};

static int exchange(void *ctx, const char *b64, stralloc *line)
{
  struct client *c = ctx;
  (void)b64;
  if (++c->rounds > 2) abort();
  if (c->p >= c->end) return -1;
  const char *nl = memchr(c->p, '\n', (size_t)(c->end - c->p));
  size_t n = nl ? (size_t)(nl - c->p) : (size_t)(c->end - c->p);
  if (!stralloc_copyb(line, c->p, n)) abort();
  c->p += n + (nl != 0);
  return !(n == 1 && line->s[0] == '*');
}

#define CHALLENGE "<1234.5678@mail.example.test>"
static int challenge_fails;
static int unavailable_said;

int authcall_challenge(stralloc *out, const char *host)
{
  if (strcmp(host, "mail.example.test")) abort();
  if (challenge_fails) return 0;
  if (!stralloc_copys(out, CHALLENGE) || !stralloc_0(out)) abort();
  --out->len;
  return 1;
}

static void malformed(void *ctx, const char *mech) { (void)ctx; (void)mech; }
static void unavailable(void *ctx) { (void)ctx; ++unavailable_said; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static const char *const mechs[] = { "plain", "LOGIN", "External", "CRAM-MD5" };
  static const char peer[] = "john@example.test";
  if (size < 1) return 0;
  const char *mech = mechs[data[0] & 3];
  int with_initial = (data[0] & 4) != 0;
  challenge_fails = (data[0] & 16) != 0;
  unavailable_said = 0;
  struct client c = { (const char *)data + 1, (const char *)data + size, 0 };
  char *initial = 0;
  if (with_initial) {
    const char *nl = memchr(c.p, '\n', (size_t)(c.end - c.p));
    size_t n = nl ? (size_t)(nl - c.p) : (size_t)(c.end - c.p);
    initial = strndup(c.p, n);   /* a NUL ends it, as a C string would */
    if (!initial) abort();
    c.p += n + (nl != 0);
  }
  struct sasl_io io = { &c, "mail.example.test", (data[0] & 8) ? 0 : peer, exchange, malformed, unavailable };
  struct sasl_state st = { 0 };
  int r = sasl_server(&io, mech, initial, &st);
  const struct authreq req = st.req;
  if (r == SASL_READY) {
    if (!req.login || !req.mech) abort();
    if (!strcmp(req.mech, "EXTERNAL")) {
      if (strcmp(req.login, peer) || req.secret) abort();
    } else if (!req.secret || strlen(req.login) != st.login.len || strlen(req.secret) > req.secret_len) {
      abort();
    }
    if (strcmp(req.mech, "LOGIN") && !*req.login && strcmp(req.mech, "EXTERNAL")) abort();
    if (!strcmp(req.mech, "CRAM-MD5") && (!req.challenge || strcmp(req.challenge, CHALLENGE) || challenge_fails))
      abort();
    if (strcmp(req.mech, "CRAM-MD5") && req.challenge) abort();
  } else if (r == SASL_NOT_CERT && strcmp(mech, "External")) {
    abort();
  } else if (r == SASL_NO_INITIAL && strcmp(mech, "CRAM-MD5")) {
    abort();
  } else if (r == SASL_UNKNOWN) {
    abort();
  }
  /* Only a CRAM-MD5 exchange asks for a challenge, hence may fail so. */
  if (unavailable_said && (strcmp(mech, "CRAM-MD5") || !challenge_fails || with_initial || r != SASL_REPLIED)) abort();
  sasl_state_free(&st);
  free(initial);
  return 0;
}
