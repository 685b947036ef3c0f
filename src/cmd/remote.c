/* remote: delivers queued mail for one domain to the mail servers that
 * take it (esmtproutes, else MX), reusing one connection for the jobs
 * queue-send feeds it. Protocol: doc/INTERFACES.md section 9. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <openssl/ssl.h>
#include "buffer.h"
#include "conf.h"
#include "dns.h"
#include "die.h"
#include "exitcode.h"
#include "home.h"
#include "remote/remote.h"
#include "scan.h"

static int env_int(const char *name, int fallback)
{
  const char *v = getenv(name);
  unsigned long n;
  if (!v || !*v || scan_ulong(v, &n) != strlen(v)) return fallback;
  return (int)n;
}

static const char *env_str(const char *name)
{
  const char *v = getenv(name);
  return v && *v ? v : 0;
}

static void load_settings(struct settings *s)
{
  s->timeout_connect = env_int("ESMTP_TIMEOUT_CONNECT", 60);
  s->timeout_command = env_int("ESMTP_TIMEOUT_COMMAND", 300);
  s->timeout_data = env_int("ESMTP_TIMEOUT_DATA", 600);
  s->verify_domain = env_int("ESMTP_TLS_VERIFY_DOMAIN", 0) == 1;
  s->trust_certs = env_str("TLS_TRUSTCERTS");
  s->trust_security = env_str("TLS_TRUSTSECURITYCERTS");
  s->reuse = env_int("ESMTP_REUSE", 1) != 0;
  s->use_starttls = env_int("ESMTP_USE_STARTTLS", 1) != 0;
  const char *proto = env_str("TLS_PROTOCOL");
  s->tls_min_version = TLS1_2_VERSION;
  if (proto && !strcasecmp(proto, "TLS1_3")) s->tls_min_version = TLS1_3_VERSION;
}

static void load_helo(stralloc *helo)
{
  stralloc path = {0};
  if (!home_path(&path, "etc/me")) die_nomem();
  if (conf_first_line(helo, path.s) <= 0) {
    char host[256];
    if (gethostname(host, sizeof host - 1) < 0) strcpy(host, "localhost");
    host[sizeof host - 1] = 0;
    stralloc_copys(helo, host);
  }
  stralloc_free(&path);
}

static void route_domain(struct remote *r)
{
  stralloc path = {0}, why = {0};
  r->routed = 1;
  if (!home_path(&path, "etc/esmtproutes")) die_nomem();
  int rt = route_lookup(&r->route, path.s, r->domain.s, &why);
  if (rt == -1) die_sys(EXIT_TEMP, "unable to read ", path.s);
  if (rt == -2) { stralloc_0(&why); die(EXIT_TEMP, why.s); }
  if (!home_path(&path, "etc/esmtpauthclient")) die_nomem();
  if (r->route.host.len
      && authclient_lookup(path.s, r->route.auth_key.s, r->route.host.s, &r->auth_user, &r->auth_pass) < 0)
    die_sys(EXIT_TEMP, "unable to read ", path.s);
  r->mx_result = mx_targets(&r->targets, r->domain.s, &r->route, &r->mx_why);
  stralloc_0(&r->mx_why);
  stralloc_free(&path);
  stralloc_free(&why);
}

static void run_job(struct remote *r, struct job *job)
{
  if (!r->routed) route_domain(r);
  if (r->mx_result != MX_OK) {
    result_all(job, r->mx_result == MX_PERM ? 'F' : 'T', r->mx_why.s);
  } else {
    struct body probe;
    stralloc path = {0};
    stralloc_copys(&path, "queue/mess/");
    stralloc_cat(&path, &job->id);
    stralloc_0(&path);
    unsigned long size = 0;
    if (body_load(&probe, path.s, 0, 1) == 0) { size = body_wire_size(&probe); body_free(&probe); }
    stralloc_free(&path);
    int ready = session_ready(r, job, size);
    if (ready) { stralloc_0(&r->why); result_all(job, (char)ready, r->why.s); }
    else transaction_run(r, job);
  }
  result_end(job);
  if (!r->set.reuse) session_quit(r);
}

static void release(struct remote *r)
{
  targets_free(&r->targets);
  stralloc *all[] = { &r->domain, &r->helo, &r->route.host, &r->route.auth_key, &r->mx_why,
                      &r->auth_user, &r->auth_pass, &r->conn.out, &r->conn.peer_name, &r->caps.auth,
                      &r->reply.text, &r->reply.lines, &r->line, &r->why };
  for (size_t i = 0; i < sizeof all / sizeof all[0]; ++i) stralloc_free(all[i]);
}

int main(int argc, char **argv)
{
  PROG = "remote";
  if (argc != 2 || !argv[1][0]) die_usage("remote DOMAIN (jobs on fd 0, results on fd 1)");
  signal(SIGPIPE, SIG_IGN);
  if (chdir(postern_home()) < 0) die_sys(EXIT_TEMP, "unable to switch to ", postern_home());

  struct remote r;
  memset(&r, 0, sizeof r);
  r.conn.fd = -1;
  load_settings(&r.set);
  load_helo(&r.helo);
  stralloc_copys(&r.domain, argv[1]);
  for (size_t i = 0; i < r.domain.len; ++i)
    if (r.domain.s[i] >= 'A' && r.domain.s[i] <= 'Z') r.domain.s[i] = (char)(r.domain.s[i] + 32);
  if (r.domain.len && r.domain.s[r.domain.len - 1] == '.') --r.domain.len;
  stralloc_0(&r.domain);
  char seed[128];
  unsigned long pid = (unsigned long)getpid(), now = (unsigned long)time(0);
  memcpy(seed, &pid, sizeof pid);
  memcpy(seed + sizeof pid, &now, sizeof now);
  dns_random_init(seed);

  struct job job;
  memset(&job, 0, sizeof job);
  int got;
  while ((got = job_read(buffer_0, &job)) == 1) run_job(&r, &job);
  session_quit(&r);
  if (got < 0) die(EXIT_TEMP, "malformed job on standard input");
  job_free(&job);
  release(&r);
  return EXIT_DONE;
}
