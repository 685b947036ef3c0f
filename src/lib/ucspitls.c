#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include "fmt.h"
#include "ucspitls.h"

extern char **environ;

/* Variables a TLS program sets: never inherited from before. */
static int ours(const char *e)
{
  return !strncmp(e, "SSL_", 4) || !strncmp(e, "TLS=", 4) || !strncmp(e, "SSLCTLFD=", 9)
      || !strncmp(e, "SSLREADFD=", 10) || !strncmp(e, "SSLWRITEFD=", 11);
}

/* environ less ours, plus the NAME=value\0 pairs of extra. */
static char **make_env(const char *extra, size_t len)
{
  size_t n = 0, k = 0;
  char **env;
  for (char **e = environ; *e; ++e) ++n;
  for (size_t i = 0; i < len; i += strlen(extra + i) + 1) ++n;
  env = malloc((n + 1) * sizeof *env);
  if (!env) return 0;
  for (char **e = environ; *e; ++e)
    if (!ours(*e)) env[k++] = *e;
  for (size_t i = 0; i < len; i += strlen(extra + i) + 1) env[k++] = (char *)extra + i;
  env[k] = 0;
  return env;
}

static int move_fd(int from, int to)
{
  if (from == to) return 0;
  if (dup2(from, to) < 0) return -1;
  return close(from);
}

_Noreturn static void exec_app(char *const *argv, char **env)
{
  signal(SIGPIPE, SIG_DFL);   /* tlsd ignores it; the app should not */
  execvpe(argv[0], argv, env);
  _exit(111);
}

int ucspitls_spawn_plain(struct ucspitls_child *c, char *const *argv,
                         const stralloc *vars, int rfd, int wfd)
{
  int to_app[2], from_app[2];
  char **env = make_env(vars->s, vars->len);
  if (!env) return 0;
  if (pipe(to_app) < 0) { free(env); return 0; }
  if (pipe(from_app) < 0) { close(to_app[0]); close(to_app[1]); free(env); return 0; }
  c->pid = fork();
  if (c->pid == 0) {
    close(to_app[1]);
    close(from_app[0]);
    /* from_app[1] must not be clobbered when it sits on rfd. */
    if (from_app[1] == rfd) { from_app[1] = dup(from_app[1]); if (from_app[1] < 0) _exit(111); }
    if (move_fd(to_app[0], rfd) < 0 || move_fd(from_app[1], wfd) < 0) _exit(111);
    exec_app(argv, env);
  }
  free(env);
  close(to_app[0]);
  close(from_app[1]);
  c->ctl = -1;
  c->app_w = to_app[1];
  c->app_r = from_app[0];
  if (c->pid < 0) { close(c->app_w); close(c->app_r); return 0; }
  return 1;
}

static size_t fd_var(char *out, const char *name, int fd)
{
  size_t n = strlen(name);
  memcpy(out, name, n);
  n += fmt_ulong(out + n, (unsigned long)fd);
  out[n++] = 0;
  return n;
}

int ucspitls_spawn_ctl(struct ucspitls_child *c, char *const *argv)
{
  int sp[2], to_app[2], from_app[2];
  char extra[3 * 40];
  size_t len = 0;
  char **env;
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sp) < 0) return 0;
  if (pipe(to_app) < 0) { close(sp[0]); close(sp[1]); return 0; }
  if (pipe(from_app) < 0) { close(sp[0]); close(sp[1]); close(to_app[0]); close(to_app[1]); return 0; }
  len += fd_var(extra + len, "SSLCTLFD=", sp[1]);
  len += fd_var(extra + len, "SSLREADFD=", to_app[0]);
  len += fd_var(extra + len, "SSLWRITEFD=", from_app[1]);
  env = make_env(extra, len);
  /* Without an environment nothing can start: the caller dies at once. */
  if (!env) return 0;
  c->pid = fork();
  if (c->pid == 0) {
    close(sp[0]);
    close(to_app[1]);
    close(from_app[0]);
    exec_app(argv, env);
  }
  free(env);
  close(sp[1]);
  close(to_app[0]);
  close(from_app[1]);
  c->ctl = sp[0];
  c->app_w = to_app[1];
  c->app_r = from_app[0];
  if (c->pid < 0) { close(c->ctl); close(c->app_w); close(c->app_r); return 0; }
  return 1;
}

int ucspitls_wait_command(int ctl)
{
  char ch;
  ssize_t r;
  do r = read(ctl, &ch, 1); while (r < 0 && errno == EINTR);
  if (r < 0) return errno == ECONNRESET ? 0 : -1;
  if (r == 0) return 0;
  return (unsigned char)ch;
}

int ucspitls_send_vars(int ctl, const stralloc *vars)
{
  size_t off = 0;
  int ok = 1;
  while (ok && off <= vars->len) {
    /* The pairs, then the lone NUL that ends them. */
    const char *p = off < vars->len ? vars->s + off : "";
    size_t n = off < vars->len ? vars->len - off : 1;
    ssize_t w = write(ctl, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) ok = 0;
    else off += (size_t)w;
  }
  close(ctl);
  return ok;
}

int ucspitls_finish(struct ucspitls_child *c)
{
  int st;
  if (c->ctl >= 0) close(c->ctl);
  if (c->app_r >= 0) close(c->app_r);
  if (c->app_w >= 0) close(c->app_w);
  c->ctl = c->app_r = c->app_w = -1;
  while (waitpid(c->pid, &st, 0) < 0)
    if (errno != EINTR) return 111;
  if (WIFSIGNALED(st)) return 128 + WTERMSIG(st);
  return WEXITSTATUS(st);
}
