/* userdbpw: hashes a password for userdb's systempw or hmac-md5pw.
 * From a terminal it asks twice without echo; from a pipe it reads one
 * line, so scripts can write  echo pw | userdbpw -hmac-md5 | userdb ... */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "buffer.h"
#include "die.h"
#include "exitcode.h"
#include "pwhash.h"

#define USAGE "userdbpw [-md5 | -sha256 | -sha512 | -hmac-md5]"
#define MAXPW 1024

/* One line from fd 0 without its newline: 1, or 0 at end of input. */
static int read_line(char *buf, size_t size)
{
  size_t n = 0;
  char c;
  for (;;) {
    ssize_t r = read(0, &c, 1);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) die_sys(EXIT_TEMP, "unable to read the password");
    if (r == 0) { if (!n) return 0; break; }
    if (c == '\n') break;
    if (n + 1 >= size) die(EXIT_PERM, "password too long");
    buf[n++] = c;
  }
  if (n && buf[n - 1] == '\r') --n;
  buf[n] = 0;
  return 1;
}

static void prompt_line(const char *prompt, char *buf, size_t size)
{
  struct termios old, quiet;
  int tty = tcgetattr(0, &old) == 0;
  if (tty) { quiet = old; quiet.c_lflag &= ~(tcflag_t)ECHO; tcsetattr(0, TCSAFLUSH, &quiet); }
  (void)!write(2, prompt, strlen(prompt));
  int got = read_line(buf, size);
  if (tty) { tcsetattr(0, TCSAFLUSH, &old); (void)!write(2, "\n", 1); }
  if (!got) die(EXIT_PERM, "no password given");
}

static void read_password(char *pw, size_t size)
{
  if (isatty(0)) {
    char again[MAXPW];
    prompt_line("Password: ", pw, size);
    prompt_line("Reenter password: ", again, sizeof again);
    int same = !strcmp(pw, again);
    explicit_bzero(again, sizeof again);
    if (!same) die(EXIT_PERM, "the passwords differ");
  } else if (!read_line(pw, size)) {
    die(EXIT_PERM, "no password on standard input");
  }
  if (!*pw) die(EXIT_PERM, "empty password");
}

int main(int argc, char **argv)
{
  PROG = "userdbpw";
  const char *method = 0;
  int hmac = 0;
  if (argc > 2) die_usage(USAGE);
  if (argc == 2) {
    if (!strcmp(argv[1], "-md5")) method = "md5";
    else if (!strcmp(argv[1], "-sha256")) method = "sha256";
    else if (!strcmp(argv[1], "-sha512")) method = "sha512";
    else if (!strcmp(argv[1], "-hmac-md5")) hmac = 1;
    else die_usage(USAGE);
  }
  char pw[MAXPW];
  read_password(pw, sizeof pw);
  stralloc out = {0};
  int ok = hmac ? hmacmd5pw_make(&out, pw, strlen(pw)) : pwhash_make(&out, method, pw);
  explicit_bzero(pw, sizeof pw);
  if (!ok) die_sys(EXIT_TEMP, "unable to hash the password");
  buffer_put(buffer_1, out.s, out.len);
  buffer_puts(buffer_1, "\n");
  if (buffer_flush(buffer_1) < 0) die_sys(EXIT_TEMP, "unable to write the hash");
  free(out.s);
  return 0;
}
