/* libFuzzer harness for local's reading of a message: the mail-loop
 * check on Delivered-To: and the mboxrd From_ quoting of an mbox
 * delivery. The input is the message, given to both on fd 0 as local
 * has it. Undoing the quoting (one '>' off every line of '>'s then
 * "From ") must give the message back byte for byte; a message that
 * never names the recipient is no loop, and one that starts with its
 * Delivered-To: always is. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <unistd.h>
#include "exitcode.h"
#include "write_all.h"
#include "../../src/cmd/local/local.h"

#define RECIPIENT "john@example.test"

/* local.c's, which also logs: the harness only needs the code. */
int say_strs(struct lctx *c, int code, ...)
{
  (void)c;
  return code;
}

static int memfd_holding(const char *data, size_t size)
{
  int fd = memfd_create("fuzz-local", 0);
  if (fd < 0 || (size && write_all(fd, data, size) < 0)) abort();
  return fd;
}

static char *read_back(int fd, size_t *len)
{
  off_t end = lseek(fd, 0, SEEK_END);
  if (end < 0) abort();
  char *s = malloc((size_t)end + 1);
  if (!s || pread(fd, s, (size_t)end, 0) != end) abort();
  *len = (size_t)end;
  return s;
}

/* The mbox text with one '>' taken off each quoted From_ line. */
static size_t unquote(const char *s, size_t n, char *out)
{
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    const char *nl = memchr(s + i, '\n', n - i);
    size_t len = nl ? (size_t)(nl - (s + i)) + 1 : n - i;
    size_t gt = 0;
    while (gt < len && s[i + gt] == '>') ++gt;
    size_t skip = gt && len - gt >= 5 && !memcmp(s + i + gt, "From ", 5);
    memcpy(out + o, s + i + skip, len - skip);
    o += len - skip;
    i += len;
  }
  return o;
}

static int names_recipient(const uint8_t *data, size_t size)
{
  size_t r = strlen(RECIPIENT);
  for (size_t i = 0; i + r <= size; ++i)
    if (!strncasecmp((const char *)data + i, RECIPIENT, r)) return 1;
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  /* fd 0 stays open between runs, so the memfd is never fd 0 itself;
   * dup2 closes the previous message. */
  int in = memfd_holding((const char *)data, size);
  if (in == 0 || dup2(in, 0) < 0) abort();
  close(in);
  struct lctx c = { 0 };
  c.recipient = RECIPIENT;
  int loop = message_loop_check(&c);
  if (loop != 0 && loop != EXIT_PERM) abort();
  if (loop && !names_recipient(data, size)) abort();
  static const char first[] = "Delivered-To: " RECIPIENT "\n";
  if (!loop && size >= sizeof first - 1 && !memcmp(data, first, sizeof first - 1)) abort();

  int out = memfd_holding("", 0);
  int ended = message_copy(&c, out, 0, 1);
  if (ended != (size == 0 || data[size - 1] == '\n')) abort();
  size_t len;
  char *mbox = read_back(out, &len);
  close(out);
  char *plain = malloc(len + 1);
  if (!plain) abort();
  if (unquote(mbox, len, plain) != size || (size && memcmp(plain, data, size))) abort();
  free(plain);
  free(mbox);
  return 0;
}
