#ifndef LOCAL_H
#define LOCAL_H

#include <sys/types.h>
#include "conf.h"
#include "stralloc.h"

/* One local delivery: the recipient, its account and the message on fd 0. */
struct lctx {
  const char *id, *sender, *recipient, *user, *home, *ext, *maildir, *quota;
  int alias;                 /* delivering an alias expansion as MAILUSER */
  stralloc local, host;      /* the recipient's local part and domain */
  stralloc dflt;             /* the part of EXT a -default file matched */
  stralloc dtline, rpline, ufline;
  stralloc instructions;     /* the delivery instructions, one per line */
  stralloc forwards;         /* addresses to forward to: a\0b\0 */
  stralloc result;           /* what is said about the delivery */
  struct conf_env courierd;
  stralloc aliashome;        /* etc/aliasdir, HOME of alias deliveries */
  off_t size;                /* of the message on fd 0 */
  int ndelivered;
};

/* Exit codes travel as the return values: 0, 99, 100, 111. */

/* dotfile.c: finds the instructions (dot-courier file or default). */
int dotfile_find(struct lctx *c);

/* message.c */
int message_loop_check(struct lctx *c);
int message_copy(struct lctx *c, int out, int headers, int mbox_quote);

/* mailbox.c */
int deliver_maildir(struct lctx *c, const char *dir);
int deliver_mbox(struct lctx *c, const char *path);

/* program.c */
int deliver_program(struct lctx *c, const char *cmd);
/* The most output of a ||program read as instructions, and how deep
 * such programs may nest. */
enum { DYNAMIC_MAX = 65536, DYNAMIC_DEPTH = 3 };
int dynamic_program(struct lctx *c, const char *cmd, stralloc *instructions);
int forward_all(struct lctx *c);

/* Sets c->result to the strings given; returns code. */
int say_strs(struct lctx *c, int code, ...);
#define say(c, code, ...) say_strs((c), (code), __VA_ARGS__, (const char *)0)

#endif
