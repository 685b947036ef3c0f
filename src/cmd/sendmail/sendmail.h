#ifndef SENDMAIL_H
#define SENDMAIL_H

#include <stddef.h>
#include "buffer.h"
#include "qinject.h"
#include "stralloc.h"

/* sendmail's state: what the options asked for, the message's header
 * as read, and the envelope being built. */
struct sendmail {
  int from_headers;         /* -t, or no recipients given */
  int dot_ends;             /* a lone "." ends the message (no -i / -oi) */
  int mode;                 /* 'm' send, 'p' list the queue, 's' SMTP on stdin */
  const char *sender;       /* -f / -r; 0: the user's own address */
  const char *fullname;     /* -F */
  const char *notify;       /* -N, as given */
  const char *ret;          /* -R */
  const char *envid;        /* -V */
  const char *security;     /* -S */
  char **rcpts;             /* recipients on the command line */
  int nrcpts;

  stralloc login;           /* the invoking user's name */
  stralloc domain;          /* defaultdomain, else me */
  stralloc header;          /* the message's header as read (LF ends) */
  stralloc first_body;      /* a body line read while looking for the header's end */
  int at_eof;               /* the input ended within the header */
  stralloc env;             /* F and option records */
  stralloc envrcpt;         /* T and N records */
  stralloc notify_rec;      /* -N as an N record value */
  stralloc tmp;
  unsigned long nrcpt;
};

/* opts.c: 0 ok, else the usage error was printed (exit 100). */
int sendmail_options(struct sendmail *m, int argc, char **argv);
int notify_flags(stralloc *out, const char *text);

/* header.c */
int read_header(struct sendmail *m, buffer *in);
int read_line(struct sendmail *m, buffer *in, stralloc *line);
int header_has(const stralloc *header, const char *name);
int header_recipients(struct sendmail *m);
void header_write(struct sendmail *m, struct qinject *q);

/* smtp.c: sendmail -bs; never returns. */
_Noreturn void sendmail_smtp(struct sendmail *m, char **argv);
/* sendmail.c: execs command/NAME with argv (argv[0] is replaced). */
_Noreturn void sendmail_run(const char *name, char **argv);

/* addrlist.c: calls fn for each address of an RFC 5322 address list;
 * returns fn's first nonzero value, else 0. */
typedef int (*addr_fn)(void *ctx, const char *addr, size_t len);
int addrlist_each(const char *s, size_t len, addr_fn fn, void *ctx);

/* envelope.c */
int add_recipient(struct sendmail *m, const char *text, size_t len);
int build_envelope(struct sendmail *m);

#endif
