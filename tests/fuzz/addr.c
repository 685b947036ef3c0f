/* libFuzzer harness for the address parser: any bytes, as an SMTP path
 * and as a bare address, must parse without reading past the input,
 * and whatever parses must format and parse back to the same address. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "addr.h"

static void same_again(const struct addr *a)
{
  if (a->flags & ADDR_NULL) return;
  stralloc text = {0};
  struct addr b = {0};
  if (!addr_format(&text, a)) abort();
  if (addr_parse(&b, text.s, text.len) != (int)text.len) abort();
  if (b.local.len != a->local.len || memcmp(b.local.s, a->local.s, a->local.len)) abort();
  if (b.domain.len != a->domain.len || memcmp(b.domain.s, a->domain.s, a->domain.len)) abort();
  if (!(a->flags & ADDR_NODOMAIN) && addr_at(text.s, text.len) != text.len - a->domain.len - 1) abort();
  addr_free(&b);
  free(text.s);
}

static void check(struct addr *a, int r, size_t len)
{
  if (r < 0) {
    if (r < -ADDR_ENOMEM) abort();
    return;
  }
  if ((size_t)r > len) abort();
  if (strlen(a->local.s) != a->local.len || strlen(a->domain.s) != a->domain.len) abort();
  if (a->local.len > 64 || a->domain.len > 255) abort();
  same_again(a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  /* an exact-size copy, so ASan sees any read past the end */
  char *s = malloc(size ? size : 1);
  if (!s) return 0;
  memcpy(s, data, size);
  struct addr a = {0};
  check(&a, addr_parse_path(&a, s, size), size);
  check(&a, addr_parse(&a, s, size), size);
  stralloc d = {0};
  if (stralloc_copyb(&d, s, size) && stralloc_0(&d)) {
    --d.len;
    addr_domain_canon(&d);
    if (d.s[d.len]) abort();
  }
  free(d.s);
  addr_free(&a);
  free(s);
  return 0;
}
