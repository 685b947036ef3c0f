#ifndef IMAPD_H
#define IMAPD_H

#include <stddef.h>
#include <time.h>
#include "buffer.h"
#include "stralloc.h"
#include "imap_parse.h"

/* ---- messages and the selected mailbox (imap-mbox.c) ---------------- */

/* Flags are kept as letters of the Maildir info ":2,<letters>": bit
 * (c - 'A') for an upper-case letter, and keywords as bit (c - 'a') of
 * kw, the letter indexing the folder's dovecot-keywords file. */
#define FL(c) (1u << ((c) - 'A'))
#define F_SEEN     FL('S')
#define F_ANSWERED FL('R')
#define F_FLAGGED  FL('F')
#define F_DELETED  FL('T')
#define F_DRAFT    FL('D')
#define F_LETTERS  0x3ffffffu
#define F_NEW      (1u << 26)   /* the file is in new/ (EXAMINE leaves it there) */
#define F_RECENT   (1u << 27)   /* \Recent for this session */
#define F_MARK     (1u << 28)   /* scratch mark of a sync or a command */
#define F_MODSEQ   (1u << 29)   /* flags changed: needs a new mod-sequence */

struct msg {
  unsigned uid;
  unsigned name;       /* offset of the file name (under cur/ or new/) in mbox.names */
  unsigned flags;
  unsigned kw;
  unsigned vsize;      /* RFC822.SIZE + 1; 0 while unknown */
  unsigned long long modseq;   /* CONDSTORE mod-sequence */
};

#define KW_MAX 26

struct mbox {
  stralloc dir;        /* the Maildir folder, no trailing '/' */
  stralloc name;       /* the IMAP name, e.g. INBOX or INBOX.Sent */
  int readonly;
  unsigned uidvalidity, uidnext;
  struct msg *m;
  size_t n, a;
  stralloc names;      /* file names, NUL-terminated */
  stralloc kwnames[KW_MAX];
  int nkw;
  unsigned recent;
  struct timespec cur_mtime, new_mtime, kw_mtime;
  int vsize_dirty;     /* vsizes learnt since the uid list was written */
  unsigned long long highestmodseq;
  stralloc rbuf;       /* mbox_map's buffer for small messages */
  long long expunged_bytes;  /* sizes of the files mbox_expunge removed */
  int want_watch;      /* mbox_open starts watching (imap-watch.c): a selected folder */
  int watching;        /* ino (inotify) watches new/ as wd_new and cur/ as wd_cur */
  int ino_open;        /* ino is open (kept from one selected folder to the next) */
  int ino, wd_new, wd_cur;
  /* A sync's buffers, kept for the next one (imap-sync.c): allocating
   * them anew each time costs page faults. */
  void *scan_e;
  size_t scan_a, scan_hsize;
  unsigned *scan_hash;
  stralloc scan_names;
};

/* What a sync found, for the untagged responses. */
struct sync_cb {
  void *ctx;
  void (*expunge)(void *ctx, size_t seq);    /* before removal, highest first */
  void (*flags)(void *ctx, size_t idx);      /* after expunges */
};

int mbox_open(struct mbox *mb, const char *dir, const char *name, int readonly);
void mbox_close(struct mbox *mb);
void mbox_free(struct mbox *mb);
/* Rescans when cur/ or new/ changed (or force). Returns the number of
 * new messages (appended at the end), or -1 on error. */
long mbox_sync(struct mbox *mb, int force, const struct sync_cb *cb);
const char *mbox_fname(const struct mbox *mb, size_t idx);
/* dir/cur/NAME or dir/new/NAME of message idx into path (NUL-terminated). */
int mbox_path(const struct mbox *mb, size_t idx, stralloc *path);
/* Renames the file to carry flags/kw; 0 ok, -1 gone or error. */
int mbox_set_flags(struct mbox *mb, size_t idx, unsigned flags, unsigned kw);
/* Removes messages, calling cb->expunge: all 1 every \Deleted one, 0
 * the \Deleted ones with F_MARK, 2 those with F_MARK (MOVE). Returns
 * the number removed. */
