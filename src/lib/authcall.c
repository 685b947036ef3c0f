#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include "authcall.h"
#include "die.h"
#include "home.h"
#include "stralloc.h"

/* The fd 3 record of doc/INTERFACES.md section 4. */
static int credentials(stralloc *out, const struct authreq *req, const char *newpw, size_t newlen)
{
  const char *mech = req->mech ? req->mech : "";
  if (!stralloc_copys(out, req->login ? req->login : "") || !stralloc_0(out)) return 0;
  if ((!strcmp(mech, "CRAM-MD5") || !strcmp(mech, "APOP"))
      && (!stralloc_cats(out, req->challenge ? req->challenge : "") || !stralloc_0(out))) return 0;
  if (strcmp(mech, "EXTERNAL") && req->secret
      && !stralloc_catb(out, req->secret, req->secret_len)) return 0;
  if (!stralloc_0(out)) return 0;
  return !newpw || (stralloc_catb(out, newpw, newlen) && stralloc_0(out));
}

/* In the child: the credential socket becomes fd 3 (not close-on-exec)
 * and the request's variables are set; then authcheck. */
static void child(int fd, const struct authreq *req, const char *const *args)
{
  if (fd == 3) {
    if (fcntl(3, F_SETFD, 0) < 0) _exit(111);
  } else if (dup2(fd, 3) < 0) {
    _exit(111);
  }
  if (req->service && setenv("AUTHCHECK_SERVICE", req->service, 1) < 0) _exit(111);
  if (req->mech) {
    if (setenv("AUTHCHECK_MECH", req->mech, 1) < 0) _exit(111);
  } else {
    unsetenv("AUTHCHECK_MECH");
  }
  stralloc path = {0};
  if (!home_command(&path, "authcheck")) _exit(111);
  signal(SIGPIPE, SIG_DFL);
  execv(path.s, (char *const *)args);
  warn_sys("unable to run ", path.s);
  _exit(111);
}

/* Writes the credentials and waits; a socket rather than a pipe so
 * that an authcheck dying early gives EPIPE, not SIGPIPE here. */
static int run(const struct authreq *req, const char *const *args, const char *newpw, size_t newlen)
{
  stralloc cred = {0};
  if (!credentials(&cred, req, newpw, newlen)) { warn("out of memory"); return 111; }
  int sv[2];
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0) {
    warn_sys("unable to create socket pair");
    explicit_bzero(cred.s, cred.a); free(cred.s);
    return 111;
  }
  pid_t pid = fork();
  if (pid < 0) {
    warn_sys("unable to fork");
    close(sv[0]); close(sv[1]);
    explicit_bzero(cred.s, cred.a); free(cred.s);
    return 111;
  }
  if (pid == 0) { close(sv[0]); child(sv[1], req, args); }
  close(sv[1]);
  size_t done = 0;
  while (done < cred.len) {
    ssize_t w = send(sv[0], cred.s + done, cred.len - done, MSG_NOSIGNAL);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) break;   /* authcheck went away; its exit status says why */
    done += (size_t)w;
  }
  explicit_bzero(cred.s, cred.a);
  free(cred.s);
  close(sv[0]);
  int status;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) { warn_sys("unable to wait for authcheck"); return 111; }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return 111;
}

int authcall_check(const struct authreq *req)
{
  const char *args[] = { "authcheck", "-c", 0 };
  int r = run(req, args, 0, 0);
  return (r == 0 || r == 1) ? r : 111;
}

int authcall_exec(const struct authreq *req, char *const postauth_argv[])
{
  size_t n = 0;
  while (postauth_argv[n]) ++n;
  const char **args = calloc(n + 2, sizeof *args);
  if (!args) { warn("out of memory"); return 111; }
  args[0] = "authcheck";
  for (size_t i = 0; i < n; ++i) args[i + 1] = postauth_argv[i];
  int r = run(req, args, 0, 0);
  free(args);
  return r;
}

int authcall_passwd(const struct authreq *req, const char *newpw, size_t newlen)
{
  const char *args[] = { "authcheck", "-p", 0 };
  int r = run(req, args, newpw, newlen);
  return (r == 0 || r == 1 || r == 100) ? r : 111;
}

/* Reads the child's one line of output: 1 when it is a challenge. */
static int read_challenge(int fd, stralloc *out)
{
  char buf[512];
  size_t got = 0;
  for (;;) {
    ssize_t r = read(fd, buf + got, sizeof buf - got);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    got += (size_t)r;
    if (got == sizeof buf) return 0;
  }
  if (got < 3 || buf[got - 1] != '\n' || buf[0] != '<' || buf[got - 2] != '>') return 0;
  return stralloc_copyb(out, buf, got - 1) && stralloc_0(out) && (--out->len, 1);
}

int authcall_challenge(stralloc *out, const char *host)
{
  stralloc path = {0};
  int fds[2];
  if (!home_command(&path, "authcheck")) { warn("out of memory"); return 0; }
  if (pipe2(fds, O_CLOEXEC) < 0) { warn_sys("unable to create pipe"); free(path.s); return 0; }
  pid_t pid = fork();
  if (pid < 0) { warn_sys("unable to fork"); close(fds[0]); close(fds[1]); free(path.s); return 0; }
  if (pid == 0) {
    if (dup2(fds[1], 1) < 0) _exit(111);
    const char *args[] = { "authcheck", "-C", host && *host ? host : "localhost", 0 };
    signal(SIGPIPE, SIG_DFL);
    execv(path.s, (char *const *)args);
    warn_sys("unable to run ", path.s);
    _exit(111);
  }
  close(fds[1]);
  free(path.s);
  int ok = read_challenge(fds[0], out);
  close(fds[0]);
  int status;
  while (waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) { warn_sys("unable to wait for authcheck"); return 0; }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) ok = 0;
  if (!ok) warn("authcheck -C made no challenge");
  return ok;
}
