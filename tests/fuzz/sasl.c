/* libFuzzer harness for the SASL decoders (base64, PLAIN, CRAM-MD5
 * answers) and the userdb record parser: any bytes must decode or be
 * refused without a crash, and what is accepted must be consistent. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "sasl.h"
#include "userdb_rec.h"

static void check_sasl(const char *s, size_t len)
{
  stralloc out = {0}, login = {0}, pw = {0};
  if (sasl_b64_decode(&out, s, len)) {
    stralloc again = {0};
    if (!sasl_b64_encode(&again, out.s, out.len)) abort();
    /* Canonical input (not the lone "=") must encode back to itself. */
    if (len > 1 && again.len == len && memcmp(again.s, s, len) && !memchr(s, '=', len)) abort();
    free(again.s);
  }
  if (sasl_plain(s, len, &login, &pw)) {
    if (!login.len || strlen(login.s) != login.len || strlen(pw.s) != pw.len) abort();
  }
  if (sasl_cram_answer(s, len, &login, &pw)) {
    if (!login.len || pw.len != 32) abort();
  }
  free(out.s); free(login.s); free(pw.s);
}

static void check_record(const char *s, size_t len)
{
  size_t pos = 0, nlen, vlen;
  const char *n, *v;
  while (userdb_field_next(s, len, &pos, &n, &nlen, &v, &vlen)) {
    if (n < s || n + nlen > s + len || v < s || v + vlen > s + len) abort();
    if (memchr(n, '|', nlen) || memchr(v, '|', vlen)) abort();
  }
  stralloc pub = {0}, sec = {0};
  if (!userdb_fields_select(&pub, s, len, 0) || !userdb_fields_select(&sec, s, len, 1)) abort();
  if (pub.len + sec.len > len) abort();
  free(pub.s); free(sec.s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  check_sasl((const char *)data, size);
  check_record((const char *)data, size);
  return 0;
}
