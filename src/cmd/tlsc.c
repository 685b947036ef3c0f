/* tlsc: the client side of UCSPI-TLS, run by tcpclient in front of a
 * client program (network on fds 6 and 7): implicit TLS, or STARTTLS
 * when the program writes Y to SSLCTLFD. */
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include "die.h"
#include "stralloc.h"
#include "tls.h"

#define USAGE "tlsc [-s] [-n servername] program [arg ...]"

int main(int argc, char **argv)
{
  struct tls_run r = { 0 };
  stralloc peer = { 0 };
  const char *ip = getenv("TCPREMOTEIP");
  int starttls = 0, opt, rc;
  PROG = "tlsc";
  while ((opt = getopt(argc, argv, "+sn:")) != -1) {
    if (opt == 's') starttls = 1;
    else if (opt == 'n') r.servername = optarg;
    else die_usage(USAGE);
  }
  if (optind >= argc) die_usage(USAGE);
  r.argv = argv + optind;
  signal(SIGPIPE, SIG_IGN);
  tls_run_init(&r, 1);
  if (!stralloc_copys(&peer, "ip=") || !stralloc_cats(&peer, ip ? ip : "unknown")) die_nomem();
  if (r.servername && (!stralloc_cats(&peer, " host=") || !stralloc_cats(&peer, r.servername))) die_nomem();
  if (!stralloc_0(&peer)) die_nomem();
  r.peer = peer.s;
  rc = starttls ? tls_run_starttls(&r) : tls_run_implicit(&r);
  tls_run_free(&r);
  stralloc_free(&peer);
  return rc;
}
