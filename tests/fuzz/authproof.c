/* libFuzzer harness for what authcheck parses from its caller besides
 * passwords: CRAM-MD5/APOP challenges (challenge_check) and tlsd's
 * SSL_PEER_LOGIN_PROOF (peerproof_check). Any bytes are refused without
 * a crash; only a mint of authcheck's own passes, and no edit of one. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../src/cmd/authcheck/authcheck.h"
#include "peerproof.h"

static const struct authkey key = { { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 } };
enum { NOW = 1800000000 };

static void check_challenge(const char *s, size_t len)
{
  const char *why = 0;
  if (challenge_check(&key, s, len, NOW, &why)) abort();   /* no forgery by chance */
  /* A mint for a host made of the input passes; flipping any byte of it
   * does not. */
  char host[64];
  size_t n = len < sizeof host - 1 ? len : sizeof host - 1;
  memcpy(host, s, n);
  host[n] = 0;
  stralloc c = {0};
  if (challenge_mint(&key, host, NOW, &c) != 1) abort();
  if (challenge_check(&key, c.s, c.len, NOW + 10, &why) != 1) abort();
  if (challenge_check(&key, c.s, c.len, NOW + 301 + CHALLENGE_WINDOW, &why) != 0) abort();
  size_t at = len ? (unsigned char)s[0] % c.len : 0;
  c.s[at] ^= 1;
  if (challenge_check(&key, c.s, c.len, NOW, &why)) abort();
  free(c.s);
}

static void check_proof(const char *s, size_t len)
{
  /* "login\0proof" */
  const char *nul = memchr(s, 0, len);
  if (!nul) return;
  char *proof = strndup(nul + 1, len - (size_t)(nul - s) - 1);
  if (!proof) abort();
  pid_t pid;
  unsigned long long start;
  if (peerproof_check(&key, s, proof, &pid, &start)) abort();
  stralloc p = {0};
  if (!peerproof_make(&key, s, 4242, 99, &p)) abort();
  if (!peerproof_check(&key, s, p.s, &pid, &start) || pid != 4242 || start != 99) abort();
  free(p.s);
  free(proof);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  check_challenge((const char *)data, size);
  check_proof((const char *)data, size);
  return 0;
}
