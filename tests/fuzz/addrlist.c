/* libFuzzer harness for sendmail's To:/Cc:/Bcc: address-list reader:
 * any header value yields addresses that are non-empty, bounded, and
 * parse (or are refused) without reading past the input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "addr.h"
#include "../../src/cmd/sendmail/sendmail.h"

/* sendmail's main runs other programs (-bs, -bp); the reader never does. */
void sendmail_run(const char *name, char **argv)
{
  (void)name; (void)argv;
  abort();
}

static int each(void *ctx, const char *a, size_t len)
{
  (void)ctx;
  if (!len || len > 1023) abort();
  char *copy = malloc(len);
  if (!copy) abort();
  memcpy(copy, a, len);
  struct addr parsed = { { 0, 0, 0 }, { 0, 0, 0 }, 0 };
  int r = addr_parse(&parsed, copy, len);
  if (r > (int)len) abort();
  addr_free(&parsed);
  free(copy);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char *s = malloc(size ? size : 1);
  if (!s) return 0;
  memcpy(s, data, size);
  addrlist_each(s, size, each, 0);
  free(s);
  return 0;
}