long mbox_expunge(struct mbox *mb, int all, const struct sync_cb *cb);
/* Drops the messages whose name is (unsigned)-1 (removed). */
void mbox_compact(struct mbox *mb);
/* ":2,<letters>" of flags and keywords, NUL-terminated. */
void info_of(stralloc *info, unsigned flags, unsigned kw);
/* Writes all of s to fd: 0 ok, -1 error. */
int fd_write_all(int fd, const char *s, size_t n);
/* RFC822.SIZE of message idx, computed (and cached) when unknown. */
long long mbox_vsize(struct mbox *mb, size_t idx);
/* Gives the messages marked F_MODSEQ a new mod-sequence, recorded in
 * the uid list (taking its lock unless locked). */
void mbox_modseq_commit(struct mbox *mb, int locked);
/* Index of uid, or -1. */
long mbox_find_uid(const struct mbox *mb, unsigned uid);
/* The message's bytes: read into a buffer the mbox keeps when small,
 * else mapped. 0 ok, -1 (expunged meanwhile). */
int mbox_map(struct mbox *mb, size_t idx, const char **buf, size_t *len);
void mbox_unmap(struct mbox *mb, const char *buf, size_t len);
time_t mbox_internaldate(struct mbox *mb, size_t idx);

/* The uid list (imap-uidlist.c): the file postern-uidlist. */
struct uidlist_entry {
  const char *base; size_t baselen;
  unsigned uid; unsigned vsize;
  unsigned long long modseq;   /* 0 when the line has none */
};
struct uidlist_head { unsigned validity, next; unsigned long long modseq; size_t lines; };
int uidlist_lock(const char *dir);
void uidlist_unlock(int fd);
/* Reads the list, calling fn for each line (a UID's later lines update
 * its earlier ones); sets validity, next, modseq and the count of lines
 * (0 when there is no list). 0 ok, -1 error. */
int uidlist_read(const char *dir, struct uidlist_head *h,
                 void (*fn)(void *ctx, const struct uidlist_entry *e), void *ctx);
/* Writes the list of mb's messages plus extra lines, atomically. */
int uidlist_write(const struct mbox *mb, const stralloc *extra);
/* Gives UIDs to new files, under the lock the caller holds. */
int uidlist_add(const char *dir, const stralloc *bases, size_t count, unsigned *validity, unsigned *first);
/* CONDSTORE: gives the messages marked F_MARK the next mod-sequence and
 * writes the list, keeping what others wrote meanwhile (newer
 * mod-sequences, lines of messages this session has not seen). The
 * caller holds the lock. 0 ok, -1 error. */
int uidlist_bump(struct mbox *mb);
/* Only reads the header: for STATUS. */
int uidlist_header(const char *dir, struct uidlist_head *h);

/* Keywords (imap-keywords.c): dovecot-keywords. */
int kw_load(struct mbox *mb);
/* Index of a keyword, adding it to the file when add; -1 none/full. */
int kw_index(struct mbox *mb, const char *name, int add);

/* ---- the session ---------------------------------------------------- */

enum { S_AUTH = 1, S_SELECTED = 2, S_LOGOUT = 4 };

struct config {
  const char *outbox;        /* OUTBOX folder name, or 0 */
  long idle_timeout;         /* seconds between IDLE's checks when inotify fails */
  long autologout;           /* seconds */
  const char *capability;    /* IMAP_CAPABILITY override, or 0 */
  const char *quota;         /* MAILDIRQUOTA */
  int keywords;              /* IMAP_KEYWORDS (default on) */
};


struct session {
  struct imap_in in;
  buffer out;
  char outbuf[16384];
  struct imap_cmd cmd;
  struct imap_limits lim;
  const char *tag;
  const char *cmdname;
  int uid;                   /* the command came with UID */
  int state;
  struct mbox mb;
  stralloc maildir;          /* root Maildir */
  struct config cfg;
  stralloc tmp, tmp2;
  int nosync;                /* this command may not announce expunges */
  int condstore;             /* CONDSTORE enabled (RFC 7162): MODSEQ in flag updates */
  int search_modseq;         /* the SEARCH being parsed has a MODSEQ key */
};

