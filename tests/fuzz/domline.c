/* libFuzzer harness for the domain list line parser (locals,
 * esmtpacceptmailfor, hosteddomains): no crash, and every key it makes
 * is lower-case and parses again to itself. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "domline.h"

static void check(const char *s, size_t len, int flags)
{
  stralloc key = {0}, value = {0}, again = {0}, v2 = {0};
  const char *err = 0;
  int r = domline_parse(s, len, flags, &key, &value, &err);
  if (r == 0 && !err) abort();
  if (r == 1) {
    for (size_t i = 0; i < key.len; ++i) if (key.s[i] >= 'A' && key.s[i] <= 'Z') abort();
    if (value.len && !(flags & DOMLINE_ALIAS)) abort();
    if (domline_parse(key.s, key.len, 0, &again, &v2, &err) != 1) abort();
    if (again.len != key.len || memcmp(again.s, key.s, key.len)) abort();
  }
  free(key.s); free(value.s); free(again.s); free(v2.s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char *s = malloc(size ? size : 1);
  if (!s) return 0;
  memcpy(s, data, size);
  check(s, size, 0);
  check(s, size, DOMLINE_ALIAS);
  free(s);
  return 0;
}
