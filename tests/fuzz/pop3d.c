/* libFuzzer harness for pop3d's session: any client byte stream, read
 * through pop3d's own line reader, against a small maildir (temp dir
 * /tmp/fuzz-pop3d.PID) holding messages with LF and CRLF ends, none at
 * the end, a last line ending in CR, dot lines, an empty message, one
 * without a body and a FIFO; lines starting with '#' rename or remove
 * a message file as another client would. QUIT runs the UPDATE state,
 * after which (or after a rename or removal) the maildir is filled
 * again. The DELE marks must always agree with
 * the running totals STAT answers from. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "pop3cmd.h"
#include "../../src/cmd/pop3d/pop3d.h"

static const char *const msgs[] = {
  "From: a@example.test\nSubject: lf\n\nline one\n.dot\n..two dots\n.\nlast\n",
  "From: b@example.test\r\nSubject: crlf\r\n\r\nbody\r\n.dot\r\n",
  "Subject: no final newline\n\nabc",
  "Subject: cr\n\nends with a CR\r",
  "",
  "Subject: header only\n",
};

static void empty(const char *dir)
{
  DIR *d = opendir(dir);
  struct dirent *de;
  if (!d) abort();
  while ((de = readdir(d)))
    if (de->d_name[0] != '.') unlinkat(dirfd(d), de->d_name, 0);
  closedir(d);
}

static void fill(void)
{
  char name[128];
  empty("cur");
  empty("new");
  for (size_t i = 0; i < sizeof msgs / sizeof msgs[0]; ++i) {
    size_t n = strlen(msgs[i]);
    snprintf(name, sizeof name, "%s/%zu.M%zuP1.fuzz,S=%zu%s", i % 2 ? "new" : "cur", 1700000000 + i, i, n,
             i % 2 ? "" : ":2,");
    int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0 || write(fd, msgs[i], n) != (ssize_t)n) abort();
    close(fd);
  }
  if (mkfifo("cur/1700000100.M100P1.fuzz:2,", 0600) < 0) abort();
}

static char dir[64];

static void cleanup(void)
{
  if (chdir(dir) < 0) return;
  empty("cur");
  empty("new");
  rmdir("cur");
  rmdir("new");
  rmdir("tmp");
  if (chdir("/") == 0) rmdir(dir);
}

static void setup(void)
{
  snprintf(dir, sizeof dir, "/tmp/fuzz-pop3d.%d", (int)getpid());
  if (mkdir(dir, 0700) < 0 || chdir(dir) < 0) abort();
  if (mkdir("cur", 0700) < 0 || mkdir("new", 0700) < 0 || mkdir("tmp", 0700) < 0) abort();
  fill();
  atexit(cleanup);
}

/* "#R<c>" renames the file of message c % n (adding flags), "#U<c>"
 * removes it: another client acting behind the session's back. */
static void outside(const struct mailbox *mb, const char *line, size_t len)
{
  if (len < 3 || !mb->n) return;
  const char *name = mailbox_name(mb, (unsigned char)line[2] % mb->n);
  char to[1200];
  if (line[1] == 'U') unlinkat(mb->cur, name, 0);
  if (line[1] != 'R' || snprintf(to, sizeof to, "%.*s:2,FRS", (int)strcspn(name, ":"), name) >= (int)sizeof to) return;
  renameat(mb->cur, name, mb->cur, to);
}

static void check_totals(const struct mailbox *mb)
{
  unsigned long n = 0;
  unsigned long long size = 0;
  for (unsigned long i = 0; i < mb->n; ++i)
    if (mailbox_deleted(mb, i)) { ++n; size += mb->m[i].size; }
  if (n != mb->ndeleted || size != mb->deleted_size || !mb->epoch) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static int ready, devnull = -1, home = -1, work = -1;
  if (!ready) {
    /* The maildir is pop3d's working directory, but libFuzzer writes
     * its corpus relative to ours: switch for each input, and back. */
    home = open(".", O_RDONLY | O_DIRECTORY);
    setup();
    work = open(".", O_RDONLY | O_DIRECTORY);
    devnull = open("/dev/null", O_WRONLY);
    ready = 1;
  } else if (fchdir(work) < 0) abort();
  int p[2];
  if (size > 60000) size = 60000;   /* what a pipe takes without a reader */
  if (pipe(p) < 0) abort();
  if (size && write(p[1], data, size) != (ssize_t)size) abort();
  close(p[1]);
  struct pop3d *s = calloc(1, sizeof *s);
  if (!s) abort();
  s->mb.cur = -1;
  s->in.fd = p[0];
  s->in.timeout = 1;
  s->out.fd = devnull;
  s->out.timeout = 1;
  s->user = s->ip = "fuzz";
  if (mailbox_open(&s->mb) < 0) abort();
  char line[POP3_LINE_MAX + 2];
  size_t len;
  int r, dirty = 0;
  while ((r = in_line(&s->in, line, sizeof line, &len)) > 0) {
    if (r == 2) continue;
    if (line[0] == '#') { outside(&s->mb, line, len); dirty = 1; continue; }
    if (pop3d_command(s, line, len)) {
      check_totals(&s->mb);
      mailbox_update(s);
      dirty = 1;
      break;
    }
    check_totals(&s->mb);
  }
  out_flush(&s->out);
  if (dirty) fill();
  close(p[0]);
  mailbox_free(&s->mb);
  free(s);
  if (fchdir(home) < 0) abort();
  return 0;
}
