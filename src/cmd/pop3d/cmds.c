/* The TRANSACTION state commands of RFC 1939 and CAPA (RFC 2449). */
#include <limits.h>
#include <string.h>
#include "pop3cmd.h"
#include "pop3d.h"

static const char *const capa[] = {
  "TOP", "UIDL", "PIPELINING", "RESP-CODES", "USER", "IMPLEMENTATION postern", 0
};

static void reply(struct pop3d *s, const char *text)
{
  out_puts(&s->out, text);
  out_put(&s->out, "\r\n", 2);
}

/* A live message number, or 0 after saying why not. */
static unsigned long msgno(struct pop3d *s, const char *arg)
{
  unsigned long n;
  if (!pop3_number(arg, &n) || n == 0 || n > s->mb.n) { reply(s, "-ERR No such message."); return 0; }
  if (mailbox_deleted(&s->mb, n - 1)) { reply(s, "-ERR Message already deleted."); return 0; }
  return n;
}

static void do_stat(struct pop3d *s)
{
  out_puts(&s->out, "+OK ");
  out_ulong(&s->out, s->mb.n - s->mb.ndeleted);
  out_put(&s->out, " ", 1);
  out_ulong(&s->out, s->mb.size - s->mb.deleted_size);
  out_put(&s->out, "\r\n", 2);
}

static void list_line(struct pop3d *s, unsigned long i, int uidl, stralloc *tmp)
{
  out_ulong(&s->out, i + 1);
  out_put(&s->out, " ", 1);
  if (uidl) {
    mailbox_uidl(tmp, mailbox_name(&s->mb, i));
    out_put(&s->out, tmp->s, tmp->len);
  } else {
    out_ulong(&s->out, (unsigned long long)s->mb.m[i].size);
  }
  out_put(&s->out, "\r\n", 2);
}

/* LIST and UIDL: one message, or all that are not deleted. */
static void do_list(struct pop3d *s, const struct pop3_cmd *c, int uidl)
{
  stralloc tmp = {0};
  if (c->nargs) {
    unsigned long n = msgno(s, c->arg[0]);
    if (n) { out_puts(&s->out, "+OK "); list_line(s, n - 1, uidl, &tmp); }
  } else {
    reply(s, uidl ? "+OK Unique ids follow." : "+OK Scan listing follows.");
    for (unsigned long i = 0; i < s->mb.n; ++i)
      if (!mailbox_deleted(&s->mb, i)) list_line(s, i, uidl, &tmp);
    reply(s, ".");
  }
  stralloc_free(&tmp);
}

/* Any count of digits (RFC 1939 sets no limit): one beyond what the
 * parser takes asks for more lines than any message has. */
static void do_top(struct pop3d *s, const struct pop3_cmd *c)
{
  unsigned long lines;
  long long want;
  if (pop3_number(c->arg[1], &lines)) want = (long long)lines;
  else if (strspn(c->arg[1], "0123456789") == strlen(c->arg[1])) want = LLONG_MAX;
  else { reply(s, "-ERR Line count must be a number."); return; }
  unsigned long n = msgno(s, c->arg[0]);
  if (n) retr_send(s, n - 1, want);
}

static void do_capa(struct pop3d *s)
{
  reply(s, "+OK Capability list follows.");
  for (int i = 0; capa[i]; ++i) reply(s, capa[i]);
  reply(s, ".");
}

static void bad(struct pop3d *s, const struct pop3_cmd *c)
{
  out_puts(&s->out, "-ERR ");
  out_puts(&s->out, c->verb == POP3_BAD ? c->err : "Unknown command.");
  out_put(&s->out, "\r\n", 2);
}

int pop3d_command(struct pop3d *s, char *line, size_t len)
{
  struct pop3_cmd c;
  unsigned long n;
  pop3_parse(&c, line, len);
  switch (c.verb) {
  case POP3_STAT: do_stat(s); break;
  case POP3_LIST: do_list(s, &c, 0); break;
  case POP3_UIDL: do_list(s, &c, 1); break;
  case POP3_RETR: if ((n = msgno(s, c.arg[0]))) retr_send(s, n - 1, -1); break;
  case POP3_TOP: do_top(s, &c); break;
  case POP3_DELE:
    if ((n = msgno(s, c.arg[0]))) { mailbox_dele(&s->mb, n - 1); reply(s, "+OK Deleted."); }
    break;
  case POP3_RSET:
    mailbox_rset(&s->mb);
    reply(s, "+OK Deletions undone.");
    break;
  case POP3_NOOP: reply(s, "+OK"); break;
  case POP3_CAPA: do_capa(s); break;
  case POP3_QUIT: return 1;
  case POP3_USER: case POP3_PASS: case POP3_APOP: case POP3_AUTH: case POP3_STLS:
    reply(s, "-ERR Already logged in.");
    break;
  default: bad(s, &c); break;
  }
  return 0;
}
