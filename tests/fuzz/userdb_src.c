/* libFuzzer harness for the userdb source (makeuserdb, userdb, and
 * authcheck -p, which compiles it as root): the line splitter, the
 * compiler over a whole file, and an edit of the first address. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "userdb_src.h"

static char dir[] = "/tmp/fuzz-userdb.XXXXXX";
/* A flag, not the template's last byte: mkdtemp may itself pick an 'X'. */
static int dir_made;

static void paths(char *src, char *cdb, char *shadow)
{
  if (!dir_made) {
    if (!mkdtemp(dir)) abort();
    dir_made = 1;
  }
  sprintf(src, "%s/userdb", dir);
  sprintf(cdb, "%s/userdb.cdb", dir);
  sprintf(shadow, "%s/userdbshadow.cdb", dir);
}

static void check_lines(const char *s, size_t len)
{
  for (size_t pos = 0; pos < len;) {
    const char *nl = memchr(s + pos, '\n', len - pos);
    size_t n = nl ? (size_t)(nl - (s + pos)) : len - pos;
    const char *addr, *fields;
    size_t alen, flen;
    if (userdb_line(s + pos, n, &addr, &alen, &fields, &flen)) {
      if (!alen || addr < s + pos || addr + alen > s + pos + n) abort();
      if (fields < s + pos || fields + flen > s + pos + n) abort();
    }
    pos += n + 1;
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char src[64], cdb[64], shadow[64];
  paths(src, cdb, shadow);
  check_lines((const char *)data, size);
  FILE *f = fopen(src, "w");
  if (!f) abort();
  if (size && fwrite(data, 1, size, f) != size) abort();
  if (fclose(f)) abort();
  if (chmod(src, 0600) < 0) abort();
  stralloc err = {0};
  int r = userdb_compile(src, cdb, shadow, &err);
  if (r == 0 && !err.len) abort();   /* a refusal says why */
  /* Editing the first record's address must keep the file parseable. */
  const char *addr, *fields;
  size_t alen, flen;
  const char *nl = memchr(data, '\n', size);
  if (userdb_line((const char *)data, nl ? (size_t)(nl - (const char *)data) : size, &addr, &alen, &fields, &flen)
      && alen < 200 && !memchr(addr, 0, alen)) {
    char a[201];
    memcpy(a, addr, alen);
    a[alen] = 0;
    (void)userdb_edit(src, a, USERDB_SET, "home=/x\0uid=1\0", 14);
  }
  free(err.s);
  return 0;
}
