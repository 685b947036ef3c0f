#include <crypt.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include "pwhash.h"
#include "textcode.h"

static int same(const void *a, size_t alen, const void *b, size_t blen)
{
  return alen == blen && CRYPTO_memcmp(a, b, alen) == 0;
}

static int check_crypt(const char *hash, const char *pw)
{
  struct crypt_data *cd = calloc(1, sizeof *cd);
  if (!cd) return 0;
  const char *got = crypt_r(pw, hash, cd);
  /* libxcrypt answers an unusable setting with a string starting '*'. */
  int ok = got && got[0] != '*' && same(got, strlen(got), hash, strlen(hash));
  explicit_bzero(cd, sizeof *cd);
  free(cd);
  return ok;
}

static const struct { const char *prefix; const char *digest; int salted; int hex; } schemes[] = {
  { "{MD5}", "MD5", 0, 0 },        { "{MD5RAW}", "MD5", 0, 1 },
  { "{SHA}", "SHA1", 0, 0 },       { "{SHA1}", "SHA1", 0, 0 },
  { "{SHA256}", "SHA256", 0, 0 },  { "{SHA512}", "SHA512", 0, 0 },
  { "{SSHA}", "SHA1", 1, 0 },      { "{SSHA256}", "SHA256", 1, 0 },
  { "{SSHA512}", "SHA512", 1, 0 },
};

/* digest(pw || salt) compared with the stored digest (salt after it). */
static int check_digest(int i, const char *encoded, const char *pw, size_t pwlen)
{
  const EVP_MD *md = EVP_get_digestbyname(schemes[i].digest);
  unsigned char stored[256], got[EVP_MAX_MD_SIZE];
  size_t slen = 0, elen = strlen(encoded);
  if (!md || elen >= sizeof stored) return 0;
  size_t used = schemes[i].hex ? scan_hexdump(encoded, (char *)stored, &slen)
                               : scan_base64(encoded, (char *)stored, &slen);
  if (used != elen) return 0;
  size_t dlen = (size_t)EVP_MD_get_size(md);
  if (slen < dlen || (!schemes[i].salted && slen != dlen)) return 0;
  EVP_MD_CTX *ctx = EVP_MD_CTX_new();
  unsigned int glen = 0;
  int ok = ctx && EVP_DigestInit_ex(ctx, md, 0) && EVP_DigestUpdate(ctx, pw, pwlen)
        && EVP_DigestUpdate(ctx, stored + dlen, slen - dlen) && EVP_DigestFinal_ex(ctx, got, &glen);
  EVP_MD_CTX_free(ctx);
  ok = ok && same(got, glen, stored, dlen);
  OPENSSL_cleanse(got, sizeof got);
  return ok;
}

int pwhash_check(const char *hash, const char *pw, size_t pwlen)
{
  if (!hash || !*hash || *hash == '*' || *hash == '!' || memchr(pw, 0, pwlen)) return 0;
  if (!strncasecmp(hash, "{CRYPT}", 7)) return check_crypt(hash + 7, pw);
  for (size_t i = 0; i < sizeof schemes / sizeof schemes[0]; ++i) {
    size_t n = strlen(schemes[i].prefix);
    if (!strncasecmp(hash, schemes[i].prefix, n)) return check_digest((int)i, hash + n, pw, pwlen);
  }
  if (*hash == '{') return 0;
  return check_crypt(hash, pw);
}

int pwhash_make(stralloc *out, const char *method, const char *pw)
{
  const char *prefix = 0;
  if (method && !strcmp(method, "md5")) prefix = "$1$";
  else if (method && !strcmp(method, "sha256")) prefix = "$5$";
  else if (method && !strcmp(method, "sha512")) prefix = "$6$";
  else if (method) { errno = EINVAL; return 0; }
  char salt[CRYPT_GENSALT_OUTPUT_SIZE];
  if (!crypt_gensalt_rn(prefix, 0, 0, 0, salt, sizeof salt)) return 0;
  struct crypt_data *cd = calloc(1, sizeof *cd);
  if (!cd) return 0;
  const char *h = crypt_r(pw, salt, cd);
  int ok = h && h[0] != '*' && stralloc_copys(out, h) && stralloc_0(out);
  if (ok) --out->len;
  explicit_bzero(cd, sizeof *cd);
  free(cd);
  if (!ok && !errno) errno = EINVAL;
  return ok;
}
