/* MAXPERIP slots held by flock (perip.h). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include "die.h"
#include "home.h"
#include "perip.h"

/* name in dir is still the file open on fd: a leftover is removed only
 * if no new session has taken its name since it was opened. */
static int same_file(int dir, const char *name, int fd)
{
  struct stat a, b;
  return fstat(fd, &a) == 0 && fstatat(dir, name, &b, AT_SYMLINK_NOFOLLOW) == 0
      && a.st_ino == b.st_ino && a.st_dev == b.st_dev;
}

/* Sessions from ip that are alive now, not counting ours; removes the
 * files of dead ones. */
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
    /* Sessions hold their slot exclusively; a counter looks with a
     * shared lock, so two counters never see each other's look as a
     * live session. */
    if (flock(fd, LOCK_SH | LOCK_NB) < 0) { if (errno == EWOULDBLOCK) ++live; }
    else if (same_file(dir, de->d_name, fd)) unlinkat(dir, de->d_name, 0);
    close(fd);
  }
  closedir(d);
  return live;
}

/* Our file, locked under a hidden name first and then renamed, so a
 * file that counters can see is always held or is a leftover. */
static int lock_mine(int dir, const char *rel, const char *mine, int flags)
{
  char tmp[130];
  snprintf(tmp, sizeof tmp, ".%s", mine);
  int fd = openat(dir, tmp, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0 || flock(fd, LOCK_EX) < 0 || renameat(dir, tmp, dir, mine) < 0
      || ((flags & PERIP_INHERIT) && fcntl(fd, F_SETFD, 0) < 0)) {
    warn_sys("unable to create ", rel, "/", mine, ": MAXPERIP not enforced");
    if (fd >= 0) { unlinkat(dir, tmp, 0); close(fd); }
    return -1;
  }
  return fd;
}

int perip_take(const char *rel, const char *ip, unsigned max, int flags)
{
  if (!max || !ip || !*ip || strchr(ip, '/') || strlen(ip) > 100) return -2;
  stralloc path = {0};
  if (!home_path(&path, rel)) return -2;
  int dir = open(path.s, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) { warn_sys("unable to open ", path.s, ": MAXPERIP not enforced"); stralloc_free(&path); return -2; }
  stralloc_free(&path);
  char mine[128];
  snprintf(mine, sizeof mine, "%s.%ld", ip, (long)getpid());
  int fd = lock_mine(dir, rel, mine, flags);
  if (fd < 0) { close(dir); return -2; }
  unsigned live = count_live(dir, ip, mine);
  if (live < max) { close(dir); return fd; }
  unlinkat(dir, mine, 0);
  close(fd);
  close(dir);
  char nb[16];
  snprintf(nb, sizeof nb, "%u", live);
  log_line("refused ip=", ip, " reason=MAXPERIP live=", nb);
  return -1;
}
