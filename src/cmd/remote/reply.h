#ifndef REMOTE_REPLY_H
#define REMOTE_REPLY_H

#include "conn.h"

/* An SMTP reply: its code and its lines joined with "/" into one line,
 * as results and DSNs carry it. */
struct reply {
  int code;          /* 0 when the peer sent garbage or nothing */
  stralloc text;     /* "250 2.0.0 ok" style, multi-line joined by "/" */
  stralloc lines;    /* each line's text after the code, NUL-terminated, for EHLO */
};

/* 0 ok (code may be 0 for a malformed reply), -1 connection lost or timed out. */
int reply_read(struct conn *c, struct reply *r);

/* What EHLO offered. */
struct caps {
  int esmtp, pipelining, eightbitmime, dsn, smtputf8, chunking, starttls;
  unsigned long size;        /* 0: no limit announced */
  stralloc auth;             /* " PLAIN LOGIN CRAM-MD5 " (upper case, spaces around) */
};

void caps_parse(struct caps *caps, const struct reply *ehlo);

#endif
