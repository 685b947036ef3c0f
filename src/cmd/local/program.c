#include <errno.h>
#include <stdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "die.h"
#include "exitcode.h"
#include "home.h"
#include "local.h"
#include "qinject.h"

static void setenv_sa(stralloc *env, const char *name, const char *value, size_t len)
{
  if (!stralloc_cats(env, name) || !stralloc_append(env, "=") ||
      !stralloc_catb(env, value, len) || !stralloc_0(env)) die_nomem();
}

static void setenv_s(stralloc *env, const char *name, const char *value)
{
  setenv_sa(env, name, value, strlen(value));
}

/* EXT2 is EXT after its first '-', EXT3 after its second ... */
static const char *ext_after(const char *ext, int dashes)
{
  while (dashes-- > 0) {
    const char *d = strchr(ext, '-');
    if (!d) return "";
    ext = d + 1;
  }
  return ext;
}

/* The documented variables of dot-courier(5) and those of courierd:
 * nothing else reaches a delivery program. */
static char **build_env(struct lctx *c, stralloc *env)
{
  const char *v = c->courierd.vars.s;
  for (size_t i = 0; v && i < c->courierd.vars.len; i += strlen(v + i) + 1)
    if (!stralloc_cats(env, v + i) || !stralloc_0(env)) die_nomem();
  if (!conf_env_get(&c->courierd, "PATH")) setenv_s(env, "PATH", "/usr/local/bin:/usr/bin:/bin");
  setenv_s(env, "HOME", c->home);
  setenv_s(env, "USER", c->user);
  setenv_s(env, "SENDER", c->sender);
  setenv_s(env, "RECIPIENT", c->recipient);
  setenv_sa(env, "HOST", c->host.s, c->host.len);
  setenv_sa(env, "LOCAL", c->local.s, c->local.len);
  setenv_s(env, "EXT", c->ext);
  setenv_s(env, "EXT2", ext_after(c->ext, 1));
  setenv_s(env, "EXT3", ext_after(c->ext, 2));
  setenv_s(env, "EXT4", ext_after(c->ext, 3));
  setenv_sa(env, "DEFAULT", c->dflt.s ? c->dflt.s : "", c->dflt.len);
  setenv_sa(env, "DTLINE", c->dtline.s, c->dtline.len);
  setenv_sa(env, "RPLINE", c->rpline.s, c->rpline.len);
  setenv_sa(env, "UFLINE", c->ufline.s, c->ufline.len);
  const char *root = getenv("POSTERN_HOME");
  if (root && strcmp(root, CONF_HOME)) setenv_s(env, "POSTERN_HOME", root);
  size_t n = 0;
  for (size_t i = 0; i < env->len; i += strlen(env->s + i) + 1) ++n;
  char **envp = calloc(n + 1, sizeof *envp);
  if (!envp) die_nomem();
  n = 0;
  for (size_t i = 0; i < env->len; i += strlen(env->s + i) + 1) envp[n++] = env->s + i;
  return envp;
}

/* qmail's and Courier's reading of a program's exit code. */
static int classify(int status)
{
  if (!WIFEXITED(status)) return EXIT_TEMP;
  switch (WEXITSTATUS(status)) {
  case 0: return 0;
  case 99: return EXIT_STOP;
  case 64: case 65: case 70: case 76: case 77: case 78: case 100: case 112: return EXIT_PERM;
  default: return EXIT_TEMP;
  }
}

/* Reads fd until EOF: the first max bytes into out (NUL-terminated),
 * the rest discarded; returns the count kept, or max + 1 when some
 * were discarded. */
static size_t read_bounded(int fd, char *out, size_t max)
{
  size_t len = 0, over = 0;
  for (;;) {
    char junk[512];
    ssize_t r = read(fd, len < max ? out + len : junk, len < max ? max - len : sizeof junk);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    if (len < max) len += (size_t)r;
    else over = 1;
  }
  out[len] = 0;
  return over ? max + 1 : len;
}

/* Runs "sh -c cmd" on the message, stdout into out (at most max bytes
 * kept); stderr too, or, for a program whose stdout is data, left to
 * local's own stderr (the log). Returns the wait status, or -1 with
 * c->result said. */
static int run_program(struct lctx *c, const char *cmd, char *out, size_t max, size_t *outlen, int stderr_too)
{
  if (lseek(0, 0, SEEK_SET) < 0) { say(c, EXIT_TEMP, "4.3.0 unable to rewind the message"); return -1; }
  stralloc env = {0};
  char **envp = build_env(c, &env);
  int p[2];
  if (pipe(p) < 0) { say(c, EXIT_TEMP, "4.3.0 unable to make a pipe"); return -1; }
  pid_t pid = fork();
  if (pid < 0) { say(c, EXIT_TEMP, "4.3.0 unable to fork"); return -1; }
  if (pid == 0) {
    close(p[0]);
    if (dup2(p[1], 1) < 0 || (stderr_too && dup2(p[1], 2) < 0)) _exit(EXIT_TEMP);
    close(p[1]);
    signal(SIGPIPE, SIG_DFL);
    char *argv[] = { (char *)"sh", (char *)"-c", (char *)cmd, 0 };
    execve("/bin/sh", argv, envp);
    _exit(EXIT_TEMP);
  }
  close(p[1]);
  *outlen = read_bounded(p[0], out, max);
  close(p[0]);
  int status;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
  free(envp);
  stralloc_free(&env);
  return status;
}

