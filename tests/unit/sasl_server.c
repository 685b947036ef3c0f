/* sasl_server driven by scripted client lines: each mechanism's good
 * exchange, malformed base64, the cancel, CRAM-MD5 with and without an
 * initial response (its challenge from the real authcheck -C, under
 * POSTERN_COMMAND_DIR, else ./command), EXTERNAL with an empty, equal
 * and foreign authorization identity. */
#include <stdlib.h>
#include "tap.h"
#include "unitroot.h"
#include "sasl.h"
#include "sasl_server.h"

/* The client: its lines in order ("*" cancels, running out is going
 * away) and what the server said to it. */
struct script {
  const char *const *lines;
  int next, rounds, unavailable;
  char prompt[256], malformed[16];
};

static int exchange(void *ctx, const char *b64, stralloc *line)
{
  struct script *c = ctx;
  snprintf(c->prompt, sizeof c->prompt, "%s", b64);
  ++c->rounds;
  const char *l = c->lines ? c->lines[c->next] : 0;
  if (!l) return -1;
  ++c->next;
  if (!strcmp(l, "*")) return 0;
  return stralloc_copys(line, l);
}

static void malformed(void *ctx, const char *mech)
{
  struct script *c = ctx;
  snprintf(c->malformed, sizeof c->malformed, "%s", mech);
}

static void unavailable(void *ctx)
{
  ++((struct script *)ctx)->unavailable;
}

struct run {
  struct script c;
  struct sasl_state st;
  int r;
};

/* Runs mech against the lines; the caller frees with done(). */
static void go(struct run *x, const char *peer, const char *mech, const char *initial,
               const char *const *lines)
{
  memset(x, 0, sizeof *x);
  x->c.lines = lines;
  struct sasl_io io = { &x->c, "mail.example.test", peer, exchange, malformed, unavailable };
  x->r = sasl_server(&io, mech, initial, &x->st);
}

static void done(struct run *x)
{
  sasl_state_free(&x->st);
  ok(!x->st.secret.s && !x->st.line.s, "  the state is freed");
}

