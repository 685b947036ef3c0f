/* One exchange per mechanism (RFC 4616 PLAIN, LOGIN, RFC 2195 CRAM-MD5,
 * RFC 4422 appendix A EXTERNAL) over the protocol's callbacks. Every
 * client line is held with its length and decoded by sasl.h; nothing
 * here trusts a line to be short or free of NULs. */
#include <string.h>
#include <strings.h>
#include "die.h"
#include "sasl.h"
#include "sasl_server.h"

static void terminate(stralloc *sa)
{
  if (!stralloc_0(sa)) die_nomem();
  --sa->len;
}

/* The client's next response: the initial one once, then continuations.
 * 1 in st->line, else SASL_REPLIED or SASL_GONE. */
static int answer(const struct sasl_io *io, struct sasl_state *st, const char *prompt,
                  const char **initial)
{
  st->line.len = 0;
  if (*initial) {
    if (!stralloc_copys(&st->line, *initial)) die_nomem();
    *initial = 0;
  } else {
    int r = io->exchange(io->ctx, prompt, &st->line);
    if (r <= 0) return r < 0 ? SASL_GONE : SASL_REPLIED;
  }
  terminate(&st->line);
  return 1;
}

/* Base64 that must decode to text without NULs (a login, an authzid). */
static int b64_text(const stralloc *in, stralloc *out)
{
  if (!sasl_b64_decode(out, in->s, in->len)) return 0;
  if (out->len && memchr(out->s, 0, out->len)) return 0;
  terminate(out);
  return 1;
}

static int malformed(const struct sasl_io *io, const char *mech)
{
  io->malformed(io->ctx, mech);
  return SASL_REPLIED;
}

static int plain(const struct sasl_io *io, const char *initial, struct sasl_state *st)
{
  int r = answer(io, st, "", &initial);
  if (r != 1) return r;
  if (!sasl_plain(st->line.s, st->line.len, &st->login, &st->secret)) return malformed(io, "PLAIN");
  return SASL_READY;
}

/* "Username:" and "Password:", the prompts clients expect. */
static int login(const struct sasl_io *io, const char *initial, struct sasl_state *st)
{
  int r = answer(io, st, "VXNlcm5hbWU6", &initial);
  if (r != 1) return r;
  if (!b64_text(&st->line, &st->login)) return malformed(io, "LOGIN");
  if ((r = answer(io, st, "UGFzc3dvcmQ6", &initial)) != 1) return r;
  if (!sasl_b64_decode(&st->secret, st->line.s, st->line.len)) return malformed(io, "LOGIN");
  terminate(&st->secret);
  return SASL_READY;
}

/* The challenge is authcheck's own (doc/INTERFACES.md section 4), and
 * RFC 2195 has the server speak first: no initial response. */
static int cram(const struct sasl_io *io, const char *initial, struct sasl_state *st)
{
  if (initial) return SASL_NO_INITIAL;
  if (!authcall_challenge(&st->challenge, io->host)) {
    io->unavailable(io->ctx);
    return SASL_REPLIED;
  }
  st->prompt.len = 0;
  if (!sasl_b64_encode(&st->prompt, st->challenge.s, st->challenge.len)) die_nomem();
  terminate(&st->prompt);
  terminate(&st->challenge);
  int r = answer(io, st, st->prompt.s, &initial);
  if (r != 1) return r;
  if (!sasl_cram_answer(st->line.s, st->line.len, &st->login, &st->secret)) return malformed(io, "CRAM-MD5");
  return SASL_READY;
}

/* RFC 4422 appendix A: the certificate names the account; an
 * authorization identity may only repeat it. The login passed on is
 * always the certificate's, and authcheck believes that only with
 * tlsd's proof (doc/INTERFACES.md section 6). */
static int external(const struct sasl_io *io, const char *initial, struct sasl_state *st)
{
  int r = answer(io, st, "", &initial);
  if (r != 1) return r;
  if (!b64_text(&st->line, &st->login)) return malformed(io, "EXTERNAL");
  const char *peer = io->peer_login;
  if (!peer || !*peer || (st->login.len && strcmp(st->login.s, peer))) return SASL_NOT_CERT;
  return SASL_READY;
}

static const char *const mechs[] = { "PLAIN", "LOGIN", "CRAM-MD5", "EXTERNAL" };

int sasl_server(const struct sasl_io *io, const char *mech, const char *initial,
                struct sasl_state *st)
{
  struct authreq *req = &st->req;
  static int (*const run[])(const struct sasl_io *, const char *, struct sasl_state *) = {
    plain, login, cram, external
  };
  for (size_t i = 0; i < sizeof mechs / sizeof *mechs; ++i) {
    if (strcasecmp(mech, mechs[i])) continue;
    int r = run[i](io, initial, st);
    req->mech = mechs[i];
    req->login = st->login.s ? st->login.s : "";
    req->secret = 0;
    req->secret_len = 0;
    req->challenge = st->challenge.len ? st->challenge.s : 0;
    if (r == SASL_READY && run[i] == external) {
      req->login = io->peer_login;
    } else if (r == SASL_READY) {
      req->secret = st->secret.s ? st->secret.s : "";
      req->secret_len = st->secret.len;
    }
    return r;
  }
  return SASL_UNKNOWN;
}

static void wipe(stralloc *sa)
{
  if (sa->s) explicit_bzero(sa->s, sa->a);
  stralloc_free(sa);
}

void sasl_state_free(struct sasl_state *st)
{
  wipe(&st->line);
  wipe(&st->login);
  wipe(&st->secret);
  wipe(&st->challenge);
  wipe(&st->prompt);
}
