/* libFuzzer harness for remote's input parsers: the job stream from
 * queue-send (job_read), an esmtproutes value (route_parse_value) and the
 * 7-bit downgrade of an arbitrary message (downgrade_8bit). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "buffer.h"
#include "../../src/cmd/remote/remote.h"  /* the program-private modules under test */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  stralloc input = {0};
  stralloc_copyb(&input, (const char *)data, size);

  buffer in;
  buffer_fromsa(&in, &input);
  struct job job;
  memset(&job, 0, sizeof job);
  while (job_read(&in, &job) == 1) {}
  job_free(&job);

  struct route rt;
  memset(&rt, 0, sizeof rt);
  stralloc value = {0};
  stralloc_copy(&value, &input);
  stralloc_0(&value);
  route_parse_value(&rt, value.s);
  stralloc_free(&rt.host);
  stralloc_free(&rt.auth_key);

  stralloc out = {0};
  downgrade_8bit(&out, input.s, input.len);
  stralloc_free(&out);
  stralloc_free(&value);
  stralloc_free(&input);
  return 0;
}