static void plain_login(void)
{
  struct run x;
  /* "\0tim\0tanstaaf" */
  go(&x, 0, "plain", "AHRpbQB0YW5zdGFhZg==", 0);
  is_int(x.r, SASL_READY, "PLAIN with an initial response: ready");
  is_str(x.st.req.mech, "PLAIN", "  mech in capitals");
  is_str(x.st.req.login, "tim", "  the login");
  ok(x.st.req.secret_len == 8 && !memcmp(x.st.req.secret, "tanstaaf", 8), "  the password");
  is_int(x.c.rounds, 0, "  no continuation");
  done(&x);
  const char *const p1[] = { "dGltAHRpbQB0YW5zdGFhZg==", 0 };
  go(&x, 0, "PLAIN", 0, p1);
  is_int(x.r, SASL_READY, "PLAIN after an empty continuation, authzid = login");
  ok(x.c.rounds == 1 && !*x.c.prompt, "  one empty prompt");
  is_str(x.st.req.login, "tim", "  the login");
  done(&x);
  const char *const bad[] = { "AHRpbQB0YW5zdGFhZg", 0 };
  go(&x, 0, "PLAIN", 0, bad);
  is_int(x.r, SASL_REPLIED, "PLAIN: malformed base64");
  is_str(x.c.malformed, "PLAIN", "  reported as a malformed PLAIN response");
  done(&x);
  go(&x, 0, "PLAIN", "Ym9iAHRpbQB0YW5zdGFhZg==", 0);
  is_int(x.r, SASL_REPLIED, "PLAIN: an authzid other than the login is malformed");
  done(&x);
  const char *const cancel[] = { "*", 0 };
  go(&x, 0, "PLAIN", 0, cancel);
  ok(x.r == SASL_REPLIED && !*x.c.malformed, "PLAIN: the cancel, replied by the protocol");
  done(&x);
  go(&x, 0, "PLAIN", 0, 0);
  is_int(x.r, SASL_GONE, "PLAIN: the client goes away");
  done(&x);

  const char *const l1[] = { "dGlt", "dGFuc3RhYWY=", 0 };
  go(&x, 0, "LOGIN", 0, l1);
  is_int(x.r, SASL_READY, "LOGIN: two continuations");
  is_str(x.c.prompt, "UGFzc3dvcmQ6", "  the second asks Password:");
  is_str(x.st.req.mech, "LOGIN", "  mech");
  ok(!strcmp(x.st.req.login, "tim") && x.st.req.secret_len == 8 && !memcmp(x.st.req.secret, "tanstaaf", 8),
     "  login and password");
  done(&x);
  const char *const l2[] = { "dGFuc3RhYWY=", 0 };
  go(&x, 0, "login", "dGlt", l2);
  ok(x.r == SASL_READY && x.c.rounds == 1 && !strcmp(x.c.prompt, "UGFzc3dvcmQ6"),
     "LOGIN with the user name as initial response: one continuation");
  done(&x);
  const char *const l3[] = { "dGlt", "=", 0 };
  go(&x, 0, "LOGIN", 0, l3);
  ok(x.r == SASL_READY && x.st.req.secret_len == 0 && x.st.req.secret, "LOGIN: '=' is an empty password");
  done(&x);
  const char *const l4[] = { "dG!t", 0 };
  go(&x, 0, "LOGIN", 0, l4);
  ok(x.r == SASL_REPLIED && !strcmp(x.c.malformed, "LOGIN"), "LOGIN: malformed user name");
  done(&x);
  const char *const l5[] = { "dABpbQ==", 0 };
  go(&x, 0, "LOGIN", 0, l5);
  ok(x.r == SASL_REPLIED && !strcmp(x.c.malformed, "LOGIN"), "LOGIN: a NUL in the user name is malformed");
  done(&x);
  const char *const l6[] = { "dGlt", "dGFuc3RhYWY", 0 };
  go(&x, 0, "LOGIN", 0, l6);
  ok(x.r == SASL_REPLIED && !strcmp(x.c.malformed, "LOGIN"), "LOGIN: malformed password");
  done(&x);
  const char *const l7[] = { "dGlt", "*", 0 };
  go(&x, 0, "LOGIN", 0, l7);
  ok(x.r == SASL_REPLIED && !*x.c.malformed && x.c.rounds == 2, "LOGIN: cancelled at the password");
  done(&x);
}

static char root[] = "/tmp/postern-unit-sasl_server.XXXXXX";

static void cram(void)
{
  struct run x;
  stralloc chal = {0};
  go(&x, 0, "CRAM-MD5", "dGlt", 0);
  ok(x.r == SASL_NO_INITIAL && !x.c.rounds, "CRAM-MD5 with an initial response: refused before any challenge");
  done(&x);
  /* "tim b913a602c7eda7a495b4e6e7334d3890" with capitals in the digest */
  const char *const c1[] = { "dGltIEI5MTNBNjAyQzdFREE3QTQ5NUI0RTZFNzMzNEQzODkw", 0 };
  go(&x, 0, "cram-md5", 0, c1);
  is_int(x.r, SASL_READY, "CRAM-MD5: ready");
  ok(x.st.req.challenge && x.st.req.challenge[0] == '<' && strstr(x.st.req.challenge, "@mail.example.test>"),
     "  the challenge is authcheck's, for the host");
  ok(sasl_b64_decode(&chal, x.c.prompt, strlen(x.c.prompt)) && stralloc_0(&chal)
     && !strcmp(chal.s, x.st.req.challenge), "  and the prompt is its base64");
  is_str(x.st.req.login, "tim", "  the login");
  ok(x.st.req.secret_len == 32 && !strcmp(x.st.req.secret, "b913a602c7eda7a495b4e6e7334d3890"), "  the digest, lower case");
  done(&x);
  const char *const c2[] = { "dGltIGI5MTM=", 0 };
  go(&x, 0, "CRAM-MD5", 0, c2);
  ok(x.r == SASL_REPLIED && !strcmp(x.c.malformed, "CRAM-MD5"), "CRAM-MD5: a short digest is malformed");
  done(&x);
  const char *const c3[] = { "not base64", 0 };
  go(&x, 0, "CRAM-MD5", 0, c3);
  ok(x.r == SASL_REPLIED && !strcmp(x.c.malformed, "CRAM-MD5"), "CRAM-MD5: malformed base64");
  done(&x);
  const char *const c4[] = { "*", 0 };
  go(&x, 0, "CRAM-MD5", 0, c4);
  ok(x.r == SASL_REPLIED && !*x.c.malformed, "CRAM-MD5: cancelled");
  done(&x);
  char *dir = strdup(getenv("POSTERN_COMMAND_DIR"));
  setenv("POSTERN_COMMAND_DIR", "/nonexistent", 1);
  go(&x, 0, "CRAM-MD5", 0, c1);
  ok(x.r == SASL_REPLIED && x.c.unavailable == 1 && !x.c.rounds, "CRAM-MD5 without authcheck: unavailable, no prompt");
  done(&x);
  setenv("POSTERN_COMMAND_DIR", dir, 1);
  free(dir);
  free(chal.s);
}

