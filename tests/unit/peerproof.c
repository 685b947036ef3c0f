/* authkey (var/authcheck/key: made once, refused when others could
 * touch it) and peerproof (tlsd's SSL_PEER_LOGIN_PROOF, /proc parsing). */
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "tap.h"
#include "authkey.h"
#include "peerproof.h"

static char root[] = "/tmp/postern-unit-peerproof.XXXXXX";

static void path(char *out, size_t n, const char *rel)
{
  snprintf(out, n, "%s/%s", root, rel);
}

static void keys(void)
{
  char p[512];
  struct authkey a, b;
  ok(authkey_load(&a, 0) == 0, "no key yet, and none made without create");
  ok(authkey_load(&a, 1) == 1, "made on first use");
  ok(authkey_load(&b, 0) == 1 && !memcmp(a.k, b.k, AUTHKEY_LEN), "and the same key read again");
  struct stat st;
  path(p, sizeof p, "var/authcheck");
  ok(stat(p, &st) == 0 && (st.st_mode & 0777) == 0700, "var/authcheck mode 700");
  path(p, sizeof p, "var/authcheck/key");
  ok(stat(p, &st) == 0 && (st.st_mode & 0777) == 0600 && st.st_size == AUTHKEY_LEN, "key mode 600, 32 bytes");
  chmod(p, 0640);
  ok(authkey_load(&b, 1) < 0, "a key others may read is refused");
  chmod(p, 0600);
  path(p, sizeof p, "var/authcheck");
  chmod(p, 0750);
  ok(authkey_load(&b, 1) < 0, "so is a directory others may enter");
  chmod(p, 0700);
  path(p, sizeof p, "var");
  chmod(p, 0777);
  ok(authkey_load(&b, 1) < 0, "and a var/ anyone may write to");
  chmod(p, 0755);
  ok(authkey_load(&b, 1) == 1, "fine again");

  char h1[AUTHKEY_MAC_HEX + 1], h2[AUTHKEY_MAC_HEX + 1];
  authkey_mac(&a, "x", 1, h1);
  authkey_mac(&a, "y", 1, h2);
  ok(strlen(h1) == AUTHKEY_MAC_HEX && !authkey_mac_equal(h1, h2), "MACs of different data differ");
  authkey_mac(&a, "x", 1, h2);
  ok(authkey_mac_equal(h1, h2), "and of the same data agree");
}

static void proofs(void)
{
  struct authkey k = { { 7 } }, other = { { 8 } };
  stralloc p = { 0 };
  pid_t pid;
  unsigned long long start;
  ok(peerproof_make(&k, "john@example.test", 1234, 5678, &p), "a proof");
  ok(!strncmp(p.s, "1234.5678.", 10) && strlen(p.s) == 10 + AUTHKEY_MAC_HEX, "PID.START.MAC");
  ok(peerproof_check(&k, "john@example.test", p.s, &pid, &start) && pid == 1234 && start == 5678, "checks");
  ok(!peerproof_check(&k, "mallory@example.test", p.s, &pid, &start), "not for another login");
  ok(!peerproof_check(&other, "john@example.test", p.s, &pid, &start), "not under another key");
  p.s[0] = '2';
  ok(!peerproof_check(&k, "john@example.test", p.s, &pid, &start), "not for another pid");
  ok(!peerproof_check(&k, "john@example.test", "", &pid, &start), "empty: no");
  ok(!peerproof_check(&k, "john@example.test", "0.1.00000000000000000000000000000000", &pid, &start), "pid 0: no");
  free(p.s);
}

static void procs(void)
{
  unsigned long long s1, s2;
  pid_t parent;
  ok(proc_start(getpid(), &s1, &parent) && parent == getppid(), "proc_start: this process and its parent");
  ok(proc_start(getpid(), &s2, &parent) && s1 == s2, "the start time does not change");
  int fds[2], named[2];
  char c;
  if (pipe(fds) < 0 || pipe(named) < 0) exit(111);
  pid_t child = fork();
  if (child == 0) {
    /* A command name with ')' and spaces must not shift the fields. */
    prctl(PR_SET_NAME, "a) b (c) d", 0, 0, 0);
    close(fds[1]);
    (void)!write(named[1], "n", 1);
    (void)!read(fds[0], &c, 1);
    _exit(0);
  }
  close(fds[0]);
  close(named[1]);
  (void)!read(named[0], &c, 1);
  close(named[0]);
  ok(proc_start(child, &s2, &parent) && parent == getpid() && s2 >= s1, "a child named \"a) b (c) d\": parent read right");
  close(fds[1]);
  waitpid(child, 0, 0);
  ok(!proc_start(child, &s2, &parent), "a process that has exited: nothing");
}

int main(void)
{
  char p[512];
  if (!mkdtemp(root)) return 111;
  chmod(root, 0755);
  setenv("POSTERN_HOME", root, 1);
  keys();
  proofs();
  procs();
  snprintf(p, sizeof p, "rm -rf '%s'", root);
  if (system(p) != 0) ok(0, "cleanup");
  return done_testing();
}
