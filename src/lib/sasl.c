#include <stdlib.h>
#include <string.h>
#include "sasl.h"
#include "textcode.h"

int sasl_b64_encode(stralloc *out, const char *data, size_t len)
{
  /* fmt_to_sa reports an empty result as a failure. */
  if (!len) return stralloc_readyplus(out, 1);
  return fmt_base64_sa(out, data, len);
}

static int b64_char(char c)
{
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
      || c == '+' || c == '/';
}

/* scan_base64 stops quietly at the first character it does not know;
 * SASL wants a malformed response refused, so the shape is checked
 * first: whole quanta, the alphabet, '=' only as final padding. */
static int b64_wellformed(const char *b64, size_t len)
{
  if (len % 4) return 0;
  size_t pad = 0;
  if (len && b64[len - 1] == '=') ++pad;
  if (len > 1 && b64[len - 2] == '=') ++pad;
  for (size_t i = 0; i < len - pad; ++i)
    if (!b64_char(b64[i])) return 0;
  return 1;
}

int sasl_b64_decode(stralloc *out, const char *b64, size_t len)
{
  out->len = 0;
  if (len == 0 || (len == 1 && b64[0] == '=')) return stralloc_ready(out, 1);
  if (!b64_wellformed(b64, len)) return 0;
  if (!stralloc_ready(out, len / 4 * 3 + 1)) return 0;
  char *copy = malloc(len + 1);
  if (!copy) return 0;
  memcpy(copy, b64, len);
  copy[len] = 0;
  size_t got = 0;
  size_t used = scan_base64(copy, out->s, &got);
  explicit_bzero(copy, len + 1);   /* base64 of a secret is the secret */
  free(copy);
  if (used != len) { out->len = 0; return 0; }
  out->len = got;
  return 1;
}

int sasl_plain(const char *b64, size_t len, stralloc *login, stralloc *password)
{
  stralloc raw = {0};
  int ok = 0;
  if (!sasl_b64_decode(&raw, b64, len)) goto out;
  char *nul1 = memchr(raw.s, 0, raw.len);
  if (!nul1) goto out;
  size_t zlen = (size_t)(nul1 - raw.s);
  char *user = nul1 + 1;
  size_t rest = raw.len - zlen - 1;
  char *nul2 = memchr(user, 0, rest);
  if (!nul2) goto out;
  size_t ulen = (size_t)(nul2 - user);
  char *pw = nul2 + 1;
  size_t plen = rest - ulen - 1;
  if (!ulen || memchr(pw, 0, plen)) goto out;
  if (zlen && (zlen != ulen || memcmp(raw.s, user, ulen))) goto out;
  ok = stralloc_copyb(login, user, ulen) && stralloc_0(login)
    && stralloc_copyb(password, pw, plen) && stralloc_0(password);
  if (ok) { --login->len; --password->len; }
out:
  if (raw.s) { explicit_bzero(raw.s, raw.a); free(raw.s); }
  return ok;
}

static int is_hex(char c)
{
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

int sasl_cram_answer(const char *b64, size_t len, stralloc *login, stralloc *hexdigest)
{
  stralloc raw = {0};
  int ok = 0;
  if (!sasl_b64_decode(&raw, b64, len)) goto out;
  /* "login SP digest": the login may hold spaces, the digest does not. */
  if (raw.len < 34 || raw.s[raw.len - 33] != ' ') goto out;
  const char *hex = raw.s + raw.len - 32;
  for (int i = 0; i < 32; ++i)
    if (!is_hex(hex[i])) goto out;
  size_t ulen = raw.len - 33;
  if (memchr(raw.s, 0, ulen)) goto out;
  ok = stralloc_copyb(login, raw.s, ulen) && stralloc_0(login)
    && stralloc_copyb(hexdigest, hex, 32) && stralloc_0(hexdigest);
  if (ok) {
    --login->len;
    --hexdigest->len;
    for (size_t i = 0; i < hexdigest->len; ++i)
      if (hexdigest->s[i] >= 'A' && hexdigest->s[i] <= 'F') hexdigest->s[i] += 'a' - 'A';
  }
out:
  free(raw.s);
  return ok;
}
