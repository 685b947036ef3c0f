/* libFuzzer harness: the request line root's local-spawn reads from
 * queue-send (a process it does not trust). An accepted id must be a
 * plain file name and the slot plain digits. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "qenv.h"
#include "spawnreq.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char line[SPAWNREQ_LINE_MAX];
  if (size >= sizeof line) return 0;
  memcpy(line, data, size);
  line[size] = 0;
  struct spawnreq rq;
  if (spawnreq_parse(line, &rq)) {
    if (!qid_valid(rq.id) || strchr(rq.id, '/') || !strcmp(rq.id, "..")) abort();
    if (!rq.slot[0] || strspn(rq.slot, "0123456789") != strlen(rq.slot)) abort();
    if (!rq.nindex || rq.nindex > SPAWNREQ_MAX_RCPT) abort();
    for (unsigned i = 1; i < rq.nindex; ++i) if (rq.index[i] <= rq.index[i - 1]) abort();
  }
  return 0;
}
