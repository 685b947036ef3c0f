/* authtest: shows what authcheck makes of an account, with or without
 * a password, and changes a userdb password:
 *   authtest [-s service] user [password [newpassword]] */
#include <stdlib.h>
#include <string.h>
#include "account.h"
#include "authcall.h"
#include "buffer.h"
#include "die.h"
#include "exitcode.h"
#include "fmt.h"

#define USAGE "authtest [-s service] user [password [newpassword]]"

static const char *or_none(const stralloc *sa)
{
  return sa->len ? sa->s : "(none)";
}

static int show(const char *user, int checked)
{
  struct account acct = {0};
  int r = account_lookup(&acct, user);
  if (r < 0) die_sys(EXIT_TEMP, "unable to look up ", user);
  if (r == 0) {
    buffer_putsflush(buffer_1, "Authentication FAILED: no such account\n");
    return 1;
  }
  char u[FMT_ULONG], g[FMT_ULONG];
  u[fmt_ulong(u, acct.uid)] = 0;
  g[fmt_ulong(g, acct.gid)] = 0;
  buffer_putm(buffer_1, checked ? "Authentication succeeded.\n\n" : "Account found.\n\n",
              "     Authenticated: ", acct.address.s, "  (uid ", u, ", gid ", g, ")\n",
              "              User: ", acct.user.s, "\n",
              "    Home Directory: ", acct.home.s, "\n",
              "           Maildir: ", or_none(&acct.maildir), "\n");
  buffer_putm(buffer_1, "             Quota: ", or_none(&acct.quota), "\n",
              "           Options: ", or_none(&acct.options), "\n");
  if (buffer_flush(buffer_1) < 0) die_sys(EXIT_TEMP, "unable to write output");
  account_free(&acct);
  return 0;
}

int main(int argc, char **argv)
{
  PROG = "authtest";
  struct authreq req = { "login", 0, 0, 0, 0, 0 };
  ++argv; --argc;
  if (argc >= 2 && !strcmp(argv[0], "-s")) { req.service = argv[1]; argv += 2; argc -= 2; }
  if (argc < 1 || argc > 3 || argv[0][0] == '-') die_usage(USAGE);
  req.login = argv[0];
  if (argc == 1) return show(argv[0], 0);
  req.secret = argv[1];
  req.secret_len = strlen(argv[1]);
  if (argc == 3) {
    int r = authcall_passwd(&req, argv[2], strlen(argv[2]));
    buffer_putsflush(buffer_1, r == 0 ? "Password change succeeded.\n"
                     : r == 1 ? "Password change FAILED: bad user or password.\n"
                     : r == 100 ? "Password change FAILED: not a userdb account, or not allowed.\n"
                     : "Password change FAILED: temporary failure.\n");
    return r;
  }
  int r = authcall_check(&req);
  if (r == 1) { buffer_putsflush(buffer_1, "Authentication FAILED: bad user or password\n"); return 1; }
  if (r != 0) { buffer_putsflush(buffer_1, "Authentication FAILED: temporary failure\n"); return EXIT_TEMP; }
  return show(argv[0], 1);
}
