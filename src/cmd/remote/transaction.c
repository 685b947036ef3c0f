#include <stdlib.h>
#include <string.h>
#include "fmt.h"
#include "remote.h"
#include "textcode.h"

/* RFC 3461 xtext: '+', '=' and anything outside 33..126 as +HH. */
static void cat_xtext(stralloc *out, const char *s)
{
  static const char hex[] = "0123456789ABCDEF";
  for (; *s; ++s) {
    unsigned char ch = (unsigned char)*s;
    if (ch < 33 || ch > 126 || ch == '+' || ch == '=') {
      char enc[3] = { '+', hex[ch >> 4], hex[ch & 15] };
      stralloc_catb(out, enc, 3);
    } else stralloc_append(out, (const char *)&ch);
  }
}

static int has_8bit(const char *s)
{
  for (; *s; ++s) if ((unsigned char)*s > 127) return 1;
  return 0;
}

static void mail_command(struct remote *r, const struct job *job, unsigned long size, int eightbit, int utf8, stralloc *cmd)
{
  char num[FMT_ULONG];
  stralloc_copys(cmd, "MAIL FROM:<");
  stralloc_cat(cmd, &job->sender);
  stralloc_cats(cmd, ">");
  if (r->caps.size) { stralloc_cats(cmd, " SIZE="); stralloc_catb(cmd, num, fmt_ulong(num, size)); }
  if (eightbit && r->caps.eightbitmime) stralloc_cats(cmd, " BODY=8BITMIME");
  if (utf8) stralloc_cats(cmd, " SMTPUTF8");
  if (r->caps.dsn) {
    if (job->ret.len) { stralloc_cats(cmd, " RET="); stralloc_cat(cmd, &job->ret); }
    if (job->envid.len) { stralloc_cats(cmd, " ENVID="); cat_xtext(cmd, job->envid.s); }
  }
  stralloc_cats(cmd, "\r\n");
}

static void rcpt_command(struct remote *r, const struct rcpt *rc, stralloc *cmd)
{
  stralloc_cats(cmd, "RCPT TO:<");
  stralloc_cat(cmd, &rc->addr);
  stralloc_cats(cmd, ">");
  if (r->caps.dsn) {
    if (rc->notify.len) { stralloc_cats(cmd, " NOTIFY="); stralloc_cat(cmd, &rc->notify); }
    if (rc->orcpt.len) {
      const char *semi = strchr(rc->orcpt.s, ';');
      if (semi) {
        stralloc_cats(cmd, " ORCPT=");
        stralloc_catb(cmd, rc->orcpt.s, (size_t)(semi - rc->orcpt.s) + 1);
        cat_xtext(cmd, semi + 1);
      }
    }
  }
  stralloc_cats(cmd, "\r\n");
}

static char status_of(int code)
{
  if (code >= 200 && code < 300) return 'D';
  if (code >= 500 && code < 600) return 'F';
  return 'T';
}

/* Text for a result: "host [ip]: reply". */
static const char *said(struct remote *r, const char *reply)
{
  stralloc_copy(&r->why, &r->conn.peer_name);
  if (!r->conn.peer_name.len || r->conn.peer_name.s[0] != '[') {
    stralloc_cats(&r->why, " [");
    stralloc_cats(&r->why, r->conn.peer_ip);
    stralloc_cats(&r->why, "]");
  }
  stralloc_cats(&r->why, ": ");
  stralloc_cats(&r->why, reply);
  stralloc_0(&r->why);
  return r->why.s;
}

static void lost(struct remote *r, const struct job *job, const char *accepted, const char *when)
{
  for (size_t i = 0; i < job->nrcpts; ++i)
    if (!accepted || accepted[i]) result_put(job, i, 'T', said(r, when));
  conn_close(&r->conn);
  r->connected = 0;
  r->secure = 0;
}

static int utf8_needed(const struct job *job)
{
  if (has_8bit(job->sender.s)) return 1;
  for (size_t i = 0; i < job->nrcpts; ++i) if (has_8bit(job->rcpts[i].addr.s)) return 1;
  return 0;
}

