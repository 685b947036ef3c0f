#ifndef MAILDIR_H
#define MAILDIR_H

#include <stddef.h>
#include <sys/types.h>
#include "stralloc.h"

/* Maildir and Maildir++ (the formats Courier, Dovecot and mutt read).
 * Owner: shared by maildirmake, local, pop3d, imapd. */

/* Creates dir with tmp/ new/ cur/ (mode 0700). For a Maildir++ folder
 * (is_folder) also the empty "maildirfolder" file. 0 ok, -1 errno
 * (EEXIST when dir exists: nothing is clobbered). */
int maildir_make(const char *dir, int is_folder);

/* A new unique base name, "<sec>.M<usec>P<pid>Q<count>.<host>" with '/'
 * and ':' in the host name escaped as Courier does (\057, \072). */
int maildir_unique(stralloc *name);

/* Opens a new file in dir/tmp for writing (O_RDWR, O_EXCL, mode 0600):
 * returns the fd and sets tmppath, or -1 with errno. */
int maildir_tmp_open(const char *dir, stralloc *tmppath, stralloc *basename);

/* Makes a file written with maildir_tmp_open durable and visible: fsync
 * fd, close it, link into dir/new (sub "new") or dir/cur (sub "cur") as
 * basename ",S=<size>,W=<size with CRLF line ends>" plus info (e.g.
 * ":2,S" for cur; "" for new), unlink the tmp name, fsync the target
 * directory. ,W= (Dovecot's name for it) lets POP3 LIST and IMAP
 * RFC822.SIZE be exact without reading the file; it is left out when
 * the file cannot be read back (fd opened write-only elsewhere).
 * finalpath receives the new path. 0 ok, -1 errno (the tmp file is
 * removed). */
int maildir_tmp_commit(int fd, const char *dir, const char *tmppath, const char *basename,
                       off_t size, const char *sub, const char *info, stralloc *finalpath);

/* maildir_tmp_commit without its fsyncs: for a caller that fsyncs fd
 * itself before (outside a lock), makes the new name known elsewhere
 * under the lock, and syncs the directory after (fsync_dir_of(finalpath))
 * before it reports success. */
int maildir_tmp_link(int fd, const char *dir, const char *tmppath, const char *basename,
                     off_t size, const char *sub, const char *info, stralloc *finalpath);

/* The size a file name declares with ",S=<n>" (before ':'), or -1. */
long long maildir_name_size(const char *name);
/* The flags after ":2," in a name ("" when none); points into name. */
const char *maildir_name_flags(const char *name);

#endif
