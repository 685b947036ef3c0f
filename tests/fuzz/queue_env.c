/* libFuzzer harness for queue-inject's envelope reader: any bytes are
 * checked without reading past them, and an envelope accepted as valid
 * walks record by record to exactly the length the check reported. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "queue_env.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  /* A copy of exactly size bytes, so ASan sees any read past the end. */
  char *s = malloc(size ? size : 1);
  if (!s) return 0;
  memcpy(s, data, size);
  size_t used = 0;
  unsigned long nrcpt = 0;
  const char *why = 0;
  int r = queue_env_check(s, size, &used, &nrcpt, &why);
  if (r < 0 && !why) abort();
  if (r > 0) {
    size_t pos = 0, vlen;
    unsigned long t_records = 0;
    char type;
    const char *v;
    int k;
    while ((k = queue_env_next(s, size, &pos, &type, &v, &vlen)) > 0)
      if (type == 'T') ++t_records;
    if (k != 0 || pos != used || t_records != nrcpt || !nrcpt) abort();
  }
  free(s);
  return 0;
}
