/* libFuzzer harness for the passwd(5) file reader (authcheck's authpwd
 * with AUTHPWD_PASSWD, run as root): the first line of the input is the
 * name looked up, the rest is the file. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "pwfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static char path[64];
  if (!*path) snprintf(path, sizeof path, "/tmp/fuzz-pwfile.%ld", (long)getpid());
  const char *nl = memchr(data, '\n', size);
  size_t nlen = nl ? (size_t)(nl - (const char *)data) : size;
  if (nlen > 100 || memchr(data, 0, nlen)) return 0;
  char name[101];
  memcpy(name, data, nlen);
  name[nlen] = 0;
  FILE *f = fopen(path, "w");
  if (!f) abort();
  size_t rest = nl ? size - nlen - 1 : 0;
  if (rest && fwrite(nl + 1, 1, rest, f) != rest) abort();
  if (fclose(f)) abort();
  struct pwent pw = {0};
  int r = pwfile_lookup(&pw, path, name);
  if (r == 1 && (strcmp(pw.name.s, name) || strlen(pw.home.s) != pw.home.len)) abort();
  pwfile_free(&pw);
  return 0;
}
