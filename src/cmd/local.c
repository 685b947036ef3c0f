/* local: delivers one message to local recipients of one account, as
 * that account (started by local-spawn, never as root).
 *
 *   local user  ID SENDER RECIPIENT USER HOME EXT MAILDIR QUOTA [RECIPIENT EXT]...
 *   local alias ID SENDER RECIPIENT USER TARGET...
 *
 * The message is on fd 0 (seekable). "user" follows the account's
 * dot-courier(5) file or the default delivery, for each recipient in
 * turn; "alias" delivers an expansion of etc/aliases as MAILUSER. As
 * each recipient is done, one line on stdout says what happened to it:
 * "POS CODE TEXT", POS its place among the recipients from 0, CODE 0
 * delivered, 100 permanent failure, 111 retry. Exit 0 once every
 * recipient has its line. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "addr.h"
#include "die.h"
#include "exitcode.h"
#include "home.h"
#include "local/local.h"
#include "write_all.h"

int say_strs(struct lctx *c, int code, ...)
{
  va_list ap;
  va_start(ap, code);
  c->result.len = 0;
  for (const char *s = va_arg(ap, const char *); s; s = va_arg(ap, const char *))
    if (!stralloc_cats(&c->result, s)) die_nomem();
  va_end(ap);
  return code;
}

static void make_lines(struct lctx *c)
{
  size_t len = strlen(c->recipient), at = addr_at(c->recipient, len);
  if (!stralloc_copyb(&c->local, c->recipient, at) ||
      !stralloc_copys(&c->host, at < len ? c->recipient + at + 1 : "")) die_nomem();
  if (!stralloc_copys(&c->dtline, "Delivered-To: ") || !stralloc_cats(&c->dtline, c->recipient) ||
      !stralloc_cats(&c->dtline, "\n")) die_nomem();
  if (!stralloc_copys(&c->rpline, "Return-Path: <") || !stralloc_cats(&c->rpline, c->sender) ||
      !stralloc_cats(&c->rpline, ">\n")) die_nomem();
  char date[64];
  time_t now = time(0);
  struct tm tm;
  gmtime_r(&now, &tm);
  strftime(date, sizeof date, "%a %b %e %H:%M:%S %Y", &tm);
  if (!stralloc_copys(&c->ufline, "From ") || !stralloc_cats(&c->ufline, *c->sender ? c->sender : "MAILER-DAEMON") ||
      !stralloc_cats(&c->ufline, " ") || !stralloc_cats(&c->ufline, date) || !stralloc_cats(&c->ufline, "\n")) die_nomem();
  for (size_t i = 5; i < c->ufline.len - 1; ++i)
    if (c->ufline.s[i] == ' ' && i < 5 + strlen(*c->sender ? c->sender : "MAILER-DAEMON")) c->ufline.s[i] = '-';
}

static void add_forward(struct lctx *c, const char *a, size_t len)
{
  while (len && (*a == ' ' || *a == '\t')) { ++a; --len; }
  if (len >= 2 && a[0] == '<' && a[len - 1] == '>') { ++a; len -= 2; }
  if (!stralloc_catb(&c->forwards, a, len) || !stralloc_0(&c->forwards)) die_nomem();
}

static int run_lines(struct lctx *c, const char *p, size_t len, int depth);

/* ||program: runs it, then the instructions it printed, one level deeper. */
static int dynamic(struct lctx *c, const char *cmd, size_t len, int depth)
{
  if (depth >= DYNAMIC_DEPTH)
    return say(c, EXIT_PERM, "5.4.6 dynamic delivery instructions nested more than 3 deep");
  stralloc s = {0}, more = {0};
  if (!stralloc_copyb(&s, cmd, len) || !stralloc_0(&s)) die_nomem();
  int code = dynamic_program(c, s.s + strspn(s.s, " \t"), &more);
  if (!code) code = run_lines(c, more.s, more.len, depth + 1);
  stralloc_free(&s);
  stralloc_free(&more);
  return code;
}

/* One instruction of dot-courier(5): 0 go on, 99 stop, 100/111 failure. */
static int instruction(struct lctx *c, const char *line, size_t len, int depth)
{
  stralloc s = {0};
  while (len && (*line == ' ' || *line == '\t')) { ++line; --len; }
  while (len && (line[len - 1] == ' ' || line[len - 1] == '\t' || line[len - 1] == '\r')) --len;
  if (!len || *line == '#') return 0;
  if (len >= 2 && line[0] == '|' && line[1] == '|') return dynamic(c, line + 2, len - 2, depth);
  if (*line == '&') { add_forward(c, line + 1, len - 1); return 0; }
  if (*line != '|' && *line != '/' && *line != '.') { add_forward(c, line, len); return 0; }
  if (!stralloc_copyb(&s, *line == '|' ? line + 1 : line, *line == '|' ? len - 1 : len) || !stralloc_0(&s)) die_nomem();
  int code;
  if (*line == '|') code = deliver_program(c, s.s + strspn(s.s, " \t"));
  else {
    struct stat st;
    int dir = s.s[s.len - 2] == '/' || (stat(s.s, &st) == 0 && S_ISDIR(st.st_mode));
    code = dir ? deliver_maildir(c, s.s) : deliver_mbox(c, s.s);
  }
  stralloc_free(&s);
  return code;
}

