/* Writing a message into a folder (APPEND, and COPY's fallback): the
 * Maildir tmp/ -> cur/ commit, made visible under the uid list lock
 * together with its UID. */
#include <errno.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>
#include "imapd.h"
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
  if (fd_write_all(fd, buf, len) < 0) { close(fd); unlink(tmp.s); goto out; }
  info_of(&info, flags & F_LETTERS, kw);
  if (maildir_tmp_commit(fd, dir, tmp.s, base.s, (off_t)len, "cur", info.s, &final) < 0) {
    if (errno == ENOSPC || errno == EDQUOT) *why = "[OVERQUOTA] No space left";
    goto out;
  }
  if (idate > 0) {
    struct timeval tv[2] = { { idate, 0 }, { idate, 0 } };
    utimes(final.s, tv);
  }
  const char *fn = strrchr(final.s, '/') + 1;
  unsigned validity, first;
  /* The lock only around the uid list: a session that saw the file
   * first has given it its UID, and uidlist_add then returns that one. */
  int lock = uidlist_lock(dir);
  if (stralloc_copys(&name, fn) && stralloc_0(&name) && uidlist_add(dir, &name, 1, &validity, &first) == 0)
    uid = first;
  else
    uid = 0;
  uidlist_unlock(lock);
  quota_add(s->maildir.s, (long long)len, 1);
out:
  stralloc_free(&tmp);
  stralloc_free(&base);
  stralloc_free(&final);
  stralloc_free(&info);
  stralloc_free(&name);
  return uid;
}
