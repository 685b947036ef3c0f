/* libFuzzer harness for the Maildir++ quota and file-name readers: a
 * quota specification, a maildirsize file (local, pop3d and imapd read
 * it) and the sizes and flags a message file name declares. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "maildir.h"
#include "quota.h"

static char dir[] = "/tmp/fuzz-quota.XXXXXX";
/* A flag, not the template's last byte: mkdtemp may itself pick an 'X'. */
static int dir_made;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  if (!dir_made) {
    if (!mkdtemp(dir)) abort();
    dir_made = 1;
  }
  char *s = malloc(size + 1);
  if (!s) abort();
  memcpy(s, data, size);
  s[size] = 0;
  struct quota q;
  (void)quota_parse(&q, s);
  long long n = maildir_name_size(s);
  if (n < -1) abort();
  const char *flags = maildir_name_flags(s);
  if (!flags || (*flags && (flags < s || flags > s + strlen(s)))) abort();
  char path[64];
  snprintf(path, sizeof path, "%s/maildirsize", dir);
  FILE *f = fopen(path, "w");
  if (!f) abort();
  if (size && fwrite(data, 1, size, f) != size) abort();
  if (fclose(f)) abort();
  long long bytes = 0, count = 0;
  (void)quota_usage(dir, "1000S,10C", &bytes, &count);
  (void)quota_would_exceed(dir, "1000S,10C", 1, 1);
  free(s);
  return 0;
}