/* DATA or BDAT once the recipients are known; results for the accepted. */
static void send_body(struct remote *r, const struct job *job, const struct body *b, const char *accepted, int data_pipelined)
{
  char num[FMT_ULONG];
  if (r->caps.chunking) {
    conn_puts(&r->conn, "BDAT ");
    conn_put(&r->conn, num, fmt_ulong(num, body_wire_size(b)));
    conn_puts(&r->conn, " LAST\r\n");
  } else if (!data_pipelined) {
    if (session_command(r, "DATA") < 0) { lost(r, job, accepted, "connection lost after DATA"); return; }
    if (r->reply.code != 354) goto refused;
  }
  r->conn.timeout = r->set.timeout_data;
  if (body_send(&r->conn, b, !r->caps.chunking) < 0 || conn_flush(&r->conn) < 0
      || reply_read(&r->conn, &r->reply) < 0) {
    lost(r, job, accepted, "connection lost while sending the message");
    return;
  }
refused:
  for (size_t i = 0; i < job->nrcpts; ++i)
    if (accepted[i]) result_put(job, i, status_of(r->reply.code), said(r, r->reply.text.s));
}

void transaction_run(struct remote *r, const struct job *job)
{
  struct body b = {0};
  stralloc path = {0}, cmd = {0};
  char *accepted = 0;
  stralloc_copys(&path, "queue/mess/");
  stralloc_cat(&path, &job->id);
  stralloc_0(&path);
  if (body_load(&b, path.s, 1, r->caps.eightbitmime) < 0) {
    result_all(job, 'T', "cannot read the queued message");
    goto done;
  }
  int utf8 = 0;
  if (job->smtputf8 && utf8_needed(job)) {
    if (!r->caps.smtputf8) { result_all(job, 'F', said(r, "does not support SMTPUTF8, which the addresses need (5.6.7)")); goto done; }
    utf8 = 1;
  }
  accepted = calloc(job->nrcpts, 1);
  mail_command(r, job, body_wire_size(&b), b.eightbit && !b.converted.len, utf8, &cmd);
  int pipelined = r->caps.pipelining;
  if (pipelined) {
    for (size_t i = 0; i < job->nrcpts; ++i) rcpt_command(r, &job->rcpts[i], &cmd);
    if (!r->caps.chunking) stralloc_cats(&cmd, "DATA\r\n");
  }
  conn_put(&r->conn, cmd.s, cmd.len);
  r->conn.timeout = r->set.timeout_command;
  if (conn_flush(&r->conn) < 0 || reply_read(&r->conn, &r->reply) < 0) { lost(r, job, 0, "connection lost after MAIL"); goto done; }
  int mail_code = r->reply.code;
  stralloc mail_text = {0};
  stralloc_copy(&mail_text, &r->reply.text);
  stralloc_0(&mail_text);
  size_t count = 0;
  for (size_t i = 0; i < job->nrcpts; ++i) {
    if (!pipelined) {
      if (mail_code < 200 || mail_code > 299) break;
      cmd.len = 0;
      rcpt_command(r, &job->rcpts[i], &cmd);
      conn_put(&r->conn, cmd.s, cmd.len);
      if (conn_flush(&r->conn) < 0) { lost(r, job, 0, "connection lost after RCPT"); stralloc_free(&mail_text); goto done; }
    }
    if (reply_read(&r->conn, &r->reply) < 0) { lost(r, job, 0, "connection lost after RCPT"); stralloc_free(&mail_text); goto done; }
    if (mail_code < 200 || mail_code > 299) continue;
    if (r->reply.code >= 200 && r->reply.code < 300) { accepted[i] = 1; ++count; }
    else result_put(job, i, status_of(r->reply.code), said(r, r->reply.text.s));
  }
  if (mail_code < 200 || mail_code > 299) {
    result_all(job, status_of(mail_code), said(r, mail_text.s));
    stralloc_free(&mail_text);
    if (pipelined && !r->caps.chunking) reply_read(&r->conn, &r->reply);
    session_command(r, "RSET");
    goto done;
  }
  stralloc_free(&mail_text);
  int data_pipelined = pipelined && !r->caps.chunking;
  if (data_pipelined) {
    if (reply_read(&r->conn, &r->reply) < 0) { lost(r, job, accepted, "connection lost after DATA"); goto done; }
    if (r->reply.code == 354 && count == 0) {
      conn_puts(&r->conn, ".\r\n");
      conn_flush(&r->conn);
      reply_read(&r->conn, &r->reply);
    }
  }
  if (count == 0) { session_command(r, "RSET"); goto done; }
  if (data_pipelined && r->reply.code != 354) {
    for (size_t i = 0; i < job->nrcpts; ++i)
      if (accepted[i]) result_put(job, i, status_of(r->reply.code), said(r, r->reply.text.s));
    session_command(r, "RSET");
    goto done;
  }
  send_body(r, job, &b, accepted, data_pipelined);
done:
  free(accepted);
  body_free(&b);
  stralloc_free(&path);
  stralloc_free(&cmd);
}
