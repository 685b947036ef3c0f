/* imapd: the IMAP4rev1 server after authentication, run as the account
 * (doc/imapd.8). fds 0/1 are the client; MAILDIR (else ./Maildir) the
 * mailbox; IMAPLOGINTAG the tag of the LOGIN/AUTHENTICATE that
 * imap-login accepted, answered here. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "die.h"
#include "imapd/imapd.h"
#include "maildir.h"

static long env_num(const char *name, long dflt)
{
  const char *v = getenv(name);
  return v && *v ? atol(v) : dflt;
}

static void configure(struct session *s)
{
  const char *v = getenv("OUTBOX");
  if (v && *v) {
    if (!strncasecmp(v, "INBOX.", 6)) v += 6;
    else if (*v == '.') ++v;
    s->cfg.outbox = v;
  }
  s->cfg.idle_timeout = env_num("IMAP_IDLE_TIMEOUT", 60);
  s->cfg.autologout = env_num("IMAP_AUTOLOGOUT", 1800);
  v = getenv("IMAP_CAPABILITY");
  s->cfg.capability = v && *v ? v : 0;
  v = getenv("MAILDIRQUOTA");
  s->cfg.quota = v && *v ? v : 0;
  s->cfg.keywords = env_num("IMAP_KEYWORDS", 1) != 0;
  s->lim.line_max = 65536;
  s->lim.command_max = 262144;
  s->lim.literal_max = 65536;
  s->lim.append_max = (size_t)env_num("IMAP_MAXMSGSIZE", 64L << 20);
  s->lim.depth_max = 32;
}

static void open_maildir(struct session *s)
{
  const char *md = getenv("MAILDIR");
  struct stat st;
  if (!md || !*md) md = "Maildir";
  size_t len = strlen(md);
  while (len > 1 && md[len - 1] == '/') --len;
  if (!stralloc_copyb(&s->maildir, md, len) || !stralloc_0(&s->maildir)) die_nomem();
  --s->maildir.len;
  if (stat(s->maildir.s, &st) < 0 && maildir_make(s->maildir.s, 0) < 0)
    die_sys(111, "unable to open maildir ", s->maildir.s);
}

int main(void)
{
  static struct session s;
  PROG = "imapd";
  if (!getuid() || !geteuid()) die(100, "refusing to run as root");
  signal(SIGPIPE, SIG_IGN);   /* a vanished client is a write error, said in the log */
  configure(&s);
  open_maildir(&s);
  imap_in_init(&s.in, 0, 0, (int)(s.cfg.autologout * 1000));
  buffer_init(&s.out, (ssize_t (*)())write, 1, s.outbuf, sizeof s.outbuf);
  s.state = S_AUTH;
  const char *tag = getenv("IMAPLOGINTAG");
  if (tag && *tag) {
    s.tag = tag;
    out_s(&s, tag);
    out_s(&s, " OK [CAPABILITY ");
    out_capability(&s);
    out_s(&s, "] LOGIN Ok.\r\n");
    s.tag = 0;
  } else {
    out_s(&s, "* PREAUTH [CAPABILITY ");
    out_capability(&s);
    out_s(&s, "] postern IMAP ready\r\n");
  }
  const char *user = getenv("USER");
  log_line("session user=", user ? user : "?", " maildir=", s.maildir.s);
  session_run(&s);
  log_line("logout user=", user ? user : "?");
  return 0;
}
