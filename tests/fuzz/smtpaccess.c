/* libFuzzer harness for makesmtpaccess' line parser: no crash; every
 * key is "", a prefix, or an address whose key is itself; every value
 * is in tcprules' format. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "access.h"

static void check_value(const stralloc *v)
{
  if (v->len == 2 && !memcmp(v->s, "D", 2)) return;
  for (size_t i = 0; i < v->len; ) {
    const char *end = memchr(v->s + i, 0, v->len - i);
    if (!end || v->s[i] != '+' || !memchr(v->s + i, '=', (size_t)(end - (v->s + i)))) abort();
    i = (size_t)(end - v->s) + 1;
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char *s = malloc(size ? size : 1);
  if (!s) return 0;
  memcpy(s, data, size);
  stralloc key = {0}, value = {0}, again = {0};
  const char *err = 0;
  int r = access_line_parse(s, size, &key, &value, &err);
  if (r == 0 && !err) abort();
  if (r == 1) {
    check_value(&value);
    char last = key.len ? key.s[key.len - 1] : 0;
    if (key.len && last != '.' && last != ':') {
      if (access_ip_key(&again, key.s, key.len) != 1) abort();
      if (again.len != key.len || memcmp(again.s, key.s, key.len)) abort();
    }
  }
  r = access_ip_key(&again, s, size);
  if (r == 1 && (!again.len || again.s[again.len - 1] == '.')) abort();
  free(key.s); free(value.s); free(again.s);
  free(s);
  return 0;
}