/* imap-write.c */
void out_s(struct session *s, const char *str);
void out_b(struct session *s, const char *buf, size_t len);
void out_u(struct session *s, unsigned long long n);
void out_astring(struct session *s, const char *str, size_t len);
void out_flush(struct session *s);
void out_tagged(struct session *s, const char *status, const char *text);
/* Tagged OK/NO/BAD: first reports mailbox changes (unless nosync). */
int reply(struct session *s, const char *status, const char *text);
#define reply_ok(s, t) reply((s), "OK", (t))
#define reply_no(s, t) reply((s), "NO", (t))
#define reply_bad(s, t) reply((s), "BAD", (t))
void out_flags(struct session *s, const struct mbox *mb, const struct msg *m);
void out_date(struct session *s, time_t t);
/* Untagged mailbox changes: EXPUNGE, FETCH FLAGS, EXISTS, RECENT. */
void report_changes(struct session *s, int force);

/* imap-seqset.c: "1:3,5,7:*" */
struct seqset { unsigned long (*r)[2]; size_t n, a; };
/* Parses; star is the value of '*'. 1 ok, 0 bad. */
int seqset_parse(struct seqset *set, const char *str, unsigned long star);
int seqset_has(const struct seqset *set, unsigned long v);
void seqset_free(struct seqset *set);
/* Marks (F_MARK) the messages the set names (uids when uid); returns the
 * count, or -1 when the set is malformed. */
long seqset_mark(struct session *s, const char *str, int uid);

/* imap-flags.c */
/* Parses a flag list (or a single flag); 1 ok, 0 bad flag. Keywords
 * get their indexes in kwmb's keyword file (added to it when add;
 * ignored when kwmb is 0). */
int flags_parse(struct session *s, const struct imap_arg *a, unsigned *flags, unsigned *kw,
                struct mbox *kwmb, int add);
void out_permflags(struct session *s);

/* imap-folder.c */
/* The directory of an IMAP mailbox name; 1 ok, 0 invalid name. */
int folder_dir(struct session *s, const char *name, stralloc *dir);
/* The canonical IMAP name (INBOX upper-cased, prefix added). */
int folder_canon(const char *name, stralloc *out);
int folder_valid(const char *name);
int folder_exists(struct session *s, const char *name);
int folder_is_inbox(const char *name);

/* imap-cmd.c */
void session_run(struct session *s);
void out_capability(struct session *s);

/* imap-select.c */
int session_select(struct session *s, const char *name, int readonly);
int select_command(struct session *s, struct imap_arg *args, int readonly);
void session_unselect(struct session *s);

/* imap-append.c: writes a message into a folder; returns its UID (0 when
 * unknown) or -1 with a reply text in *why. */
long append_message(struct session *s, const char *dir, const char *buf, size_t len,
                    unsigned flags, unsigned kw, time_t idate, const char **why);
/* imap-outbox.c */
int outbox_send(struct session *s, const char *buf, size_t len, const char **why);

/* Command handlers: args is the first argument after the command name. */
typedef int (*cmd_fn)(struct session *s, struct imap_arg *args);
#define CMD(name) int cmd_##name(struct session *s, struct imap_arg *args)
CMD(capability); CMD(noop); CMD(logout); CMD(select); CMD(examine); CMD(create);
CMD(delete); CMD(rename); CMD(subscribe); CMD(unsubscribe); CMD(list); CMD(lsub);
CMD(status); CMD(append); CMD(check); CMD(close); CMD(unselect); CMD(expunge);
CMD(search); CMD(fetch); CMD(store); CMD(copy); CMD(move); CMD(idle); CMD(namespace);
CMD(enable); CMD(id); CMD(getquotaroot); CMD(getquota); CMD(setquota); CMD(sort);
CMD(thread); CMD(login); CMD(authenticate); CMD(starttls);

static inline struct imap_arg *arg_next(struct session *s, struct imap_arg *a)
{
  return a ? imap_argp(&s->cmd, a->next) : 0;
}
static inline const char *arg_str(struct session *s, struct imap_arg *a)
{
  return imap_str(&s->cmd, a);
}

#endif
