#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "fmt.h"
#include "peerproof.h"
#include "scan.h"

int proc_start(pid_t pid, unsigned long long *start, pid_t *ppid)
{
  char path[64], buf[1024];
  snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n <= 0) return 0;
  buf[n] = 0;
  /* The command name may hold anything, ')' included: fields start
   * after the last one. Field 3 is the state, 4 the parent, 22 the
   * start time. */
  char *p = strrchr(buf, ')');
  if (!p) return 0;
  ++p;
  unsigned long parent = 0;
  for (int field = 3; field <= 22; ++field) {
    while (*p == ' ') ++p;
    if (!*p) return 0;
    if (field == 4 && !scan_ulong(p, &parent)) return 0;
    if (field == 22) {
      size_t used = scan_ulonglong(p, start);
      if (!used) return 0;
      *ppid = (pid_t)parent;
      return 1;
    }
    p += strcspn(p, " ");
  }
  return 0;
}

/* "PID.START" */
static int ident(stralloc *out, pid_t pid, unsigned long long start)
{
  char p[FMT_ULONG + 1], s[FMT_ULONG * 2];
  p[fmt_ulong(p, (unsigned long)pid)] = 0;
  s[fmt_ulonglong(s, start)] = 0;
  return stralloc_cats(out, p) && stralloc_append(out, ".") && stralloc_cats(out, s);
}

static int mac(const struct authkey *k, const char *login, pid_t pid, unsigned long long start, char *hex)
{
  stralloc in = {0};
  int ok = stralloc_copyb(&in, "external", 9) && stralloc_catb(&in, login, strlen(login) + 1)
        && ident(&in, pid, start);
  if (ok) authkey_mac(k, in.s, in.len, hex);
  free(in.s);
  return ok;
}

int peerproof_make(const struct authkey *k, const char *login, pid_t pid,
                   unsigned long long start, stralloc *out)
{
  char hex[AUTHKEY_MAC_HEX + 1];
  out->len = 0;
  return mac(k, login, pid, start, hex) && ident(out, pid, start) && stralloc_append(out, ".")
      && stralloc_cats(out, hex) && stralloc_0(out) && (--out->len, 1);
}

int peerproof_check(const struct authkey *k, const char *login, const char *proof,
                    pid_t *pid, unsigned long long *start)
{
  unsigned long p = 0;
  char want[AUTHKEY_MAC_HEX + 1];
  size_t n = scan_ulong(proof, &p);
  if (!n || proof[n] != '.' || !p) return 0;
  proof += n + 1;
  n = scan_ulonglong(proof, start);
  if (!n || proof[n] != '.') return 0;
  proof += n + 1;
  if (strlen(proof) != AUTHKEY_MAC_HEX) return 0;
  *pid = (pid_t)p;
  return mac(k, login, *pid, *start, want) && authkey_mac_equal(proof, want);
}
