#include <string.h>
#include <time.h>
#include <unistd.h>
#include "addr.h"
#include "conf.h"
#include "die.h"
#include "domains.h"
#include "exitcode.h"
#include <stdio.h>
#include "home.h"
#include "qinject.h"
#include "qs.h"

/* Delivery status notifications (RFC 3464), injected through
 * queue-inject with the null reverse-path. */

#define DOUBLE_BOUNCE_ENVID "postern-double-bounce"
#define FULL_LIMIT (1024 * 1024)

struct dsn {
  struct qs *q;
  struct msg *m;
  int kind;
  stralloc to;
  stralloc text;   /* the whole message */
  int nlisted;
  int any_failed, any_delivered;
};

static void cat(stralloc *sa, const char *s)
{
  if (!stralloc_cats(sa, s)) die_nomem();
}

static void date822(stralloc *sa, unsigned long t)
{
  char buf[64];
  time_t tt = (time_t)t;
  struct tm tm;
  localtime_r(&tt, &tm);
  strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S %z", &tm);
  cat(sa, buf);
}

/* An enhanced status code "c.d.d" at t (class 2, 4 or 5): its length. */
static size_t enhanced(const char *t)
{
  if (!(t[0] == '2' || t[0] == '4' || t[0] == '5') || t[1] != '.') return 0;
  size_t n = 2, digits = 0;
  while (t[n] >= '0' && t[n] <= '9') { ++n; ++digits; }
  if (!digits || digits > 3 || t[n] != '.') return 0;
  ++n; digits = 0;
  while (t[n] >= '0' && t[n] <= '9') { ++n; ++digits; }
  if (!digits || digits > 3 || (t[n] && t[n] != ' ' && t[n] != ';')) return 0;
  return n;
}

/* The SMTP reply in a remote result "host [ip]: 550 5.1.1 text", or 0. */
static const char *smtp_reply(const char *text)
{
  const char *p = strstr(text, "]: ");
  if (!p) return 0;
  p += 3;
  return (p[0] >= '2' && p[0] <= '5' && p[1] >= '0' && p[1] <= '9' && p[2] >= '0' && p[2] <= '9') ? p : 0;
}

/* The enhanced status code of a result text (at its start, or after the
 * SMTP code of a remote reply), or the class's default. */
static void status_of(char *out, const char *text, char cls)
{
  const char *reply = smtp_reply(text);
  const char *t = reply && reply[3] == ' ' ? reply + 4 : text;
  size_t n = enhanced(t);
  if (n && n < 12 && (t[0] == cls || (cls == '5' && t[0] == '4'))) { memcpy(out, t, n); out[n] = 0; return; }
  out[0] = cls; memcpy(out + 1, ".0.0", 5);
}

/* Which recipients this notification lists. */
static int listed(const struct dsn *d, size_t i)
{
  const struct rstate *r = d->m->r + i;
  const struct qenv_rcpt *e = d->m->env.rcpt + i;
  if (d->kind == DSN_DELAY) return r->state == 'T' && !r->warned && qenv_wants(e, QNOTIFY_DELAY);
  if (r->state == 'F') return qenv_wants(e, QNOTIFY_FAILURE);
  if (r->state == 'D') return qenv_wants(e, QNOTIFY_SUCCESS);
  return 0;
}

static void per_recipient(struct dsn *d, size_t i)
{
  const struct rstate *r = d->m->r + i;
  const struct qenv_rcpt *e = d->m->env.rcpt + i;
  stralloc *s = &d->text;
  char st[16];
  status_of(st, r->text.s ? r->text.s : "", r->state == 'D' ? '2' : r->state == 'F' ? '5' : '4');
  cat(s, "\n");
  if (e->orcpt) { cat(s, "Original-Recipient: "); cat(s, e->orcpt); cat(s, "\n"); }
  cat(s, "Final-Recipient: rfc822; "); cat(s, e->addr); cat(s, "\n");
  cat(s, "Action: ");
  cat(s, r->state == 'D' ? "delivered" : r->state == 'F' ? "failed" : "delayed");
  cat(s, "\nStatus: "); cat(s, st); cat(s, "\n");
  const char *reply = r->text.len ? smtp_reply(r->text.s) : 0;
  if (reply) {
    /* "host [ip]: reply" or "[ip]: reply": who answered, and its words. */
    const char *open = memchr(r->text.s, '[', (size_t)(reply - r->text.s));
    const char *name = r->text.s;
    size_t len = open && open > name ? (size_t)(open - name - 1) : 0;
    if (!len && open) { name = open + 1; len = (size_t)(reply - 3 - name); }
    cat(s, "Remote-MTA: dns; ");
    if (!stralloc_catb(s, name, len)) die_nomem();
    cat(s, "\nDiagnostic-Code: smtp; "); cat(s, reply); cat(s, "\n");
  } else if (r->text.len) {
    cat(s, "Diagnostic-Code: X-Postern; "); cat(s, r->text.s); cat(s, "\n");
  }
  if (r->last) { cat(s, "Last-Attempt-Date: "); date822(s, r->last); cat(s, "\n"); }
  if (r->state == 'T') {
    cat(s, "Will-Retry-Until: ");
    date822(s, d->m->env.arrival + d->q->cfg.queuetime);
    cat(s, "\n");
  }
}

