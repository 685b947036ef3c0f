/* libFuzzer harness for smtpd's command loop: any byte stream from a
 * client (commands, DATA, BDAT chunks, AUTH responses) runs through the
 * real session code; messages go nowhere, lookups find no tables. */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
#include "../../src/cmd/smtpd/smtpd.h"

static struct smtp_config cfg = {
  .me = "fuzz.example", .sizelimit = 2048, .maxrcpts = 4, .maxrcpts_hard = 0, .maxhops = 3,
  .timeout = 1, .auth_mechs = "PLAIN LOGIN CRAM-MD5", .auth_mechs_tls = "", .auth_required = 0,
  .relayclient = 1, .remoteip = "192.0.2.1", .remotehost = "client.fuzz", .localip = "192.0.2.2",
  .tls = { .ctl = -1, .rfd = -1, .wfd = -1 }, .denied = 0, .queue_cmd = 0,
  /* bofh's address lists (freemail and badmx would ask the DNS, and
   * skip relay clients anyway). */
  .bofh_badfrom = "spammer@bad.example\n<Other@Bad.example>\n@worse.example\n@.worst.example",
  .bofh_spamtrap = "trap@fuzz.example\n@trap.example",
};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
  (void)argc; (void)argv;
  /* No tables, and an authcheck that cannot start (AUTH answers 454). */
  setenv("POSTERN_HOME", "/nonexistent/postern-fuzz", 1);
  setenv("POSTERN_COMMAND_DIR", "/nonexistent/postern-fuzz", 1);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static struct session s;
  int in = memfd_create("smtp-in", MFD_CLOEXEC);
  int out = open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (in < 0 || out < 0) abort();
  if (size && write(in, data, size) != (ssize_t)size) abort();
  lseek(in, 0, SEEK_SET);
  cfg.auth_required = size && (data[0] & 1);
  session_init(&s, &cfg, in, out);
  session_greet(&s);
  session_run(&s);
  session_free(&s);
  close(in);
  close(out);
  return 0;
}
