#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "conf.h"
#include "die.h"
#include "home.h"
#include "me.h"
#include "qs.h"
#include "scan.h"

/* Courier's time values: a number with an optional unit s, m, h, d, w. */
static int parse_time(const char *s, unsigned long *out)
{
  unsigned long n;
  size_t len = scan_ulong(s, &n);
  if (!len) return 0;
  while (s[len] == ' ') ++len;
  switch (s[len]) {
  case 0: case 's': break;
  case 'm': n *= 60; break;
  case 'h': n *= 3600; break;
  case 'd': n *= 86400; break;
  case 'w': n *= 604800; break;
  default: return 0;
  }
  *out = n;
  return 1;
}

static void read_time(const char *name, unsigned long *out, unsigned long dflt)
{
  stralloc path = {0}, line = {0};
  *out = dflt;
  if (!home_path(&path, name)) die_nomem();
  int r = conf_first_line(&line, path.s);
  if (r > 0 && (!stralloc_0(&line) || !parse_time(line.s, out))) {
    warn("ignoring ", path.s, ": not a time value");
    *out = dflt;
  }
  stralloc_free(&path);
  stralloc_free(&line);
}

/* The same name local-spawn resolves bare local parts with. */
static void read_me(stralloc *me)
{
  if (me_name(me) < 0) die_sys(111, "unable to read etc/me");
}

static void read_user(const char *var, uid_t *uid, gid_t *gid, stralloc *name, int *have)
{
  const char *u = getenv(var);
  struct passwd *pw = (u && *u) ? getpwnam(u) : 0;
  if (pw) {
    *uid = pw->pw_uid; *gid = pw->pw_gid;
    if (have) *have = 1;
  } else {
    *uid = getuid(); *gid = getgid();
    pw = getpwuid(*uid);
    if (have) *have = 0;
  }
  if (name && !stralloc_copys(name, pw ? pw->pw_name : "postern")) die_nomem();
  if (name && !stralloc_0(name)) die_nomem();
}

static int env_true(const char *name)
{
  const char *v = getenv(name);
  return v && (*v == '1' || *v == 'y' || *v == 'Y');
}

/* ESMTP_BLOCKBACKSCATTER: a list of message sources; postern knows
 * "smtp/dsn" (DSNs of mail from unauthenticated SMTP clients). */
static int lists_smtp_dsn(const char *v)
{
  if (!v) return 1;   /* Courier's default */
  return strstr(v, "smtp/dsn") != 0;
}

void config_load(struct config *c)
{
  read_me(&c->me);
  read_time("etc/concurrencylocal", &c->alpha, 10);
  c->conc_local = (unsigned)(c->alpha ? c->alpha : 1);
  read_time("etc/concurrencyremote", &c->alpha, 20);
  c->conc_remote = (unsigned)(c->alpha ? c->alpha : 1);
  read_time("etc/retryalpha", &c->alpha, 300);
  read_time("etc/retrybeta", &c->beta, 3);
  read_time("etc/retrygamma", &c->gamma, 900);
  read_time("etc/retrymaxdelta", &c->maxdelta, 3);
  read_time("etc/queuetime", &c->queuetime, 7 * 86400);
  read_time("etc/warntime", &c->warntime, 4 * 3600);
  if (!c->beta) c->beta = 1;
  if (c->maxdelta > 16) c->maxdelta = 16;
  c->dsn_to_auth = env_true("DSNTOAUTHADDR");
  c->block_smtp_dsn = lists_smtp_dsn(getenv("ESMTP_BLOCKBACKSCATTER"));
  read_user("MAILUSER", &c->mail_uid, &c->mail_gid, &c->mail_user, 0);
  gid_t g;
  read_user("DAEMONUSER", &c->daemon_uid, &g, 0, &c->have_daemon_uid);
  c->my_uid = getuid();
}

/* Courier's schedule: beta attempts alpha apart, then a pause of gamma,
 * doubling after each round up to gamma * 2^maxdelta. */
unsigned long retry_interval(const struct config *c, unsigned tries)
{
  if (tries == 0) return 0;
  if (tries % c->beta) return c->alpha;
  unsigned long round = tries / c->beta - 1;
  if (round > c->maxdelta) round = c->maxdelta;
  return c->gamma << round;
}
