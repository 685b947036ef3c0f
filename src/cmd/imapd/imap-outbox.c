/* The Outbox (Courier's OUTBOX setting): a message put into that folder
 * is also handed to queue-inject, to the addresses of its To, Cc and
 * Bcc fields (Bcc removed from what is sent), from AUTHADDR. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>
#include "home.h"
#include "imapd.h"
#include "mime.h"

/* Appends "T<addr>\0" for each address in an unfolded list value. */
static void add_addresses(stralloc *env, const char *v, size_t len, size_t *count)
{
  size_t i = 0;
  while (i < len) {
    size_t start = i;
    int q = 0, angle = 0, paren = 0;
    for (; i < len; ++i) {
      char c = v[i];
      if (c == '"' && !paren) q = !q;
      else if (q) { if (c == '\\') ++i; }
      else if (c == '(') ++paren;
      else if (c == ')' && paren) --paren;
      else if (!paren && c == '<') angle = 1;
      else if (!paren && c == '>') angle = 0;
      else if (!paren && !angle && (c == ',' || c == ';')) break;
    }
    const char *p = v + start, *e = v + (i < len ? i : len);
    ++i;
    const char *lt = memchr(p, '<', (size_t)(e - p)), *colon = memchr(p, ':', (size_t)(e - p));
    if (lt) { p = lt + 1; const char *gt = memchr(p, '>', (size_t)(e - p)); if (gt) e = gt; }
    else if (colon) p = colon + 1;           /* group "name: a@b, c@d;" */
    while (p < e && (*p == ' ' || *p == '\t')) ++p;
    while (e > p && (e[-1] == ' ' || e[-1] == '\t')) --e;
    const char *sp = memchr(p, ' ', (size_t)(e - p));
    if (sp) e = sp;                          /* "a@b (comment)" */
    if (e > p && memchr(p, '@', (size_t)(e - p)) && stralloc_cats(env, "T") &&
        stralloc_catb(env, p, (size_t)(e - p)) && stralloc_0(env))
      ++*count;
  }
}

static int build(const char *buf, size_t len, stralloc *msg, stralloc *env, size_t *count)
{
  size_t hl = mime_header_end(buf, len), pos = 0;
  struct mime_field f;
  stralloc v = { 0 };
  const char *from = getenv("AUTHADDR");
  if (!from || !*from) from = getenv("USER");
  const char *user = getenv("AUTHENTICATED");
  if (!user || !*user) user = getenv("USER");
  if (!stralloc_copys(env, "F") || !stralloc_cats(env, from ? from : "") || !stralloc_0(env)) return -1;
  if (user && *user && (!stralloc_cats(env, "A") || !stralloc_cats(env, user) || !stralloc_0(env))) return -1;
  while (mime_field_next(buf, hl, &pos, &f)) {
    int bcc = f.namelen == 3 && !strncasecmp(f.name, "Bcc", 3);
    if ((bcc || (f.namelen == 2 && (!strncasecmp(f.name, "To", 2) || !strncasecmp(f.name, "Cc", 2))))) {
      v.len = 0;
      if (mime_unfold(&v, f.value, f.valuelen) < 0) return -1;
      add_addresses(env, v.s, v.len, count);
    }
    if (!bcc && !stralloc_catb(msg, f.raw, f.rawlen)) return -1;
  }
  stralloc_free(&v);
  /* The blank line and the body, with the line ends as stored. */
  size_t body = pos;
  return stralloc_catb(msg, buf + body, len - body) && stralloc_0(env) ? 0 : -1;
}

static int inject(const stralloc *msg, const stralloc *env)
{
  stralloc prog = { 0 };
  int m[2], e[2];
  if (!home_command(&prog, "queue-inject") || pipe(m) < 0) return 111;
  if (pipe(e) < 0) { close(m[0]); close(m[1]); return 111; }
  pid_t pid = fork();
  if (pid < 0) return 111;
  if (pid == 0) {
    dup2(m[0], 0);
    dup2(e[0], 1);
    close(m[0]); close(m[1]); close(e[0]); close(e[1]);
    char *argv[] = { prog.s, 0 };
    execv(prog.s, argv);
    _exit(111);
  }
  close(m[0]);
  close(e[0]);
  void (*old)(int) = signal(SIGPIPE, SIG_IGN);
  fd_write_all(m[1], msg->s, msg->len);
  close(m[1]);
  fd_write_all(e[1], env->s, env->len);
  close(e[1]);
  signal(SIGPIPE, old);
  int st;
  while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {}
  stralloc_free(&prog);
  return WIFEXITED(st) ? WEXITSTATUS(st) : 111;
}

int outbox_send(struct session *s, const char *buf, size_t len, const char **why)
{
  stralloc msg = { 0 }, env = { 0 };
  size_t count = 0;
  int r = -1;
  (void)s;
  *why = "[SERVERBUG] Unable to send the message";
  if (build(buf, len, &msg, &env, &count) < 0) goto out;
  if (!count) { *why = "Message has no recipients: not sent"; goto out; }
  int code = inject(&msg, &env);
  if (code == 0) r = 0;
  else if (code == 100) *why = "Message refused by the queue";
  else *why = "[UNAVAILABLE] Queue unavailable; try again later";
out:
  stralloc_free(&msg);
  stralloc_free(&env);
  return r;
}
