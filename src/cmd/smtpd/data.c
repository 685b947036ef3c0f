/* DATA, and the message body shared with BDAT: size limit, hop count,
 * line rules, and the reply after queue-inject has decided. */
#include <string.h>
#include "case.h"
#include "die.h"
#include "fmt.h"
#include "queue_env.h"
#include "smtpd.h"

/* RFC 5321 4.5.3.1.6: 1000 octets with the CRLF; we read up to the LF. */
enum { LINE_MAX_WITH_CR = 999 };

int body_begin(struct session *s)
{
  memset(&s->body, 0, sizeof s->body);
  s->body.in_header = s->body.bol = 1;
  if (qinject_start(&s->inj, s->cfg->queue_cmd) != 0) {
    warn_sys("unable to start queue-inject");
    return 1;
  }
  if (!received_line(&s->tmp, s, s->inj.id)) die_nomem();
  qinject_write(&s->inj, s->tmp.s, s->tmp.len);
  return 0;
}

/* Counts Received: lines while in the header. */
static void scan_header(struct body *b, unsigned maxhops, const char *p, size_t n)
{
  for (size_t i = 0; i < n && b->in_header; ++i) {
    char c = p[i];
    if (c == '\n') {
      if (b->bol) b->in_header = 0;
      else if (b->hdrlen >= 9 && !case_diffb(b->hdr, 9, "received:") && ++b->hops > maxhops)
        b->too_many_hops = 1;
      b->bol = 1;
      b->hdrlen = 0;
      continue;
    }
    b->bol = 0;
    if (b->hdrlen < sizeof b->hdr) b->hdr[b->hdrlen] = c;
    ++b->hdrlen;
  }
}

void body_put(struct session *s, const char *p, size_t n)
{
  struct body *b = &s->body;
  b->size += n;
  if (s->cfg->sizelimit && b->size > s->cfg->sizelimit && !b->too_big) {
    /* Stop feeding queue-inject at once: nothing of it is stored. */
    b->too_big = 1;
    qinject_abort(&s->inj);
  }
  if (b->in_header) scan_header(b, s->cfg->maxhops, p, n);
  if (!b->too_big && s->inj.msgfd >= 0) qinject_write(&s->inj, p, n);
}

static const char *body_error(const struct body *b)
{
  if (b->too_big) return "552 5.3.4 Message too big";
  if (b->long_line) return "500 5.5.2 Line too long";
  if (b->bare_lf) return "554 5.6.0 Bare LF in the message: lines must end with CRLF";
  if (b->too_many_hops) return "554 5.4.6 Too many Received: lines: a mail loop";
  return 0;
}

static void log_accept(struct session *s, const char *id)
{
  char size[FMT_ULONG * 2], n[FMT_ULONG];
  size[fmt_ulonglong(size, s->body.size)] = 0;
  n[fmt_ulong(n, s->nrcpt)] = 0;
  if (!stralloc_0(&s->sender)) die_nomem();
  --s->sender.len;
  log_line("accepted id=", id, " ip=", s->cfg->remoteip, " from=<", s->sender.s, "> rcpts=", n,
           " size=", size, s->authed ? " auth=" : "", s->authed ? s->authuser.s : "");
}

/* Ends the message: queue-inject's verdict becomes the reply. */
void body_finish(struct session *s, const char *ok)
{
  const char *err = body_error(&s->body);
  if (err) {
    qinject_abort(&s->inj);
    reply(s, err);
    log_line("refused message ip=", s->cfg->remoteip, " reply=", err);
    transaction_reset(s);
    return;
  }
  s->tmp.len = 0;
  if (!queue_env_add(&s->tmp, 'F', s->sender.s, s->sender.len) || !stralloc_cat(&s->tmp, &s->envhead)
      || !stralloc_cat(&s->tmp, &s->envrcpt) || !stralloc_append(&s->tmp, ""))
    die_nomem();
  char id[QUEUE_ID_MAX];
  memcpy(id, s->inj.id, sizeof id);
  int code = qinject_finish(&s->inj, s->tmp.s, s->tmp.len);
  if (code == 0) {
    reply3(s, ok, id, 0);
    log_accept(s, id);
  } else if (code == 100) {
    reply(s, "554 5.6.0 Message refused by the queue");
  } else {
    reply(s, "451 4.3.0 Temporary failure queueing the message, try again later");
    log_line("queue failure ip=", s->cfg->remoteip);
  }
  transaction_reset(s);
}

static int data_line(struct session *s, int too_long)
{
  stralloc *l = &s->line;
  int cr = l->len && l->s[l->len - 1] == '\r';
  if (cr) --l->len;
  if (too_long) s->body.long_line = 1;
  else if (!cr) s->body.bare_lf = 1;
  else if (l->len == 1 && l->s[0] == '.') return 1;
  const char *p = l->s;
  size_t n = l->len;
  if (n && p[0] == '.') { ++p; --n; }
  if (n) body_put(s, p, n);
  body_put(s, "\n", 1);
  return 0;
}

void smtp_data(struct session *s, const char *arg)
{
  if (!s->in_mail) { reply(s, "503 5.5.1 Send MAIL first"); return; }
  if (!s->nrcpt) { reply(s, "554 5.5.1 No valid recipients"); return; }
  if (s->trapped) { reply(s, "554 5.7.1 This message is not accepted"); return; }
  if (*arg) { reply(s, "501 5.5.4 DATA takes no argument"); return; }
  if (body_begin(s)) { reply(s, "451 4.3.0 Temporary failure, try again later"); return; }
  reply(s, "354 End data with <CR><LF>.<CR><LF>");
  for (;;) {
    int too_long;
    if (!in_line(&s->in, &s->line, LINE_MAX_WITH_CR, &too_long)) {
      /* The client went away: nothing of this message is kept. */
      log_line("dropped during DATA ip=", s->cfg->remoteip, s->in.timedout ? " (timeout)" : "");
      if (s->in.timedout) reply(s, "421 4.4.2 Timeout, closing connection");
      transaction_reset(s);
      s->quit = 1;
      return;
    }
    if (data_line(s, too_long)) break;
  }
  body_finish(s, "250 2.0.0 Ok: queued as ");
}
