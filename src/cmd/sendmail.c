/* sendmail: queues a message from a local user, with the options of
 * sendmail and Courier's sendmail (sendmail(1)). */
#include <pwd.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "conf.h"
#include "date822.h"
#include "die.h"
#include "exitcode.h"
#include "fmt.h"
#include "home.h"
#include "me.h"
#include "sendmail/sendmail.h"

void sendmail_run(const char *name, char **argv)
{
  stralloc path = { 0, 0, 0 };
  if (!home_command(&path, name)) die_nomem();
  argv[0] = path.s;
  execv(path.s, argv);
  die_sys(EXIT_TEMP, "unable to run ", path.s);
}

/* The user's login name and the domain bare names belong to. */
static void identity(struct sendmail *m)
{
  struct passwd *pw = getpwuid(getuid());
  char num[FMT_ULONG];
  num[fmt_ulong(num, (unsigned long)getuid())] = 0;
  if (!stralloc_copys(&m->login, pw ? pw->pw_name : num)) die_nomem();
  stralloc path = { 0, 0, 0 };
  if (!home_path(&path, "etc/defaultdomain")) die_nomem();
  int r = conf_first_line(&m->domain, path.s);
  if (r <= 0 && me_name(&m->domain) < 0) die_sys(EXIT_TEMP, "unable to find this host's mail name");
  stralloc_free(&path);
}

static void put(struct qinject *q, const char *a, const char *b, const char *c)
{
  qinject_write(q, a, strlen(a));
  if (b) qinject_write(q, b, strlen(b));
  if (c) qinject_write(q, c, strlen(c));
}

/* Received:, and From:, Date:, Message-ID: when the message lacks them. */
static void added_headers(struct sendmail *m, struct qinject *q)
{
  char date[DATE822_MAX], uid[FMT_ULONG];
  date822(date, time(0));
  uid[fmt_ulong(uid, (unsigned long)getuid())] = 0;
  put(q, "Received: (from ", m->login.s, " uid ");
  put(q, uid, ")\n\tby ", m->domain.s);
  put(q, " (postern sendmail) id ", q->id, ";\n\t");
  put(q, date, "\n", 0);
  if (!header_has(&m->header, "From")) {
    put(q, "From: ", m->fullname ? m->fullname : "", m->fullname ? " <" : "");
    if (m->sender && *m->sender && strcmp(m->sender, "<>")) put(q, m->sender, 0, 0);
    else put(q, m->login.s, "@", m->domain.s);
    put(q, m->fullname ? ">" : "", "\n", 0);
  }
  if (!header_has(&m->header, "Date")) put(q, "Date: ", date, "\n");
  if (!header_has(&m->header, "Message-ID")) {
    put(q, "Message-ID: <", q->id, "@");
    put(q, m->domain.s, ">\n", 0);
  }
}

static void message(struct sendmail *m, struct qinject *q)
{
  added_headers(m, q);
  header_write(m, q);
  qinject_write(q, "\n", 1);
  if (m->first_body.len) qinject_write(q, m->first_body.s, m->first_body.len);
  if (m->at_eof) return;
  while (read_line(m, buffer_0, &m->tmp)) qinject_write(q, m->tmp.s, m->tmp.len);
}

static void zero(stralloc *sa)
{
  if (!stralloc_0(sa)) die_nomem();
  --sa->len;
}

int main(int argc, char **argv)
{
  PROG = "sendmail";
  signal(SIGPIPE, SIG_IGN);
  static struct sendmail m;
  static struct qinject q;
  sendmail_options(&m, argc, argv);
  char *av[] = { 0, 0 };
  if (m.mode == 'p') sendmail_run("mailq", av);
  identity(&m);
  zero(&m.login);
  zero(&m.domain);
  if (m.mode == 's') sendmail_smtp(&m, av);
  if (build_envelope(&m)) _exit(EXIT_PERM);
  read_header(&m, buffer_0);
  for (int i = 0; i < m.nrcpts; ++i)
    if (!add_recipient(&m, m.rcpts[i], strlen(m.rcpts[i]))) _exit(EXIT_PERM);
  if (m.from_headers && header_recipients(&m)) _exit(EXIT_PERM);
  if (!m.nrcpt) die(EXIT_PERM, "no recipients");
  stralloc path = { 0, 0, 0 };
  if (!home_command(&path, "queue-inject")) die_nomem();
  if (qinject_start(&q, path.s) != 0) die_sys(EXIT_TEMP, "unable to run ", path.s);
  message(&m, &q);
  if (!stralloc_cat(&m.env, &m.envrcpt) || !stralloc_append(&m.env, "")) die_nomem();
  int code = qinject_finish(&q, m.env.s, m.env.len);
  if (code == 100) die(EXIT_PERM, "the queue refused the message");
  if (code != 0) die(EXIT_TEMP, "unable to queue the message; try again later");
  _exit(EXIT_DONE);
}
