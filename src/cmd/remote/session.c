#include <errno.h>
#include <string.h>
#include "die.h"
#include "remote.h"

int session_command(struct remote *r, const char *line)
{
  conn_puts(&r->conn, line);
  conn_puts(&r->conn, "\r\n");
  r->conn.timeout = r->set.timeout_command;
  if (conn_flush(&r->conn) < 0) return -1;
  return reply_read(&r->conn, &r->reply);
}

void session_quit(struct remote *r)
{
  if (!r->connected) return;
  r->conn.timeout = 10;
  session_command(r, "QUIT");
  conn_close(&r->conn);
  r->connected = 0;
  r->secure = 0;
}

static void host_error(struct remote *r, const struct target *t, const char *what, const char *detail)
{
  stralloc_copys(&r->why, t->name.s);
  if (t->name.s[0] != '[') {
    stralloc_cats(&r->why, " [");
    stralloc_cats(&r->why, r->conn.peer_ip[0] ? r->conn.peer_ip : "?");
    stralloc_cats(&r->why, "]");
  }
  stralloc_cats(&r->why, ": ");
  stralloc_cats(&r->why, what);
  if (detail && *detail) { stralloc_cats(&r->why, ": "); stralloc_cats(&r->why, detail); }
  stralloc_0(&r->why);
  --r->why.len;
  log_line("warning: ", r->why.s);
}

static int hello(struct remote *r)
{
  stralloc_copys(&r->line, "EHLO ");
  stralloc_cat(&r->line, &r->helo);
  stralloc_0(&r->line);
  if (session_command(r, r->line.s) < 0) return -1;
  if (r->reply.code == 250) { caps_parse(&r->caps, &r->reply); return 0; }
  stralloc_copys(&r->line, "HELO ");
  stralloc_cat(&r->line, &r->helo);
  stralloc_0(&r->line);
  if (session_command(r, r->line.s) < 0) return -1;
  r->caps.esmtp = r->caps.pipelining = r->caps.eightbitmime = r->caps.dsn = 0;
  r->caps.smtputf8 = r->caps.chunking = r->caps.starttls = 0;
  r->caps.size = 0;
  stralloc_copys(&r->caps.auth, " ");
  return r->reply.code == 250 ? 0 : 1;
}

/* TLS on the open connection (after STARTTLS or at once for SMTPS):
 * 0 ok, 1 refused (why set). */
static int start_tls(struct remote *r, const struct target *t, int need_security)
{
  const char *ca = 0, *host = 0;
  if (need_security) ca = r->set.trust_security;
  else if (r->set.verify_domain) { ca = r->set.trust_certs; host = t->name.s; }
  if (need_security && !ca) {
    host_error(r, t, "SECURITY=STARTTLS needs TLS_TRUSTSECURITYCERTS", 0);
    return 1;
  }
  r->conn.timeout = r->set.timeout_command;
  if (conn_starttls(&r->conn, ca, host, r->set.tls_min_version, &r->why) < 0) {
    stralloc_0(&r->why);
    stralloc tmp = {0};
    stralloc_copy(&tmp, &r->why);
    host_error(r, t, "TLS", tmp.s);
    stralloc_free(&tmp);
    return 1;
  }
  r->secure = need_security;
  return 0;
}

/* 0 ready; 1 this host will not do (why set, try the next); -1 the
 * message must fail permanently here (why set). */
static int try_host(struct remote *r, const struct target *t, int need_security, unsigned long msgsize)
{
  memset(r->conn.peer_ip, 0, sizeof r->conn.peer_ip);
  stralloc_copy(&r->conn.peer_name, &t->name);
  if (conn_open(&r->conn, t->ip, t->is6, r->route.port, r->set.timeout_connect) < 0) {
    host_error(r, t, "cannot connect", strerror(errno));
    return 1;
  }
  r->connected = 1;
  int smtps = r->route.security == SEC_SMTPS;
  if (smtps && start_tls(r, t, 0)) goto refuse;
  r->conn.timeout = r->set.timeout_command;
  if (reply_read(&r->conn, &r->reply) < 0) { host_error(r, t, "connection lost before the greeting", 0); goto refuse; }
  if (r->reply.code != 220) { host_error(r, t, "greeting", r->reply.text.s); goto refuse; }
  int h = hello(r);
  if (h) { host_error(r, t, h < 0 ? "connection lost after EHLO" : "HELO refused", r->reply.text.s); goto refuse; }
  if (!smtps && r->caps.starttls && (r->set.use_starttls || need_security)) {
    if (session_command(r, "STARTTLS") < 0) { host_error(r, t, "connection lost after STARTTLS", 0); goto refuse; }
    if (r->reply.code == 220) {
      if (start_tls(r, t, need_security)) { if (need_security) goto refuse_security; goto refuse; }
      if (hello(r)) { host_error(r, t, "EHLO after STARTTLS", r->reply.text.s); goto refuse; }
    }
  }
  if (need_security && !r->secure) {
    host_error(r, t, "no STARTTLS with a trusted certificate, and the message requires SECURITY=STARTTLS", 0);
    goto refuse_security;
  }
  if (r->caps.size && msgsize > r->caps.size) {
    host_error(r, t, "message larger than the host accepts", 0);
    session_quit(r);
    return -2;
  }
  if (r->auth_user.len) {
    stralloc why = {0};
    int a = auth_client(r, &why);
    if (a) { stralloc_0(&why); host_error(r, t, "authentication failed", why.s); stralloc_free(&why); goto refuse; }
    stralloc_free(&why);
  }
  return 0;
refuse_security:
  session_quit(r);
  return -1;
refuse:
  session_quit(r);
  return 1;
}

int session_ready(struct remote *r, const struct job *job, unsigned long msgsize)
{
  int need_security = r->route.security == SEC_STARTTLS
                   || (job->security.len && !strcasecmp(job->security.s, "STARTTLS"));
  if (r->connected && need_security && !r->secure) session_quit(r);
  if (r->connected) return 0;
  int security_failures = 0, size_failures = 0;
  for (size_t i = 0; i < r->targets.n; ++i) {
    int h = try_host(r, &r->targets.t[i], need_security, msgsize);
    if (h == 0) return 0;
    if (h == -1) ++security_failures;
    if (h == -2) ++size_failures;
  }
  if (size_failures && (size_t)size_failures == r->targets.n) {
    stralloc_cats(&r->why, " (5.3.4)");
    return 'F';
  }
  if (security_failures) return 'F';
  return 'T';
}
