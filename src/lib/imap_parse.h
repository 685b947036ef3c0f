#ifndef IMAP_PARSE_H
#define IMAP_PARSE_H

#include <stddef.h>
#include "stralloc.h"

/* Reading and tokenising IMAP commands (RFC 3501 section 9, RFC 7888
 * literals), shared by imap-login and imapd.
 *
 * A command is read in two steps. imap_read_command assembles the raw
 * bytes: lines up to CRLF/LF, and after a line ending in {n} or {n+}
 * the n bytes of the literal and the rest of the command. Sizes are
 * checked before anything is read, so an oversized literal is never
 * buffered. imap_parse then splits the raw bytes into a tree of
 * arguments. */

enum { IMAP_ATOM = 1, IMAP_QUOTED, IMAP_LITERAL, IMAP_LIST, IMAP_NIL };

struct imap_arg {
  unsigned char type;
  size_t off;        /* into imap_cmd.strs; every string is NUL-terminated */
  size_t len;
  int child;         /* IMAP_LIST: index of the first element, -1 if empty */
  int next;          /* the next sibling, -1 at the end of a list */
};

struct imap_cmd {
  stralloc raw;      /* the command as received, literals included */
  stralloc strs;     /* argument strings */
  struct imap_arg *args;
  size_t nargs, aargs;
  int first;         /* the first top-level argument (the tag), -1 if none */
};

struct imap_limits {
  size_t line_max;      /* one line, without literals */
  size_t literal_max;   /* all of a command's literals together, except ... */
  size_t append_max;    /* ... the literals of APPEND */
  size_t command_max;   /* everything, literals excluded */
  int depth_max;        /* nested parentheses */
};

/* Input from a file descriptor. With bytewise set every read(2) asks for
 * one byte, so nothing after the current command is taken from the
 * descriptor (a login program hands the rest to the next program). */
struct imap_in {
  int fd;
  int bytewise;
  int timeout_ms;    /* <= 0: wait for ever */
  size_t pos, len;
  char buf[4096];
};

/* Called before the server waits for a synchronising literal: it writes
 * "+ ..." and flushes. Return 0 to go on, -1 to give up (write error). */
typedef int (*imap_cont_fn)(void *ctx);

enum {
  IMAP_READ_OK = 0,
  IMAP_READ_EOF,          /* connection closed or timed out before a command */
  IMAP_READ_TOOLONG,      /* a line was longer than line_max: discarded up to LF */
  IMAP_READ_TOOBIG,       /* a synchronising literal over its limit: not read,
                             the rest of that line discarded */
  IMAP_READ_FATAL         /* a non-synchronising literal over its limit, a read
                             error or EOF inside a command: close the session */
};

void imap_in_init(struct imap_in *in, int fd, int bytewise, int timeout_ms);
/* Bytes read from fd but not yet consumed (0 in bytewise mode). */
size_t imap_in_pending(const struct imap_in *in);
/* Discards buffered input (after STARTTLS). */
void imap_in_drop(struct imap_in *in);
/* One byte: 1 read, 0 EOF, -1 error or timeout (errno ETIMEDOUT). */
int imap_in_getc(struct imap_in *in, char *c);

int imap_read_command(struct imap_in *in, struct imap_cmd *cmd, const struct imap_limits *lim,
                      imap_cont_fn cont, void *ctx);

/* Tokenises cmd->raw. 1 ok; 0 syntax error with *err a short reason;
 * -1 out of memory. */
int imap_parse(struct imap_cmd *cmd, int depth_max, const char **err);

/* The tag of the raw command when imap_parse failed ("*" when none could
 * be found), copied into tag (NUL-terminated). */
void imap_raw_tag(const struct imap_cmd *cmd, stralloc *tag);

void imap_cmd_free(struct imap_cmd *cmd);

static inline const char *imap_str(const struct imap_cmd *c, const struct imap_arg *a)
{
  return c->strs.s + a->off;
}
static inline struct imap_arg *imap_argp(const struct imap_cmd *c, int i)
{
  return i < 0 ? 0 : &c->args[i];
}
/* True for an atom, quoted string or literal. */
static inline int imap_is_string(const struct imap_arg *a)
{
  return a && (a->type == IMAP_ATOM || a->type == IMAP_QUOTED || a->type == IMAP_LITERAL);
}
/* Case-insensitive compare of an atom with a word. */
int imap_atom_is(const struct imap_cmd *c, const struct imap_arg *a, const char *word);

#endif
