#include <string.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include "pwhash.h"
#include "textcode.h"

int apoppw_check(const char *secret, size_t slen, const char *stamp, size_t tlen,
                 const char *digest_hex)
{
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int mdlen = 0;
  char hex[2 * EVP_MAX_MD_SIZE], want[32];
  /* An empty secret would let MD5(timestamp) alone log in. */
  if (!slen || strlen(digest_hex) != 32) return 0;
  EVP_MD_CTX *c = EVP_MD_CTX_new();
  int ok = c && EVP_DigestInit_ex(c, EVP_md5(), 0) && EVP_DigestUpdate(c, stamp, tlen)
        && EVP_DigestUpdate(c, secret, slen) && EVP_DigestFinal_ex(c, md, &mdlen) && mdlen == 16;
  EVP_MD_CTX_free(c);
  if (!ok) return 0;
  fmt_hexdump(hex, (const char *)md, 16);
  for (int i = 0; i < 32; ++i) {
    char ch = digest_hex[i];
    want[i] = (ch >= 'A' && ch <= 'F') ? (char)(ch + 'a' - 'A') : ch;
  }
  ok = CRYPTO_memcmp(hex, want, 32) == 0;
  OPENSSL_cleanse(md, sizeof md);
  OPENSSL_cleanse(hex, sizeof hex);
  return ok;
}