static void external(void)
{
  struct run x;
  const char *peer = "john@example.test";
  go(&x, peer, "EXTERNAL", "=", 0);
  is_int(x.r, SASL_READY, "EXTERNAL, empty authzid: ready");
  is_str(x.st.req.login, peer, "  the login is the certificate's");
  ok(!x.st.req.secret && !x.st.req.challenge, "  no secret, no challenge");
  done(&x);
  const char *const e1[] = { "", 0 };
  go(&x, peer, "external", 0, e1);
  ok(x.r == SASL_READY && x.c.rounds == 1 && !strcmp(x.st.req.login, peer), "EXTERNAL: an empty continuation");
  done(&x);
  go(&x, peer, "EXTERNAL", "am9obkBleGFtcGxlLnRlc3Q=", 0);
  ok(x.r == SASL_READY && !strcmp(x.st.req.login, peer), "EXTERNAL naming the certificate's login");
  done(&x);
  go(&x, peer, "EXTERNAL", "bWFsbG9yeUBleGFtcGxlLnRlc3Q=", 0);
  is_int(x.r, SASL_NOT_CERT, "EXTERNAL for another account: not the certificate's");
  is_str(x.st.req.login, "mallory@example.test", "  the authzid is there to log");
  ok(!x.st.req.secret, "  nothing to check");
  done(&x);
  go(&x, peer, "EXTERNAL", "am9obkBleGFtcGxlLnRlc3QAeA==", 0);
  ok(x.r == SASL_REPLIED && !strcmp(x.c.malformed, "EXTERNAL"), "EXTERNAL: a NUL after the login is malformed");
  done(&x);
  go(&x, peer, "EXTERNAL", "am9obk", 0);
  ok(x.r == SASL_REPLIED && !strcmp(x.c.malformed, "EXTERNAL"), "EXTERNAL: malformed base64");
  done(&x);
  const char *const e2[] = { "*", 0 };
  go(&x, peer, "EXTERNAL", 0, e2);
  ok(x.r == SASL_REPLIED && !*x.c.malformed, "EXTERNAL: cancelled");
  done(&x);
  go(&x, 0, "EXTERNAL", "=", 0);
  is_int(x.r, SASL_NOT_CERT, "EXTERNAL without a certificate login");
  done(&x);
  go(&x, "", "EXTERNAL", "=", 0);
  is_int(x.r, SASL_NOT_CERT, "EXTERNAL with an empty certificate login");
  done(&x);
  go(&x, peer, "DIGEST-MD5", 0, 0);
  ok(x.r == SASL_UNKNOWN && !x.c.rounds, "an unknown mechanism");
  done(&x);
}

int main(void)
{
  unit_root(root);
  plain_login();
  cram();
  external();
  char rm[600];
  snprintf(rm, sizeof rm, "rm -rf '%s'", root);
  if (system(rm) != 0) printf("# unable to remove %s\n", root);
  return done_testing();
}
