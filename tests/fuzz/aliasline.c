/* libFuzzer harness for makealiases' line parser: any bytes, split into
 * lines, parse without a crash into well-formed target lists. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "aliasline.h"

static void check(struct alias_line *l, const char *s, size_t len)
{
  const char *err = 0;
  int r = alias_line_parse(l, s, len, &err);
  if (r == 0 && !err) abort();
  if (r != 1) return;
  if (l->targets.len && l->targets.s[l->targets.len - 1]) abort();
  for (size_t i = 0; i < l->targets.len; i += strlen(l->targets.s + i) + 1)
    if (!l->targets.s[i]) abort();   /* no empty target */
  if (l->virtual_domain && !l->domain.len) abort();
  if (!l->continued && !l->virtual_domain && !l->local.len) {
    /* only "":  an empty quoted local part */
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  struct alias_line l = {0};
  const uint8_t *p = data, *end = data + size;
  while (p <= end) {
    const uint8_t *nl = memchr(p, '\n', (size_t)(end - p));
    size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
    char *line = malloc(n ? n : 1);
    if (!line) break;
    memcpy(line, p, n);
    check(&l, line, n);
    free(line);
    if (!nl) break;
    p = nl + 1;
  }
  alias_line_free(&l);
  return 0;
}
