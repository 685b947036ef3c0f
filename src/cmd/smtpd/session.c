/* The command loop: one line, one handler. */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "case.h"
#include "die.h"
#include "smtpd.h"
#include "write_timeout.h"

/* RFC 5321 4.5.3.1.4 allows 512; ESMTP parameters make lines longer. */
enum { COMMAND_MAX = 2048 };

/* libowfat passes the buffer as a fourth argument: the session's. A
 * client that stops reading its replies gets the read timeout here too. */
static ssize_t out_write(int fd, const char *p, size_t n, buffer *b)
{
  const struct session *s = (const struct session *)((const char *)b - offsetof(struct session, out));
  ssize_t r = write_timeout(fd, p, n, s->cfg->timeout);
  if (r < 0 && errno == ETIMEDOUT) {
    log_line("timeout writing to the client ip=", s->cfg->remoteip);
    _exit(0);
  }
  return r;
}

void session_init(struct session *s, const struct smtp_config *cfg, int infd, int outfd)
{
  memset(s, 0, sizeof *s);
  s->cfg = cfg;
  in_init(&s->in, infd, cfg->timeout);
  buffer_init(&s->out, (ssize_t (*)())out_write, outfd, s->outbuf, sizeof s->outbuf);
  s->in.out = &s->out;
  s->inj.pid = -1;
  s->inj.msgfd = s->inj.envfd = -1;
  s->tls = cfg->tls.implicit;
  /* Room for the longest command from the start: a line growing by
   * realloc would leave a piece of an AUTH response in freed memory. */
  if (!stralloc_ready(&s->line, COMMAND_MAX + 1)) die_nomem();
  /* sendmail -bs: the local user who ran it submits, as after AUTH
   * (queue-inject takes an A record naming someone else only from
   * root, the queue's user or DAEMONUSER, so a user running smtpd
   * with another name here gets the message refused). */
  if (cfg->local_login) {
    s->authed = 1;
    if (!stralloc_copys(&s->authuser, cfg->local_login) || !stralloc_0(&s->authuser)) die_nomem();
    --s->authuser.len;
  }
}

/* MAXPERIP refuses as couriertcpd does, with a 421 and no greeting;
 * BLOCK (from smtpaccess) is either a whole reply ("550 go away") or
 * its text; the client gets it instead of the greeting. */
void session_greet(struct session *s)
{
  if (s->cfg->crowded) {
    reply(s, "421 4.7.0 Too many connections from your address, try again later");
    s->quit = 1;
    return;
  }
  if (s->cfg->denied) {
    reply(s, "421 4.7.1 Access denied, closing connection");
    log_line("denied ip=", s->cfg->remoteip);
    s->quit = 1;
    return;
  }
  const char *block = getenv("BLOCK");
  if (block && *block) {
    int coded = strlen(block) >= 4 && block[0] >= '4' && block[0] <= '5'
             && block[1] >= '0' && block[1] <= '9' && block[2] >= '0' && block[2] <= '9'
             && block[3] == ' ';
    reply3(s, coded ? "" : "554 5.7.1 ", block, 0);
    out_flush(s);
    log_line("blocked ip=", s->cfg->remoteip);
    s->quit = 1;
    return;
  }
  reply3(s, "220 ", s->cfg->me, " ESMTP postern");
}

void transaction_reset(struct session *s)
{
  if (s->inj.pid > 0 || s->inj.msgfd >= 0) qinject_abort(&s->inj);
  s->in_mail = 0;
  s->sender.len = s->envhead.len = s->envrcpt.len = 0;
  s->nrcpt = s->nrcpt_tried = 0;
  s->declared_size = 0;
  s->body_type = BODY_7BIT;
  s->smtputf8 = 0;
  s->bdat_active = s->bdat_failed = 0;
  s->trapped = 0;
}

static void smtp_noop(struct session *s, const char *arg) { (void)arg; reply(s, "250 2.0.0 Ok"); }

static void smtp_rset(struct session *s, const char *arg)
{
  (void)arg;
  transaction_reset(s);
  reply(s, "250 2.0.0 Ok");
}

static void smtp_vrfy(struct session *s, const char *arg)
{
  (void)arg;
  reply(s, "252 2.5.2 Cannot verify the user, but will accept the message and attempt delivery");
}

static void smtp_quit(struct session *s, const char *arg)
{
  (void)arg;
  reply3(s, "221 2.0.0 ", s->cfg->me, " closing connection");
  s->quit = 1;
}

struct command {
  const char *verb;
  void (*fn)(struct session *, const char *);
};

static const struct command commands[] = {
  { "EHLO", smtp_ehlo }, { "HELO", smtp_helo }, { "MAIL", smtp_mail },
  { "RCPT", smtp_rcpt }, { "DATA", smtp_data }, { "BDAT", smtp_bdat },
  { "RSET", smtp_rset }, { "NOOP", smtp_noop }, { "VRFY", smtp_vrfy },
  { "HELP", smtp_help }, { "QUIT", smtp_quit }, { "AUTH", smtp_auth },
  { "STARTTLS", smtp_starttls }, { 0, 0 }
};

/* Handles one command line (CRLF removed, NUL-terminated at len). */
int smtp_command(struct session *s, const char *line, size_t len)
{
  if (memchr(line, 0, len)) { reply(s, "500 5.5.2 NUL character in command"); return 1; }
  size_t vlen = 0;
  while (vlen < len && line[vlen] != ' ') ++vlen;
  const char *arg = line + vlen;
  while (*arg == ' ') ++arg;
  for (const struct command *c = commands; c->verb; ++c) {
    if (strlen(c->verb) == vlen && !case_diffb(line, vlen, c->verb)) {
      if (s->bdat_active && c->fn != smtp_bdat && c->fn != smtp_quit && c->fn != smtp_rset
          && c->fn != smtp_noop) {
        reply(s, "503 5.5.1 Only BDAT, RSET, NOOP or QUIT after BDAT");
        return 1;
      }
      c->fn(s, arg);
      return !s->quit;
    }
  }
  reply(s, "500 5.5.1 Command not recognised");
  return 1;
}

/* Reads and handles one command. 0 when the session is over. */
int session_step(struct session *s)
{
  int too_long;
  if (s->quit) return 0;
  if (!in_line(&s->in, &s->line, COMMAND_MAX, &too_long)) {
    if (s->in.timedout) {
      reply(s, "421 4.4.2 Timeout, closing connection");
      log_line("timeout ip=", s->cfg->remoteip);
    }
    return 0;
  }
  if (s->line.len && s->line.s[s->line.len - 1] == '\r') --s->line.len;
  if (too_long) { reply(s, "500 5.5.2 Line too long"); return 1; }
  if (!stralloc_0(&s->line)) die_nomem();
  return smtp_command(s, s->line.s, s->line.len - 1);
}

void session_run(struct session *s)
{
  while (session_step(s))
    ;
  transaction_reset(s);
  out_flush(s);
}

void session_free(struct session *s)
{
  transaction_reset(s);
  stralloc *all[] = { &s->helo, &s->authuser, &s->sender, &s->envhead, &s->envrcpt, &s->line, &s->tmp };
  for (size_t i = 0; i < sizeof all / sizeof all[0]; ++i) stralloc_free(all[i]);
}
