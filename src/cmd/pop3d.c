/* pop3d: the POP3 TRANSACTION and UPDATE states (RFC 1939) on a
 * maildir, run by authcheck as the account after pop3-login. */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "die.h"
#include "fmt.h"
#include "pop3cmd.h"
#include "pop3d/pop3d.h"



#define IDLE_TIMEOUT 600    /* RFC 1939: at least 10 minutes; POP3_IDLE_TIMEOUT overrides */
#define WRITE_TIMEOUT 1200  /* as qmail-pop3d; POP3_WRITE_TIMEOUT overrides */

static const char *env_or(const char *name, const char *dflt)
{
  const char *v = getenv(name);
  return v && *v ? v : dflt;
}

/* Seconds from the environment: 1 to a day, else the default. */
static unsigned env_seconds(const char *name, unsigned dflt)
{
  const char *v = getenv(name);
  if (!v || !*v) return dflt;
  char *end;
  unsigned long n = strtoul(v, &end, 10);
  return (*end || n == 0 || n > 86400) ? dflt : (unsigned)n;
}

/* OPTIONS as authcheck exports it: "name=value,name=value". */
static int option_set(const char *options, const char *name)
{
  size_t n = strlen(name);
  for (const char *p = options; p && *p; ) {
    if (!strncmp(p, name, n) && p[n] == '=') return p[n + 1] && p[n + 1] != '0';
    p = strchr(p, ',');
    if (p) ++p;
  }
  return 0;
}

static void log_session(const struct pop3d *s, const char *event)
{
  char retr[FMT_ULONG], top[FMT_ULONG], del[FMT_ULONG], delb[FMT_ULONG], sent[FMT_ULONG];
  retr[fmt_ulong(retr, s->retrieved)] = 0;
  top[fmt_ulong(top, s->topped)] = 0;
  del[fmt_ulong(del, s->deleted)] = 0;
  delb[fmt_ulonglong(delb, s->deleted_bytes)] = 0;
  sent[fmt_ulonglong(sent, s->out.total)] = 0;
  log_line(event, " user=", s->user, " ip=", s->ip, " retrieved=", retr, " top=", top,
           " deleted=", del, " deleted_bytes=", delb, " sent=", sent);
}

/* Exit 0 even so: the client has been told, and to pop3-login any
 * other status would mean authcheck never got this far. */
static _Noreturn void refuse(struct pop3d *s, const char *text)
{
  out_puts(&s->out, text);
  out_flush(&s->out);
  exit(0);
}

static void greet(struct pop3d *s, const char *maildir)
{
  if (option_set(getenv("OPTIONS"), "disablepop3")) {
    log_line("refused user=", s->user, " ip=", s->ip, " reason=disablepop3");
    refuse(s, "-ERR POP3 access disabled for this account.\r\n");
  }
  if (chdir(maildir) < 0 || mailbox_open(&s->mb) < 0) {
    warn_sys("unable to open the maildir ", maildir, " of ", s->user);
    refuse(s, "-ERR [SYS/TEMP] Unable to open the mailbox.\r\n");
  }
  char n[FMT_ULONG];
  n[fmt_ulong(n, s->mb.n)] = 0;
  log_line("login user=", s->user, " ip=", s->ip, " messages=", n);
  out_puts(&s->out, "+OK logged in.\r\n");
  out_flush(&s->out);
}

static int session(struct pop3d *s)
{
  char line[POP3_LINE_MAX + 2];
  size_t len;
  for (;;) {
    int r = in_line(&s->in, line, sizeof line, &len);
    if (r <= 0) { log_session(s, r < 0 ? "timeout" : "disconnected"); return 0; }
    if (r == 2) out_puts(&s->out, "-ERR Line too long.\r\n");
    else if (pop3d_command(s, line, len)) break;
    if (!in_pending(&s->in)) out_flush(&s->out);
    if (s->out.failed) { log_session(s, s->out.timedout ? "timeout" : "disconnected"); return 0; }
  }
  int ok = mailbox_update(s) == 0;
  out_puts(&s->out, ok ? "+OK Bye-bye.\r\n" : "-ERR [SYS/TEMP] Some deleted messages were not removed.\r\n");
  out_flush(&s->out);
  log_session(s, "logout");
  return 0;
}

int main(int argc, char **argv)
{
  static struct pop3d s;
  PROG = "pop3d";
  /* authcheck never runs an account with uid 0; should anything else
   * start pop3d as root, a maildir path would be all it needs. */
  if (!getuid() || !geteuid() || !getgid() || !getegid()) die(111, "refusing to run as root");
  signal(SIGPIPE, SIG_IGN);
  s.in.fd = 0;
  s.mb.cur = -1;
  s.in.timeout = env_seconds("POP3_IDLE_TIMEOUT", IDLE_TIMEOUT);
  s.out.fd = 1;
  s.out.timeout = env_seconds("POP3_WRITE_TIMEOUT", WRITE_TIMEOUT);
  s.user = env_or("AUTHENTICATED", env_or("USER", "unknown"));
  s.ip = env_or("TCPREMOTEIP", "local");
  greet(&s, argc > 1 ? argv[1] : env_or("MAILDIR", "Maildir"));
  int code = session(&s);
  mailbox_free(&s.mb);
  return code;
}