static void human_part(struct dsn *d)
{
  stralloc *s = &d->text;
  cat(s, "Content-Type: text/plain; charset=us-ascii\n\nThis is the mail system at ");
  cat(s, d->q->cfg.me.s);
  cat(s, ".\n\n");
  if (d->kind == DSN_DELAY)
    cat(s, "Your message has not been delivered yet to the addresses below.\nIt stays in the queue and delivery will be retried; you need not\nsend it again.\n\n");
  else if (d->any_failed)
    cat(s, "Your message could not be delivered to one or more addresses.\nThe details are below.\n\n");
  else
    cat(s, "Your message was delivered to the addresses below, as you asked\nto be told.\n\n");
  for (size_t i = 0; i < d->m->env.nrcpt; ++i) {
    if (!listed(d, i)) continue;
    cat(s, "<"); cat(s, d->m->env.rcpt[i].addr); cat(s, ">: ");
    cat(s, d->m->r[i].text.len ? d->m->r[i].text.s : "");
    cat(s, "\n");
  }
}

/* The returned message: whole (RET=FULL, or failures by default) or
 * its header only. */
static void original_part(struct dsn *d, const char *boundary)
{
  stralloc orig = {0}, path = {0};
  if (!stralloc_copys(&path, "queue/mess/") || !stralloc_cats(&path, d->m->id) || !stralloc_0(&path)) die_nomem();
  if (conf_slurp(&orig, path.s) <= 0) { stralloc_free(&path); return; }
  const char *ret = d->m->env.ret;
  int full = d->kind == DSN_FINAL && d->any_failed && !(ret && !strcasecmp(ret, "HDRS")) && orig.len <= FULL_LIMIT;
  if (ret && !strcasecmp(ret, "FULL") && orig.len <= FULL_LIMIT) full = 1;
  size_t hlen = orig.len;
  for (size_t i = 0; i + 1 < orig.len; ++i)
    if (orig.s[i] == '\n' && orig.s[i + 1] == '\n') { hlen = i + 1; break; }
  if (orig.len && orig.s[0] == '\n') hlen = 0;
  size_t len = full ? orig.len : hlen;
  int eight = 0;
  for (size_t i = 0; i < len; ++i) if ((unsigned char)orig.s[i] >= 0x80) { eight = 1; break; }
  cat(&d->text, "\n--"); cat(&d->text, boundary); cat(&d->text, "\n");
  cat(&d->text, full ? "Content-Type: message/rfc822\n" : "Content-Type: text/rfc822-headers\n");
  if (eight) cat(&d->text, "Content-Transfer-Encoding: 8bit\n");
  cat(&d->text, "\n");
  if (!stralloc_catb(&d->text, orig.s, len)) die_nomem();
  if (len && orig.s[len - 1] != '\n') cat(&d->text, "\n");
  stralloc_free(&orig);
  stralloc_free(&path);
}

static void build(struct dsn *d)
{
  stralloc *s = &d->text;
  stralloc boundary = {0};
  if (!stralloc_copys(&boundary, "=_postern-") || !stralloc_cats(&boundary, d->m->id) || !stralloc_0(&boundary)) die_nomem();
  cat(s, "From: Mail Delivery System <MAILER-DAEMON@"); cat(s, d->q->cfg.me.s); cat(s, ">\n");
  cat(s, "To: <"); cat(s, d->to.s); cat(s, ">\nSubject: ");
  cat(s, d->kind == DSN_DELAY ? "Delayed mail (still being retried)" :
         d->any_failed ? "Undelivered mail returned to sender" : "Delivery report: your message was delivered");
  cat(s, "\nDate: "); date822(s, d->q->now);
  cat(s, "\nMessage-ID: <"); cat(s, d->m->id); cat(s, d->kind == DSN_DELAY ? ".delay." : ".dsn.");
  char n[24]; snprintf(n, sizeof n, "%lu", d->q->now); cat(s, n);
  cat(s, "@"); cat(s, d->q->cfg.me.s);
  cat(s, ">\nAuto-Submitted: auto-replied\nMIME-Version: 1.0\n");
  cat(s, "Content-Type: multipart/report; report-type=delivery-status;\n boundary=\"");
  cat(s, boundary.s); cat(s, "\"\n\nThis is a MIME-formatted delivery status notification.\n\n--");
  cat(s, boundary.s); cat(s, "\n");
  human_part(d);
  cat(s, "\n--"); cat(s, boundary.s); cat(s, "\nContent-Type: message/delivery-status\n\n");
  cat(s, "Reporting-MTA: dns; "); cat(s, d->q->cfg.me.s); cat(s, "\n");
  if (d->m->env.envid) { cat(s, "Original-Envelope-Id: "); cat(s, d->m->env.envid); cat(s, "\n"); }
  cat(s, "Arrival-Date: "); date822(s, d->m->env.arrival); cat(s, "\n");
  for (size_t i = 0; i < d->m->env.nrcpt; ++i) if (listed(d, i)) per_recipient(d, i);
  original_part(d, boundary.s);
  cat(s, "\n--"); cat(s, boundary.s); cat(s, "--\n");
  stralloc_free(&boundary);
}

