#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "scan.h"
#include "tls.h"

/* Courier spells versions TLSv1.2, TLS1_2 or TLSv1.2+ ("+": that one or
 * newer); OpenSSL-style names are accepted too, and SSLv23 ("any"). */
static int version_of(const char *s, size_t n)
{
  static const struct { const char *name; int v; } tab[] = {
    { "SSLv23", SSL3_VERSION }, { "SSL3", SSL3_VERSION }, { "SSLv3", SSL3_VERSION },
    { "TLS1", TLS1_VERSION }, { "TLSv1", TLS1_VERSION }, { "TLSv1.0", TLS1_VERSION },
    { "TLS1_1", TLS1_1_VERSION }, { "TLSv1.1", TLS1_1_VERSION },
    { "TLS1_2", TLS1_2_VERSION }, { "TLSv1.2", TLS1_2_VERSION },
    { "TLS1_3", TLS1_3_VERSION }, { "TLSv1.3", TLS1_3_VERSION },
  };
  for (size_t i = 0; i < sizeof tab / sizeof tab[0]; ++i)
    if (strlen(tab[i].name) == n && !strncasecmp(tab[i].name, s, n)) return tab[i].v;
  return 0;
}

/* Older Courier files list versions, "TLS1_2:TLS1_1:TLS1": the range
 * from the oldest to the newest listed. */
int tls_parse_protocol(const char *s, int *min, int *max)
{
  int lo = 0, hi = 0, open = 0;
  *min = TLS1_2_VERSION;
  *max = 0;
  if (!s || !*s) return 1;
  while (*s) {
    size_t n = strcspn(s, ":, ");
    int plus = n && s[n - 1] == '+', v = n ? version_of(s, n - plus) : 0;
    if (n && !v) return 0;
    if (v) {
      if (!lo || v < lo) lo = v;
      if (v > hi) hi = v;
      if (plus || !strncasecmp(s, "SSLv23", 6)) open = 1;
    }
    s += n + (s[n] != 0);
  }
  if (!lo) return 0;
  if (!open && hi < TLS1_2_VERSION) return -1;   /* nothing usable left: the floor */
  *min = lo < TLS1_2_VERSION ? TLS1_2_VERSION : lo;
  *max = open ? 0 : hi;
  return lo < TLS1_2_VERSION ? -1 : 1;
}

int tls_parse_verify(const char *s, enum tls_verify *v)
{
  if (!s || !*s || !strcasecmp(s, "NONE")) { *v = TLS_VERIFY_NONE; return 1; }
  if (!strcasecmp(s, "PEER")) { *v = TLS_VERIFY_PEER; return 1; }
  if (!strcasecmp(s, "REQUIREPEER")) { *v = TLS_VERIFY_REQUIRE; return 1; }
  *v = TLS_VERIFY_NONE;
  return 0;
}

static const char *env_nonempty(const char *name)
{
  const char *s = getenv(name);
  return s && *s ? s : 0;
}

/* Seconds in 1..limit from NAME, else dflt; 0 when the value is bad. */
static int seconds(const char *name, unsigned int dflt, unsigned long limit, unsigned int *out)
{
  const char *t = env_nonempty(name);
  unsigned long u;
  size_t n;
  *out = dflt;
  if (!t) return 1;
  n = scan_ulong(t, &u);
  if (!n || t[n] || !u || u > limit) return 0;
  *out = (unsigned int)u;
  return 1;
}

int tls_conf_env(struct tls_conf *c, const char **why)
{
  memset(c, 0, sizeof *c);
  c->certfile = env_nonempty("TLS_CERTFILE");
  c->dhparams = env_nonempty("TLS_DHPARAMS");
  c->ciphers = env_nonempty("TLS_CIPHER_LIST");
  c->trustcerts = env_nonempty("TLS_TRUSTCERTS");
  c->external = env_nonempty("TLS_EXTERNAL");
  switch (tls_parse_protocol(getenv("TLS_PROTOCOL"), &c->min_version, &c->max_version)) {
  case 0: *why = "unknown TLS_PROTOCOL"; return 0;
  case -1: c->floor_raised = 1; break;
  }
  if (!tls_parse_verify(getenv("TLS_VERIFYPEER"), &c->verify)) {
    *why = "unknown TLS_VERIFYPEER (NONE, PEER or REQUIREPEER)";
    return 0;
  }
  if (!seconds("TLS_TIMEOUT", 60, 3600, &c->timeout)) { *why = "bad TLS_TIMEOUT"; return 0; }
  if (!seconds("TLS_STALL_TIMEOUT", 600, 86400, &c->stall)) { *why = "bad TLS_STALL_TIMEOUT"; return 0; }
  return 1;
}
