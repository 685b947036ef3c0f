#ifndef POP3CMD_H
#define POP3CMD_H

#include <stddef.h>

/* POP3 command lines (RFC 1939, 2449, 5034, 2595), shared by pop3-login
 * and pop3d: one parser, so both refuse bad input the same way. */

enum pop3_verb {
  POP3_BAD,      /* malformed: err says why */
  POP3_UNKNOWN,
  POP3_USER, POP3_PASS, POP3_APOP, POP3_AUTH, POP3_STLS, POP3_CAPA, POP3_QUIT,
  POP3_STAT, POP3_LIST, POP3_RETR, POP3_DELE, POP3_NOOP, POP3_RSET, POP3_TOP, POP3_UIDL
};

#define POP3_LINE_MAX 1024   /* longest command line accepted, CRLF excluded */

struct pop3_cmd {
  enum pop3_verb verb;
  const char *err;       /* POP3_BAD: the -ERR text */
  const char *rest;      /* everything after "VERB " (USER, PASS keep spaces) */
  size_t rest_len;
  const char *arg[2];    /* blank-separated arguments, NUL-terminated in line */
  int nargs;
};

/* Parses line[0..len) (CR/LF already removed; line[len] must be
 * writable: arguments are NUL-terminated in place). Sets c->verb;
 * argument counts are checked per verb. */
void pop3_parse(struct pop3_cmd *c, char *line, size_t len);

/* Decimal digits only, at most 9 of them: 1 and *n set, or 0. */
int pop3_number(const char *s, unsigned long *n);

#endif
