/* The MD5 context's chaining words are the only way to keep an HMAC key
 * pre-hashed without the password; OpenSSL 3 still offers them through
 * its low-level MD5 interface. */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <string.h>
#include <openssl/crypto.h>
#include <openssl/md5.h>
#include "pwhash.h"
#include "textcode.h"

static void put_le(unsigned char *out, const MD5_CTX *c)
{
  const MD5_LONG w[4] = { c->A, c->B, c->C, c->D };
  for (int i = 0; i < 4; ++i)
    for (int b = 0; b < 4; ++b) out[i * 4 + b] = (unsigned char)(w[i] >> (8 * b));
}

static void get_le(MD5_CTX *c, const unsigned char *in)
{
  MD5_LONG w[4];
  for (int i = 0; i < 4; ++i)
    w[i] = (MD5_LONG)in[i * 4] | (MD5_LONG)in[i * 4 + 1] << 8
         | (MD5_LONG)in[i * 4 + 2] << 16 | (MD5_LONG)in[i * 4 + 3] << 24;
  MD5_Init(c);
  c->A = w[0]; c->B = w[1]; c->C = w[2]; c->D = w[3];
  c->Nl = 64 * 8;   /* one block, the padded key, already absorbed */
}

/* states: outer (key ^ 0x5c) then inner (key ^ 0x36), 16 bytes each. */
static void key_states(unsigned char states[32], const char *pw, size_t pwlen)
{
  unsigned char key[64] = {0}, block[64];
  if (pwlen > 64) MD5((const unsigned char *)pw, pwlen, key);
  else memcpy(key, pw, pwlen);
  const unsigned char pads[2] = { 0x5c, 0x36 };
  for (int s = 0; s < 2; ++s) {
    MD5_CTX c;
    for (int i = 0; i < 64; ++i) block[i] = key[i] ^ pads[s];
    MD5_Init(&c);
    MD5_Update(&c, block, 64);
    put_le(states + 16 * s, &c);
    OPENSSL_cleanse(&c, sizeof c);
  }
  OPENSSL_cleanse(key, sizeof key);
  OPENSSL_cleanse(block, sizeof block);
}

int hmacmd5pw_make(stralloc *out, const char *pw, size_t pwlen)
{
  unsigned char states[32];
  key_states(states, pw, pwlen);
  out->len = 0;
  int ok = fmt_to_sa(fmt_hexdump, out, (const char *)states, 32) && stralloc_0(out);
  if (ok) --out->len;
  OPENSSL_cleanse(states, sizeof states);
  return ok;
}

int hmacmd5pw_check(const char *secret_hex, const char *challenge, size_t clen,
                    const char *response_hex)
{
  unsigned char states[33], inner[MD5_DIGEST_LENGTH], digest[MD5_DIGEST_LENGTH];
  char hex[2 * MD5_DIGEST_LENGTH + 1], want[2 * MD5_DIGEST_LENGTH];
  size_t n = 0;
  if (strlen(secret_hex) != 64 || scan_hexdump(secret_hex, (char *)states, &n) != 64 || n != 32) return 0;
  if (strlen(response_hex) != 32) return 0;
  MD5_CTX c;
  get_le(&c, states + 16);
  MD5_Update(&c, challenge, clen);
  MD5_Final(inner, &c);
  get_le(&c, states);
  MD5_Update(&c, inner, sizeof inner);
  MD5_Final(digest, &c);
  fmt_hexdump(hex, (const char *)digest, sizeof digest);
  for (int i = 0; i < 32; ++i) {
    char ch = response_hex[i];
    want[i] = (ch >= 'A' && ch <= 'F') ? (char)(ch + 'a' - 'A') : ch;
  }
  int ok = CRYPTO_memcmp(hex, want, 32) == 0;
  OPENSSL_cleanse(states, sizeof states);
  OPENSSL_cleanse(&c, sizeof c);
  return ok;
}