static int program_failed(struct lctx *c, const char *cmd, int status, int code, char *out, size_t len)
{
  char num[24];
  snprintf(num, sizeof num, "%d", WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
  char *nl = memchr(out, '\n', len);
  if (nl) len = (size_t)(nl - out);   /* the first line is what is reported */
  while (len && out[len - 1] == ' ') --len;
  out[len] = 0;
  return say(c, code, code == EXIT_PERM ? "5.3.0 " : "4.3.0 ", "program ", cmd, " exited ", num,
             len ? ": " : "", out);
}

int deliver_program(struct lctx *c, const char *cmd)
{
  char out[1000];
  size_t len;
  int status = run_program(c, cmd, out, sizeof out - 1, &len, 1);
  if (status < 0) return EXIT_TEMP;
  if (len >= sizeof out) len = sizeof out - 1;
  int code = classify(status);
  if (code == 0 || code == EXIT_STOP) { ++c->ndelivered; return code; }
  return program_failed(c, cmd, status, code, out, len);
}

/* ||program: its standard output, once it exits 0, is more delivery
 * instructions (Courier's dynamic delivery instructions). */
int dynamic_program(struct lctx *c, const char *cmd, stralloc *instructions)
{
  const char *allowed = conf_env_get(&c->courierd, "DYNAMICDELIVERIES");
  if (allowed && !strcmp(allowed, "0"))
    return say(c, EXIT_PERM, "5.7.1 dynamic delivery instructions are disabled by the administrator");
  char *out = malloc(DYNAMIC_MAX + 1);
  if (!out) die_nomem();
  size_t len;
  int status = run_program(c, cmd, out, DYNAMIC_MAX, &len, 0);
  int code = status < 0 ? EXIT_TEMP : classify(status);
  if (status >= 0 && code == 0 && len > DYNAMIC_MAX)
    code = say(c, EXIT_PERM, "5.3.0 program ", cmd, " gave more than 64 kB of delivery instructions");
  else if (status >= 0 && code == EXIT_STOP)
    ;   /* 99, as for |program: the instructions after it are skipped */
  else if (status >= 0 && code)
    code = program_failed(c, cmd, status, code, out, len > DYNAMIC_MAX ? DYNAMIC_MAX : len);
  else if (status >= 0 && !stralloc_copyb(instructions, out, len)) die_nomem();
  free(out);
  return code;
}

/* One injection for every forwarding address, keeping the sender, with
 * this recipient's Delivered-To: so a loop is seen when it comes back. */
int forward_all(struct lctx *c)
{
  if (!c->forwards.len) return 0;
  stralloc prog = {0}, envl = {0};
  if (!home_command(&prog, "queue-inject")) die_nomem();
  if (!stralloc_copys(&envl, "F") || !stralloc_cats(&envl, c->sender) || !stralloc_0(&envl)) die_nomem();
  for (size_t i = 0; i < c->forwards.len; i += strlen(c->forwards.s + i) + 1)
    if (!stralloc_cats(&envl, "T") || !stralloc_cats(&envl, c->forwards.s + i) || !stralloc_0(&envl)) die_nomem();
  if (!stralloc_0(&envl)) die_nomem();
  struct qinject q;
  signal(SIGPIPE, SIG_IGN);
  if (lseek(0, 0, SEEK_SET) < 0 || qinject_start(&q, prog.s) != 0) {
    stralloc_free(&prog);
    stralloc_free(&envl);
    return say(c, EXIT_TEMP, "4.3.0 unable to run queue-inject");
  }
  qinject_write(&q, c->dtline.s, c->dtline.len);
  char buf[65536];
  ssize_t n;
  while ((n = read(0, buf, sizeof buf)) > 0) qinject_write(&q, buf, (size_t)n);
  int code = n < 0 ? (qinject_abort(&q), EXIT_TEMP) : qinject_finish(&q, envl.s, envl.len);
  stralloc_free(&prog);
  stralloc_free(&envl);
  if (code) {
    int perm = code == EXIT_PERM;
    return say(c, perm ? EXIT_PERM : EXIT_TEMP, perm ? "5.1.3 " : "4.3.0 ", "unable to forward the message");
  }
  ++c->ndelivered;
  return 0;
}
