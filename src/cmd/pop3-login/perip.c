/* MAXPERIP: tcpserver limits sessions only in total, so each pop3-login
 * holds an flock on var/run/pop3-perip/IP.PID for the whole session
 * (it waits for pop3d); a file nobody holds is a leftover of a killed
 * session and is removed. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>
#include "die.h"
#include "home.h"
#include "login.h"

/* Sessions from ip that are alive now, not counting ours. */
static unsigned count_live(int dir, const char *ip, const char *mine)
{
  int dfd = dup(dir);
  DIR *d = dfd >= 0 ? fdopendir(dfd) : 0;
  if (!d) { if (dfd >= 0) close(dfd); return 0; }
  size_t n = strlen(ip);
  unsigned live = 0;
  struct dirent *de;
  while ((de = readdir(d))) {
    if (strncmp(de->d_name, ip, n) || de->d_name[n] != '.' || !strcmp(de->d_name, mine)) continue;
    int fd = openat(dir, de->d_name, O_RDONLY | O_CLOEXEC);
    if (fd < 0) continue;
    if (flock(fd, LOCK_EX | LOCK_NB) < 0 && errno == EWOULDBLOCK) ++live;
    else unlinkat(dir, de->d_name, 0);
    close(fd);
  }
  closedir(d);
  return live;
}

/* 1 when this session may go on. */
int perip_admit(struct login *l, unsigned max)
{
  if (!max) return 1;
  stralloc path = {0};
  if (!home_path(&path, "var/run/pop3-perip")) return 1;
  int dir = open(path.s, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) { warn_sys("unable to open ", path.s, ": MAXPERIP not enforced"); stralloc_free(&path); return 1; }
  stralloc_free(&path);
  for (const char *p = l->ip; *p; ++p)
    if (*p == '/') { close(dir); return 1; }
  char mine[128], tmp[130];
  snprintf(mine, sizeof mine, "%s.%ld", l->ip, (long)getpid());
  snprintf(tmp, sizeof tmp, ".%s", mine);
  /* Locked under a hidden name first: a file that counters can see is
   * always held, or it is a leftover. */
  int fd = openat(dir, tmp, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0 || flock(fd, LOCK_EX) < 0 || renameat(dir, tmp, dir, mine) < 0) {
    warn_sys("unable to create var/run/pop3-perip/", mine, ": MAXPERIP not enforced");
    if (fd >= 0) { unlinkat(dir, tmp, 0); close(fd); }
    close(dir);
    return 1;
  }
  unsigned live = count_live(dir, l->ip, mine);
  if (live < max) { close(dir); return 1; }   /* fd stays open, holding the lock */
  unlinkat(dir, mine, 0);
  close(fd);
  close(dir);
  char nb[16];
  snprintf(nb, sizeof nb, "%u", live);
  log_line("refused ip=", l->ip, " reason=MAXPERIP live=", nb);
  return 0;
}
