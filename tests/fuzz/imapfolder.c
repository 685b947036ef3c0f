/* libFuzzer harness for imapd's mailbox names: whatever a client names,
 * an accepted name maps to a folder directory inside the Maildir. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../../src/cmd/imapd/imapd.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  if (size > 400 || memchr(data, 0, size)) return 0;
  char name[401];
  memcpy(name, data, size);
  name[size] = 0;
  stralloc canon = { 0 };
  if (!folder_canon(name, &canon)) abort();
  if (folder_valid(canon.s)) {
    if (strchr(canon.s, '/') || strstr(canon.s, "..") || canon.s[canon.len - 1] == '.') abort();
    for (size_t i = 0; i < canon.len; ++i)
      if ((unsigned char)canon.s[i] < 0x20 || (unsigned char)canon.s[i] >= 0x7f) abort();
  }
  free(canon.s);
  return 0;
}
