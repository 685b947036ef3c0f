/* CAPA (RFC 2449) from a table filtered by the configuration, so a
 * test can assert the exact list. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "stralloc.h"
#include "login.h"

static int can_login(const struct login *l) { return l->tls || !l->tls_required; }
static int always(const struct login *l) { (void)l; return 1; }
static int stls(const struct login *l) { return l->tlsio.ctl >= 0 && !l->tls; }

static const struct {
  const char *name;
  int (*when)(const struct login *);
} table[] = {
  {"TOP", always}, {"UIDL", always}, {"USER", can_login}, {"SASL", can_login},
  {"STLS", stls}, {"RESP-CODES", always}, {"AUTH-RESP-CODE", always},
  {"PIPELINING", always}, {"IMPLEMENTATION postern", always},
};

/* Calls fn for each mechanism offered now, in configured order. */
static void each_mech(const struct login *l, void (*fn)(void *, const char *, size_t), void *ctx)
{
  const char *lists[2] = {l->mechs, l->tls ? l->mechs_tls : 0};
  for (int i = 0; i < 2; ++i) {
    for (const char *p = lists[i]; p && *p; ) {
      p += strspn(p, " \t,");
      size_t n = strcspn(p, " \t,");
      /* APOP is a command of its own, never a SASL mechanism. */
      if (n && !(n == 4 && !strncasecmp(p, "APOP", 4))) fn(ctx, p, n);
      p += n;
    }
  }
  /* Only what authcheck will believe (doc/INTERFACES.md section 6). */
  const char *peer = getenv("SSL_PEER_LOGIN"), *proof = getenv("SSL_PEER_LOGIN_PROOF");
  if (peer && *peer && proof && *proof) fn(ctx, "EXTERNAL", 8);
}

static void add_word(void *ctx, const char *w, size_t n)
{
  stralloc *sa = ctx;
  for (size_t i = 0; i < n; ++i) {   /* announced in upper case */
    char c = w[i];
    if (c >= 'a' && c <= 'z') c = (char)(c - 32);
    stralloc_append(sa, &c);
  }
  stralloc_append(sa, " ");
}

struct find { const char *mech; int found; };
static void match(void *ctx, const char *w, size_t n)
{
  struct find *f = ctx;
  if (strlen(f->mech) == n && !strncasecmp(f->mech, w, n)) f->found = 1;
}

int mech_offered(const struct login *l, const char *mech)
{
  struct find f = {mech, 0};
  if (can_login(l)) each_mech(l, match, &f);
  return f.found;
}

void capa_send(const struct login *l)
{
  stralloc sasl = {0};
  each_mech(l, add_word, &sasl);
  login_reply("+OK Capability list follows.");
  for (size_t i = 0; i < sizeof table / sizeof table[0]; ++i) {
    if (!table[i].when(l)) continue;
    if (!strcmp(table[i].name, "SASL")) {
      if (!sasl.len) continue;
      sasl.s[sasl.len - 1] = 0;
      stralloc line = {0};
      stralloc_copys(&line, "SASL ");
      stralloc_cats(&line, sasl.s);
      stralloc_0(&line);
      login_reply(line.s);
      stralloc_free(&line);
      continue;
    }
    login_reply(table[i].name);
  }
  login_reply(".");
  stralloc_free(&sasl);
}

static void send_word(void *ctx, const char *w, size_t n)
{
  (void)ctx;
  stralloc sa = {0};
  add_word(&sa, w, n);
  sa.s[sa.len - 1] = 0;
  login_reply(sa.s);
  stralloc_free(&sa);
}

void mechs_send(const struct login *l)
{
  login_reply("+OK Mechanisms follow.");
  if (can_login(l)) each_mech(l, send_word, 0);
  login_reply(".");
}
