#ifndef SMTPD_H
#define SMTPD_H

#include <stddef.h>
#include <sys/types.h>
#include "buffer.h"
#include "qinject.h"
#include "stralloc.h"
#include "tlsapp.h"

struct addr;

/* smtpd's state: the settings read once from the environment, the
 * client's input and output, and the current SMTP transaction. Every
 * command handler takes the session; main only wires. */

struct smtp_config {
  const char *me;                 /* our host name: greeting, Received: */
  unsigned long long sizelimit;   /* 0: none */
  unsigned long maxrcpts;
  int maxrcpts_hard;              /* 5xx instead of 4xx past maxrcpts */
  unsigned maxhops;               /* Received: lines before 554 loop */
  unsigned timeout;               /* seconds for every read */
  const char *auth_mechs;         /* ESMTPAUTH: offered mechanisms */
  const char *auth_mechs_tls;     /* ESMTPAUTH_TLS: offered after STARTTLS too */
  int auth_required;              /* AUTH_REQUIRED: no MAIL before AUTH */
  int checkdns;                   /* BOFHCHECKDNS: the sender's domain must exist */
  int suppress;                   /* BOFHSUPPRESSBACKSCATTER: 0 none, 1 unauthenticated SMTP, 2 every client */
  int relayclient;                /* RELAYCLIENT set by smtpaccess */
  const char *remoteip, *remotehost, *localip;
  struct tlsapp tls;              /* UCSPI-TLS descriptors; implicit: behind TLS already (port 465) */
  int denied;                     /* smtpaccess refuses this (IPv6) client */
  unsigned maxperip;              /* MAXPERIP: most sessions from one address, 0 none */
  int crowded;                    /* this address holds MAXPERIP sessions already */
  const char *bofh_badfrom, *bofh_spamtrap;   /* BOFH_*: bofh(5) lists, one entry a line */
  const char *bofh_freemail, *bofh_badmx;
  const char *local_login;        /* SENDMAIL_LOGIN: sendmail -bs for this local user */
  const char *queue_cmd;          /* queue-inject; 0: swallow messages (fuzzing) */
};

/* Buffered input with a timeout on every read. */
struct smtp_in {
  int fd;
  buffer *out;                    /* flushed before every wait for input */
  unsigned timeout;
  size_t pos, len;
  int eof;                        /* end of input, or timed out */
  int timedout;
  char buf[16384];
};

/* The message body as it streams to queue-inject (LF line ends). */
struct body {
  unsigned long long size;
  unsigned hops;                  /* Received: lines in the header */
  int in_header, bol;
  size_t hdrlen;                  /* bytes of the current header line seen (capped) */
  char hdr[10];
  int too_big, long_line, bare_lf, too_many_hops;
  int cr_pending;                 /* BDAT: a CR ended the previous chunk */
};

enum { BODY_7BIT, BODY_8BITMIME, BODY_BINARYMIME };

struct session {
  const struct smtp_config *cfg;
  struct smtp_in in;
  buffer out;
  char outbuf[4096];
  int quit;

  stralloc helo;
  int esmtp, seen_helo, tls, authed, auth_failures;
  stralloc authuser;

  /* transaction */
  int in_mail;
  stralloc sender;                /* canonical, empty for <> */
  stralloc envhead;               /* V H A B U records */
  stralloc envrcpt;               /* T N O records */
  unsigned long nrcpt, nrcpt_tried;
  unsigned long long declared_size;
  int body_type, smtputf8;
  int bdat_active, bdat_failed;
  int trapped;                    /* a spamtrap was among the recipients */
  struct qinject inj;
  struct body body;

  stralloc line;                  /* scratch: the command being handled */
  stralloc tmp;
};

/* io.c */
void in_init(struct smtp_in *in, int fd, unsigned timeout);
int in_line(struct smtp_in *in, stralloc *line, size_t max, int *too_long);
ssize_t in_bytes(struct smtp_in *in, char *dst, size_t max);
void in_discard(struct smtp_in *in);
/* Zeroes what was read already (credentials); pipelined input stays. */
void in_forget(struct smtp_in *in);
void out_flush(struct session *s);
void reply(struct session *s, const char *text);
void reply2(struct session *s, const char *a, const char *b);
void reply3(struct session *s, const char *a, const char *b, const char *c);

/* session.c */
void session_init(struct session *s, const struct smtp_config *cfg, int infd, int outfd);
void session_greet(struct session *s);
int session_step(struct session *s);     /* one command: 0 when the session is over */
void session_run(struct session *s);
void session_free(struct session *s);
void transaction_reset(struct session *s);
int smtp_command(struct session *s, const char *line, size_t len);

/* ehlo.c */
void smtp_helo(struct session *s, const char *arg);
void smtp_ehlo(struct session *s, const char *arg);
void smtp_help(struct session *s, const char *arg);

/* mail.c, rcpt.c */
void smtp_mail(struct session *s, const char *arg);
void smtp_rcpt(struct session *s, const char *arg);
int xtext_decode(stralloc *out, const char *s, size_t len);
int param_split(const char *p, const char **end, const char **eq);
void path_error(struct session *s, int err, const char *subject);

/* dnscheck.c */
int sender_domain_exists(const char *domain);

/* bofh.c: 1 refused (the reply was given), 0 go on */
int bofh_badfrom(struct session *s, const struct addr *a);
int bofh_freemail(struct session *s, const struct addr *a);
int bofh_badmx(struct session *s, const struct addr *a);
int bofh_spamtrap(struct session *s, const struct addr *a);

/* policy.c: 0 ok, else the reply was given */
int rcpt_policy(struct session *s, const struct addr *a);

/* data.c, bdat.c */
void smtp_data(struct session *s, const char *arg);
void smtp_bdat(struct session *s, const char *arg);
int body_begin(struct session *s);
void body_put(struct session *s, const char *p, size_t n);
void body_finish(struct session *s, const char *okcode);

/* received.c */
int received_line(stralloc *out, const struct session *s, const char *id);

/* auth.c, tls.c */
void smtp_auth(struct session *s, const char *arg);
void smtp_starttls(struct session *s, const char *arg);
int auth_offered(const struct session *s, const char *mech);

#endif
