/* smtpd: the ESMTP server, run by tcpserver once per connection as an
 * unprivileged user; accepted messages go to queue-inject. */
#include <sys/prctl.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include "die.h"
#include "exitcode.h"
#include "perip.h"
#include "smtpd/config.h"
#include "smtpd/smtpd.h"

int main(void)
{
  PROG = "smtpd";
  /* It parses whatever the network sends: never with privileges. */
  if (getuid() == 0 || geteuid() == 0) die(EXIT_PERM, "refusing to run as root");
  /* Every pre-auth session runs as the same user: one compromised
   * session must not trace another (its passwords, its TLS login). */
  if (prctl(PR_SET_DUMPABLE, 0) < 0) die_sys(111, "unable to make the process undumpable");
  signal(SIGPIPE, SIG_IGN);
  static struct smtp_config cfg;
  static struct smtp_config_store store;
  static struct session s;
  config_load(&cfg, &store);
  /* Only a network session counts (sendmail -bs has no TCPREMOTEIP);
   * the slot is held until smtpd exits, relay clients included. */
  const char *ip = getenv("TCPREMOTEIP");
  if (ip && perip_take("var/run/smtp-perip", ip, cfg.maxperip, 0) == -1) cfg.crowded = 1;
  session_init(&s, &cfg, 0, 1);
  session_greet(&s);
  session_run(&s);
  return EXIT_DONE;
}