/* 0 all done, 99 stopped by a program, or a failure code. */
static int run_lines(struct lctx *c, const char *p, size_t len, int depth)
{
  while (len) {
    const char *nl = memchr(p, '\n', len);
    size_t n = nl ? (size_t)(nl - p) : len;
    int code = instruction(c, p, n, depth);
    if (code) return code;
    p += n + (nl ? 1 : 0);
    len -= n + (nl ? 1 : 0);
  }
  return 0;
}

static int run_instructions(struct lctx *c)
{
  int code = run_lines(c, c->instructions.s, c->instructions.len, 0);
  if (code && code != EXIT_STOP) return code;
  return forward_all(c);
}

static int alias_instructions(struct lctx *c, char **targets, int n)
{
  for (int i = 0; i < n; ++i)
    if (!stralloc_cats(&c->instructions, targets[i][0] == '|' || targets[i][0] == '/' ? "" : "&") ||
        !stralloc_cats(&c->instructions, targets[i]) || !stralloc_cats(&c->instructions, "\n")) die_nomem();
  return 0;
}

/* What every recipient shares: 0 ok, else an exit code for them all. */
static int setup(struct lctx *c, int argc, char **argv)
{
  c->id = argv[2]; c->sender = argv[3]; c->user = argv[5];
  stralloc *path = &c->aliashome;
  if (!home_path(path, "etc/courierd")) die_nomem();
  unsigned long bad = 0;
  if (conf_env_read(&c->courierd, path->s, &bad) < 0) return say(c, EXIT_TEMP, "4.3.0 unable to read etc/courierd");
  if (c->alias) {
    if (!home_path(path, "etc/aliasdir")) die_nomem();
    struct stat st;
    c->home = stat(path->s, &st) == 0 ? path->s : "/";
    alias_instructions(c, argv + 6, argc - 6);
  }
  if (chdir(c->home) < 0) return say(c, EXIT_TEMP, "4.3.0 unable to enter home directory ", c->home, ": ", strerror(errno));
  struct stat st;
  if (stat(".", &st) == 0 && (st.st_mode & 002) && !c->alias)
    return say(c, EXIT_TEMP, "4.7.0 home directory ", c->home, " is writable by anyone");
  if (fstat(0, &st) < 0) return say(c, EXIT_TEMP, "4.3.0 no message on fd 0");
  c->size = st.st_size;
  return 0;
}

/* One recipient's delivery, from a clean slate: its exit code. */
static int deliver_one(struct lctx *c, const char *recipient, const char *ext)
{
  c->recipient = recipient;
  if (!c->alias) {
    c->ext = ext;
    c->instructions.len = 0;
  }
  c->dflt.len = c->forwards.len = c->result.len = 0;
  c->ndelivered = 0;
  make_lines(c);
  int code = message_loop_check(c);
  if (!code && !c->alias) code = dotfile_find(c);
  if (!code) code = run_instructions(c);
  if (code == EXIT_STOP) code = 0;
  if (!code && !c->result.len)
    say(c, 0, c->ndelivered ? "delivered" : "delivered: no instructions left anything to do");
  return code;
}

/* "POS CODE TEXT\n", the text on one line. */
static void tell(struct lctx *c, int pos, int code)
{
  char head[32];
  int n = snprintf(head, sizeof head, "%d %d ", pos, code);
  for (size_t i = 0; i < c->result.len; ++i)
    if (c->result.s[i] == '\n' || c->result.s[i] == '\r' || !c->result.s[i]) c->result.s[i] = ' ';
  if (!stralloc_cats(&c->result, "\n")) die_nomem();
  if (write_all(1, head, (size_t)n) < 0 || write_all(1, c->result.s, c->result.len) < 0) _exit(EXIT_TEMP);
  --c->result.len;
}

static void lctx_free(struct lctx *c)
{
  stralloc *all[] = { &c->local, &c->host, &c->dflt, &c->dtline, &c->rpline, &c->ufline,
                      &c->instructions, &c->forwards, &c->result, &c->aliashome };
  for (size_t i = 0; i < sizeof all / sizeof *all; ++i) stralloc_free(all[i]);
  conf_env_free(&c->courierd);
}

int main(int argc, char **argv)
{
  PROG = "local";
  if (getuid() == 0 || geteuid() == 0) {
    (void)!write(1, "4.7.0 local refuses to deliver as root\n", 39);
    return EXIT_TEMP;
  }
  struct lctx c = {0};
  int nrcpt = 1;
  if (argc >= 10 && !strcmp(argv[1], "user") && (argc - 10) % 2 == 0) {
    c.home = argv[6]; c.maildir = argv[8]; c.quota = argv[9];
    nrcpt += (argc - 10) / 2;
  } else if (argc >= 7 && !strcmp(argv[1], "alias")) {
    c.alias = 1; c.ext = ""; c.maildir = ""; c.quota = "";
  } else die_usage("local user|alias ID SENDER RECIPIENT USER ...");
  int code = setup(&c, argc, argv);
  for (int i = 0; i < nrcpt; ++i) {
    const char *rcpt = i ? argv[8 + 2 * i] : argv[4], *ext = c.alias ? "" : i ? argv[9 + 2 * i] : argv[7];
    tell(&c, i, code ? code : deliver_one(&c, rcpt, ext));
  }
  lctx_free(&c);
  return 0;
}
