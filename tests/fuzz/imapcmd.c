/* libFuzzer harness for IMAP command input: any bytes through the
 * command reader (literals, limits), the tokeniser, and imapd's parsers
 * of FETCH items, SEARCH keys and flag lists, with an empty mailbox. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <fcntl.h>
#include <unistd.h>
#include "../../src/cmd/imapd/imapd.h"
#include "../../src/cmd/imapd/imap-fetch.h"
#include "../../src/cmd/imapd/imap-search.h"

static int no_cont(void *ctx) { (void)ctx; return 0; }

static void parsers(struct session *s)
{
  struct imap_arg *a = imap_argp(&s->cmd, s->cmd.first);
  a = arg_next(s, a);
  if (!a || a->type != IMAP_ATOM) return;
  const char *name = arg_str(s, a);
  struct imap_arg *rest = arg_next(s, a);
  const char *why;
  if (!strcasecmp(name, "FETCH") && rest) {
    struct fetch *f = calloc(1, sizeof *f);
    if (!f) return;
    fetch_parse(s, f, arg_next(s, rest), &why);
    fetch_free(f);
    free(f);
  } else if (!strcasecmp(name, "SEARCH")) {
    struct search_prog p;
    if (search_init(&p) < 0) return;
    search_parse(s, &p, rest, 0, &why);
    search_done(&p);
  } else if (!strcasecmp(name, "STORE") && rest) {
    unsigned fl, kw;
    flags_parse(s, arg_next(s, rest), &fl, &kw, 0, 0);
  } else if (!strcasecmp(name, "UID") && rest) {
    seqset_mark(s, arg_str(s, rest), 1);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static struct session s;
  int p[2];
  if (size > 60000 || pipe(p) < 0) return 0;
  if (write(p[1], data, size) != (ssize_t)size) { close(p[0]); close(p[1]); return 0; }
  close(p[1]);
  int devnull = open("/dev/null", O_WRONLY);
  memset(&s.in, 0, sizeof s.in);
  imap_in_init(&s.in, p[0], size & 1, 0);
  buffer_init(&s.out, (ssize_t (*)())write, devnull, s.outbuf, sizeof s.outbuf);
  s.lim.line_max = 1024;
  s.lim.command_max = 4096;
  s.lim.literal_max = 512;
  s.lim.append_max = 2048;
  s.lim.depth_max = 32;
  s.state = S_SELECTED;
  for (int i = 0; i < 64; ++i) {
    int r = imap_read_command(&s.in, &s.cmd, &s.lim, no_cont, &s);
    if (r == IMAP_READ_EOF || r == IMAP_READ_FATAL) break;
    if (r != IMAP_READ_OK) continue;
    const char *err;
    int q = imap_parse(&s.cmd, s.lim.depth_max, &err);
    if (q < 0) abort();
    if (q == 0) continue;
    for (size_t k = 0; k < s.cmd.nargs; ++k) {
      struct imap_arg *a = &s.cmd.args[k];
      if (a->type != IMAP_LIST && a->off + a->len >= s.cmd.strs.len) abort();
      if (a->type != IMAP_LIST && s.cmd.strs.s[a->off + a->len] != 0) abort();
    }
    parsers(&s);
  }
  buffer_flush(&s.out);
  close(devnull);
  close(p[0]);
  return 0;
}
