/* sendmail -bs: SMTP on stdin/stdout through smtpd, as a local
 * submission. smtpd never runs as root (it parses what the other side
 * sends), so root's session runs as the daemon user of etc/users, the
 * user smtpd runs as under tcpserver. */
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <unistd.h>
#include "conf.h"
#include "die.h"
#include "exitcode.h"
#include "home.h"
#include "sendmail.h"

static void drop_to_daemonuser(void)
{
  struct conf_env users = { { 0, 0, 0 } };
  stralloc path = { 0, 0, 0 };
  unsigned long bad = 0;
  if (!home_path(&path, "etc/users")) die_nomem();
  int r = conf_env_read(&users, path.s, &bad);
  if (r < 0) die_sys(EXIT_TEMP, "unable to read ", path.s);
  const char *name = r > 0 ? conf_env_get(&users, "DAEMONUSER") : 0;
  if (!name || !*name) die(EXIT_TEMP, "DAEMONUSER is not set in ", path.s);
  struct passwd *pw = getpwnam(name);
  if (!pw) die(EXIT_TEMP, "no such user: ", name);
  if (pw->pw_uid == 0) die(EXIT_TEMP, "DAEMONUSER may not be root");
  if (setgroups(1, &pw->pw_gid) < 0 || setgid(pw->pw_gid) < 0 || setuid(pw->pw_uid) < 0)
    die_sys(EXIT_TEMP, "unable to become ", name);
  conf_env_free(&users);
  stralloc_free(&path);
}

void sendmail_smtp(struct sendmail *m, char **argv)
{
  /* A local user, so relaying is allowed, and the session counts as
   * authenticated as that user: the envelope's A record and Received:
   * name them, whoever smtpd runs as. */
  setenv("RELAYCLIENT", "", 1);
  setenv("TCPREMOTEIP", "127.0.0.1", 1);
  setenv("TCPREMOTEHOST", "localhost", 1);
  setenv("SENDMAIL_LOGIN", m->login.s, 1);
  unsetenv("MAXPERIP");
  if (getuid() == 0 || geteuid() == 0) drop_to_daemonuser();
  sendmail_run("smtpd", argv);
}
