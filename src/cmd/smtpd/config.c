/* smtpd's settings, read once from the environment that the service's
 * run script builds from etc/esmtpd (and tcpserver from smtpaccess):
 * nothing is parsed per command. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include "access.h"
#include "conf.h"
#include "die.h"
#include "home.h"
#include "scan.h"
#include "smtpd.h"
#include "config.h"

/* Courier's defaults. */
#define DEFAULT_SIZELIMIT 10485760ULL
#define DEFAULT_MAXRCPTS 100
#define DEFAULT_TIMEOUT 300

static int flag_var(const char *name)
{
  const char *v = getenv(name);
  return v && *v && strcmp(v, "0") && strcasecmp(v, "no");
}

static const char *read_me(struct smtp_config_store *st)
{
  const char *v = getenv("ME");
  if (v && *v) return v;
  stralloc path = { 0, 0, 0 };
  if (!home_path(&path, "etc/me")) die_nomem();
  int r = conf_first_line(&st->me, path.s);
  stralloc_free(&path);
  if (r > 0) return st->me.s;
  char host[256];
  if (gethostname(host, sizeof host - 1) != 0) return "localhost";
  host[sizeof host - 1] = 0;
  if (!stralloc_copys(&st->me, host) || !stralloc_0(&st->me)) die_nomem();
  return st->me.s;
}

static unsigned long long read_sizelimit(struct smtp_config_store *st)
{
  unsigned long long n = DEFAULT_SIZELIMIT;
  const char *v = getenv("SIZELIMIT");
  if (v && *v) {
    if (scan_ulonglong(v, &n) != strlen(v)) n = DEFAULT_SIZELIMIT;
    return n;
  }
  stralloc path = { 0, 0, 0 };
  if (!home_path(&path, "etc/sizelimit")) die_nomem();
  if (conf_first_line(&st->tmp, path.s) > 0 && scan_ulonglong(st->tmp.s, &n) != st->tmp.len)
    n = DEFAULT_SIZELIMIT;
  stralloc_free(&path);
  return n;
}

/* MAXRCPTS is "N" or "N hard" (bofh's maxrcpts, exported by the run script). */
static void read_maxrcpts(struct smtp_config *c)
{
  const char *v = getenv("MAXRCPTS");
  unsigned long n;
  c->maxrcpts = DEFAULT_MAXRCPTS;
  c->maxrcpts_hard = 0;
  if (!v || !*v) return;
  size_t len = scan_ulong(v, &n);
  if (!len) return;
  c->maxrcpts = n;
  while (v[len] == ' ' || v[len] == '\t') ++len;
  c->maxrcpts_hard = !strcasecmp(v + len, "hard");
}

/* Debian's tcpserver takes IPv4 clients only, so it never applied the
 * rules to an IPv6 client (one behind an IPv6-capable front end): smtpd
 * applies them itself, before anything reads RELAYCLIENT or BLOCK. */
static int access_ipv6(struct smtp_config_store *st)
{
  const char *ip = getenv("TCPREMOTEIP");
  if (!ip || !strchr(ip, ':')) return 0;
  const char *file = getenv("ACCESSFILE");
  if (file && *file) {
    if (!stralloc_copys(&st->tmp, file) || !stralloc_cats(&st->tmp, ".cdb") || !stralloc_0(&st->tmp)) die_nomem();
  } else if (!home_path(&st->tmp, "etc/smtpaccess.cdb")) die_nomem();
  stralloc vars = { 0, 0, 0 };
  int r = access_lookup(st->tmp.s, ip, &vars);
  if (r == 1 && !access_setenv(&vars)) die_nomem();
  stralloc_free(&vars);
  if (r == 1 || (r < 0 && errno == ENOENT)) return 0;
  if (r < 0) warn_sys("unable to read ", st->tmp.s);
  return 1;
}

/* BOFHSUPPRESSBACKSCATTER (bofh's opt, exported by smtpd-run): "none"
 * turns the suppression list off; the default, "smtp", applies it to
 * clients that neither authenticated nor may relay; a list naming
 * "smtp/auth" as well applies it to every SMTP client. */
static int read_suppress(void)
{
  const char *v = getenv("BOFHSUPPRESSBACKSCATTER");
  if (!v || !*v) return 1;
  if (!strcasecmp(v, "none")) return 0;
  return strstr(v, "smtp/auth") ? 2 : 1;
}

void config_load(struct smtp_config *c, struct smtp_config_store *st)
{
  int denied = access_ipv6(st);
  memset(c, 0, sizeof *c);
  c->denied = denied;
  c->me = read_me(st);
  c->sizelimit = read_sizelimit(st);
  read_maxrcpts(c);
  c->maxhops = 100;
  unsigned long t;
  const char *v = getenv("ESMTPTIMEOUT");
  c->timeout = (v && scan_ulong(v, &t) && t) ? (unsigned)t : DEFAULT_TIMEOUT;
  c->auth_mechs = getenv("ESMTPAUTH");
  c->auth_mechs_tls = getenv("ESMTPAUTH_TLS");
  c->auth_required = flag_var("AUTH_REQUIRED");
  c->checkdns = flag_var("BOFHCHECKDNS");
  c->suppress = read_suppress();
  v = getenv("MAXPERIP");
  c->maxperip = (v && scan_ulong(v, &t) == strlen(v) && t < 100000) ? (unsigned)t : 0;
  c->relayclient = getenv("RELAYCLIENT") != 0;
  c->bofh_badfrom = getenv("BOFH_BADFROM");
  c->bofh_spamtrap = getenv("BOFH_SPAMTRAP");
  c->bofh_freemail = getenv("BOFH_FREEMAIL");
  c->bofh_badmx = getenv("BOFH_BADMX");
  c->local_login = getenv("SENDMAIL_LOGIN");
  if (c->local_login && !*c->local_login) c->local_login = 0;
  c->remoteip = getenv("TCPREMOTEIP") ? getenv("TCPREMOTEIP") : "unknown";
  c->remotehost = getenv("TCPREMOTEHOST");
  c->localip = getenv("TCPLOCALIP");
  tlsapp_env(&c->tls);
  if (!home_command(&st->queue, "queue-inject")) die_nomem();
  c->queue_cmd = st->queue.s;
}
