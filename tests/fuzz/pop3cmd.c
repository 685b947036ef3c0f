/* libFuzzer harness for the POP3 command parser: any bytes, split into
 * lines as the servers split them, must parse without a crash, and
 * every result must be self-consistent. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "pop3cmd.h"

static void check_line(const uint8_t *data, size_t len)
{
  char *line = malloc(len + 1);
  if (!line) return;
  memcpy(line, data, len);
  line[len] = 0;
  struct pop3_cmd c;
  pop3_parse(&c, line, len);
  if (c.verb == POP3_BAD && !c.err) abort();
  if (c.nargs < 0 || c.nargs > 2) abort();
  for (int i = 0; i < c.nargs; ++i) {
    if (c.arg[i] < line || c.arg[i] >= line + len || !*c.arg[i]) abort();
    unsigned long n;
    if (pop3_number(c.arg[i], &n) && n > 999999999UL) abort();
  }
  if (c.verb != POP3_BAD && c.verb != POP3_UNKNOWN && (c.rest < line || c.rest + c.rest_len > line + len)) abort();
  free(line);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  const uint8_t *p = data, *end = data + size;
  while (p < end) {
    const uint8_t *nl = memchr(p, '\n', (size_t)(end - p));
    size_t len = (size_t)((nl ? nl : end) - p);
    if (len && p[len - 1] == '\r') --len;
    check_line(p, len);
    p = nl ? nl + 1 : end;
  }
  return 0;
}
