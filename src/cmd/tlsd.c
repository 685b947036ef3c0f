/* tlsd: the TLS side of postern's servers, run by tcpserver in front of
 * smtpd, pop3-login or imap-login (UCSPI-TLS, doc/INTERFACES.md 6). */
#include <grp.h>
#include <signal.h>
#include <sys/prctl.h>
#include <stdlib.h>
#include <unistd.h>
#include "die.h"
#include "authkey.h"
#include "exitcode.h"
#include "scan.h"
#include "stralloc.h"
#include "tls.h"

#define USAGE "tlsd [-s] program [arg ...]"

/* Started as root (to read a key only root may read), tlsd becomes
 * $UID/$GID, as envuidgid sets them, before it touches the network. */
static void drop_root(void)
{
  const char *u = getenv("UID"), *g = getenv("GID");
  unsigned long uid, gid;
  if (geteuid() != 0) return;
  if (!u || !g || !scan_ulong(u, &uid) || !scan_ulong(g, &gid) || !uid || !gid)
    die(EXIT_PERM, "refusing to run as root: set UID and GID (envuidgid) or run tcpserver with -u/-g");
  if (setgroups(1, (gid_t[]){ (gid_t)gid }) < 0 || setgid((gid_t)gid) < 0 || setuid((uid_t)uid) < 0)
    die_sys(EXIT_TEMP, "unable to drop privileges");
}

/* authcheck's key, read while still root, so that authcheck believes
 * the SSL_PEER_LOGIN of this session (and of no other). Without it,
 * AUTH EXTERNAL is refused. After the switch to $UID this process is
 * not dumpable: the daemon user cannot read the key out of it. */
static const struct authkey *load_key(struct authkey *k, const char *external)
{
  if (!external || !*external) return 0;
  if (authkey_load(k, 1) == 1) return k;
  warn_sys("no key in var/authcheck (tlsd must start as root to read it): AUTH EXTERNAL will be refused");
  return 0;
}

int main(int argc, char **argv)
{
  struct authkey key;
  struct tls_run r = { 0 };
  stralloc peer = { 0 };
  const char *ip = getenv("TCPREMOTEIP");
  int starttls = 0, opt, rc;
  PROG = "tlsd";
  while ((opt = getopt(argc, argv, "+s")) != -1) {
    if (opt == 's') starttls = 1;
    else die_usage(USAGE);
  }
  if (optind >= argc) die_usage(USAGE);
  r.argv = argv + optind;
  signal(SIGPIPE, SIG_IGN);
  tls_run_init(&r, 0);
  r.key = load_key(&key, r.external);
  drop_root();
  /* Whatever fs.suid_dumpable says: no ptrace, no core with the key. */
  if (r.key && prctl(PR_SET_DUMPABLE, 0) < 0) die_sys(EXIT_TEMP, "unable to make tlsd undumpable");
  if (!stralloc_copys(&peer, "ip=") || !stralloc_cats(&peer, ip ? ip : "unknown") || !stralloc_0(&peer)) die_nomem();
  r.peer = peer.s;
  rc = starttls ? tls_run_starttls(&r) : tls_run_implicit(&r);
  tls_run_free(&r);
  stralloc_free(&peer);
  return rc;
}
