/* libFuzzer harness: the queue's envelope and status record readers
 * (queue-send and queue-ctl read both from queue/ at every start). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "qenv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  struct qenv e;
  if (qenv_parse(&e, (const char *)data, size) == 1) {
    for (size_t i = 0; i < e.nrcpt; ++i) {
      (void)qenv_wants(&e.rcpt[i], QNOTIFY_DELAY);
      (void)strlen(e.rcpt[i].addr);
    }
  }
  qenv_free(&e);
  struct qstat st[4] = {{0}};
  qstatus_parse((const char *)data, size, st, 4);
  qstat_free(st, 4);
  (void)qid_valid(size && data[size - 1] == 0 ? (const char *)data : "x");
  return 0;
}
