#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "die.h"
#include "exitcode.h"
#include "local.h"
#include "write_all.h"
#include "maildir.h"
#include "quota.h"

static int same_dir(const char *a, const char *b)
{
  struct stat sa, sb;
  return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* tmp/ -> fsync -> new/ (maildir.h); the account's quota applies to
 * its own maildir, a maildirsize file's to any other. Over quota is a
 * temporary failure, as in Courier, so the suppression list works. */
int deliver_maildir(struct lctx *c, const char *dir)
{
  size_t n = strlen(dir);
  stralloc d = {0};
  while (n > 1 && dir[n - 1] == '/') --n;
  if (!stralloc_copyb(&d, dir, n) || !stralloc_0(&d)) die_nomem();
  long long add = (long long)(c->size + c->rpline.len + c->dtline.len);
  const char *q = (c->quota && *c->quota && c->maildir && same_dir(d.s, c->maildir)) ? c->quota : 0;
  int over = quota_would_exceed(d.s, q, add, 1);
  if (over > 0) { stralloc_free(&d); return say(c, EXIT_TEMP, "4.2.2 mailbox is over quota: ", dir); }
  stralloc tmp = {0}, base = {0}, final = {0};
  int fd = maildir_tmp_open(d.s, &tmp, &base);
  int code = 0;
  if (fd < 0) { code = say(c, EXIT_TEMP, "4.2.0 unable to write to maildir ", dir, ": ", strerror(errno)); goto out; }
  if (message_copy(c, fd, 1, 0) < 0) {
    int e = errno;
    close(fd); unlink(tmp.s);
    code = say(c, EXIT_TEMP, "4.3.0 unable to write to maildir ", dir, ": ", strerror(e));
    goto out;
  }
  if (maildir_tmp_commit(fd, d.s, tmp.s, base.s, (off_t)add, "new", "", &final) < 0) {
    code = say(c, EXIT_TEMP, "4.3.0 unable to commit to maildir ", dir, ": ", strerror(errno));
    goto out;
  }
  quota_add(d.s, add, 1);
  ++c->ndelivered;
out:
  stralloc_free(&d); stralloc_free(&tmp); stralloc_free(&base); stralloc_free(&final);
  return code;
}

static void on_alarm(int sig) { (void)sig; }

/* Waits up to 30 seconds for the lock another reader or writer holds. */
static int lock_mbox(int fd)
{
  struct sigaction sa = { .sa_handler = on_alarm }, old;
  sigaction(SIGALRM, &sa, &old);
  alarm(30);
  int r = flock(fd, LOCK_EX);
  alarm(0);
  sigaction(SIGALRM, &old, 0);
  return r;
}

/* mbox: From_ line, Return-Path, Delivered-To, the message with From_
 * lines quoted, a blank line; flock'd, fsync'd, cut back on failure. */
int deliver_mbox(struct lctx *c, const char *path)
{
  int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return say(c, EXIT_TEMP, "4.2.0 unable to open mailbox ", path, ": ", strerror(errno));
  if (lock_mbox(fd) < 0) {
    close(fd);
    return say(c, EXIT_TEMP, "4.2.0 mailbox ", path, " is locked by another program; will retry");
  }
  struct stat st;
  int code = 0;
  if (fstat(fd, &st) < 0) { close(fd); return say(c, EXIT_TEMP, "4.3.0 unable to stat ", path); }
  int ended = -1;
  if (write_all(fd, c->ufline.s, c->ufline.len) < 0 || (ended = message_copy(c, fd, 1, 1)) < 0 ||
      write_all(fd, "\n\n", ended ? 1 : 2) < 0 || fsync(fd) < 0) {
    int e = errno;
    if (ftruncate(fd, st.st_size) < 0) warn_sys("unable to cut back ", path);
    code = say(c, EXIT_TEMP, "4.3.0 unable to write to mailbox ", path, ": ", strerror(e));
  } else {
    ++c->ndelivered;
  }
  close(fd);
  return code;
}