/* Runs queue-inject with the message on fd 0 and the envelope on fd 1:
 * 1 queued, 0 not (a temporary failure: try later). */
static int inject(const stralloc *message, const stralloc *envelope)
{
  stralloc prog = {0};
  if (!home_command(&prog, "queue-inject")) die_nomem();
  struct qinject inj;
  int code = qinject_start(&inj, prog.s) != 0 ? EXIT_TEMP : 0;
  if (!code) {
    qinject_write(&inj, message->s, message->len);
    code = qinject_finish(&inj, envelope->s, envelope->len);
  }
  stralloc_free(&prog);
  if (code) {
    warn("queue-inject failed to queue a notification");
    return 0;
  }
  return 1;
}

static int is_double_bounce(const struct qs *q, const struct msg *m)
{
  return !m->env.sender[0] && m->env.envid && !strcmp(m->env.envid, DOUBLE_BOUNCE_ENVID) &&
         m->env.uid == (unsigned long)q->cfg.my_uid;
}

/* Mail from an SMTP client that neither authenticated nor relayed. */
static int from_unauthenticated_smtp(const struct qs *q, const struct msg *m)
{
  return q->cfg.have_daemon_uid && m->env.uid == (unsigned long)q->cfg.daemon_uid && !m->env.auth;
}

static int foreign(const char *address)
{
  size_t len = strlen(address), at = addr_at(address, len);
  if (at >= len) return 0;
  stralloc canon = {0};
  int cls = domain_class(address + at + 1, &canon);
  stralloc_free(&canon);
  return cls == DOMAIN_FOREIGN;
}

/* Where the notification goes: 1 to d->to, 0 nowhere (logged). */
static int choose_target(struct dsn *d)
{
  struct qs *q = d->q;
  struct msg *m = d->m;
  if (!m->env.sender[0]) {
    if (is_double_bounce(q, m)) {
      log_line("discarding a failed double bounce ", m->id);
      return 0;
    }
    if (!stralloc_copys(&d->to, "postmaster@") || !stralloc_cat(&d->to, &q->cfg.me)) die_nomem();
  } else if (q->cfg.dsn_to_auth && m->env.auth && *m->env.auth) {
    if (!stralloc_copys(&d->to, m->env.auth)) die_nomem();
    if (!strchr(m->env.auth, '@') && (!stralloc_append(&d->to, "@") || !stralloc_cat(&d->to, &q->cfg.me))) die_nomem();
  } else if (!stralloc_copys(&d->to, m->env.sender)) die_nomem();
  if (!stralloc_0(&d->to)) die_nomem();
  --d->to.len;
  if (q->cfg.block_smtp_dsn && m->env.sender[0] && from_unauthenticated_smtp(q, m) && foreign(d->to.s)) {
    log_line("discarding backscatter notification for ", m->id, " to <", d->to.s, ">");
    return 0;
  }
  return 1;
}

/* 1 sent or nothing to send, -1 temporary failure. */
int dsn_send(struct qs *q, struct msg *m, int kind)
{
  struct dsn d = { .q = q, .m = m, .kind = kind };
  for (size_t i = 0; i < m->env.nrcpt; ++i) {
    if (!listed(&d, i)) continue;
    ++d.nlisted;
    if (m->r[i].state == 'F') d.any_failed = 1;
    if (m->r[i].state == 'D') d.any_delivered = 1;
  }
  int result = 1;
  if (!d.nlisted) return 1;
  if (choose_target(&d)) {
    build(&d);
    stralloc env = {0};
    int ok = stralloc_copyb(&env, "F\0", 2);
    if (!m->env.sender[0]) ok = ok && stralloc_cats(&env, "V" DOUBLE_BOUNCE_ENVID) && stralloc_0(&env);
    ok = ok && stralloc_cats(&env, "T") && stralloc_cat(&env, &d.to) && stralloc_0(&env) && stralloc_0(&env);
    if (!ok) die_nomem();
    if (inject(&d.text, &env)) log_line("sent ", kind == DSN_DELAY ? "delay warning" : "notification", " for ", m->id, " to <", d.to.s, ">");
    else result = -1;
    stralloc_free(&env);
  }
  if (result > 0 && kind == DSN_DELAY) {
    for (size_t i = 0; i < m->env.nrcpt; ++i)
      if (listed(&d, i)) { m->r[i].warned = 1; queue_record(q, m, i, 'W', "delay warning sent"); }
    queue_flush_status(q);
  }
  if (result < 0 && kind == DSN_DELAY)
    for (size_t i = 0; i < m->env.nrcpt; ++i) if (listed(&d, i)) m->r[i].warned = 1;
  stralloc_free(&d.to);
  stralloc_free(&d.text);
  return result;
}
