/* Writing a message into a folder (APPEND, and COPY's fallback): the
 * Maildir tmp/ -> cur/ commit, made visible under the uid list lock
 * together with its UID. */
#include <errno.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>
#include "imapd.h"
#include "fsync_dir.h"
#include "maildir.h"
#include "quota.h"

long append_message(struct session *s, const char *dir, const char *buf, size_t len,
                    unsigned flags, unsigned kw, time_t idate, const char **why)
{
  stralloc tmp = { 0 }, base = { 0 }, final = { 0 }, info = { 0 }, name = { 0 };
  long uid = -1;
  *why = "[SERVERBUG] Unable to store the message";
  if (s->cfg.quota && quota_would_exceed(s->maildir.s, s->cfg.quota, (long long)len, 1) == 1) {
    *why = "[OVERQUOTA] Mailbox is full";
    return -1;
  }
  int fd = maildir_tmp_open(dir, &tmp, &base);
  if (fd < 0) return -1;
  /* The data is made durable before the lock (the fsync in the commit
   * below then has nothing left to write), so the lock covers only the
   * new name and the uid list line. */
  if (fd_write_all(fd, buf, len) < 0 || fsync(fd) < 0) {
    if (errno == ENOSPC || errno == EDQUOT) *why = "[OVERQUOTA] No space left";
    close(fd);
    unlink(tmp.s);
    goto out;
  }
  info_of(&info, flags & F_LETTERS, kw);
  /* The file appears in cur/ under the uid list lock, so no other
   * session's sync sees it first and rewrites the whole list for it:
   * its UID is an appended line. */
  int lock = uidlist_lock(dir);
  if (maildir_tmp_link(fd, dir, tmp.s, base.s, (off_t)len, "cur", info.s, &final) < 0) {
    if (errno == ENOSPC || errno == EDQUOT) *why = "[OVERQUOTA] No space left";
    uidlist_unlock(lock);
    goto out;
  }
  if (idate > 0) {
    struct timeval tv[2] = { { idate, 0 }, { idate, 0 } };
    utimes(final.s, tv);
  }
  const char *fn = strrchr(final.s, '/') + 1;
  unsigned validity, first;
  /* Without the lock (lock < 0) a session that saw the file first has
   * given it its UID, and uidlist_add then returns that one. */
  if (stralloc_copys(&name, fn) && stralloc_0(&name) && uidlist_add(dir, &name, 1, &validity, &first) == 0)
    uid = first;
  else
    uid = 0;
  uidlist_unlock(lock);
  /* The new name durable before the answer, but outside the lock: a
   * crash before it leaves at worst a uid list line whose file is gone,
   * dropped like an expunged message, for an APPEND never answered. */
  if (fsync_dir_of(final.s) < 0) {
    if (errno == ENOSPC || errno == EDQUOT) *why = "[OVERQUOTA] No space left";
    uid = -1;
    goto out;
  }
  quota_add(s->maildir.s, (long long)len, 1);
out:
  stralloc_free(&tmp);
  stralloc_free(&base);
  stralloc_free(&final);
  stralloc_free(&info);
  stralloc_free(&name);
  return uid;
}
