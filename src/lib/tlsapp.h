#ifndef TLSAPP_H
#define TLSAPP_H

/* The application side of the UCSPI-TLS hand-off (doc/INTERFACES.md
 * section 6), shared by smtpd, pop3-login and imap-login: the TLS
 * program in front does the cryptography; the server asks for it on
 * SSLCTLFD and then talks through SSLREADFD and SSLWRITEFD. */

struct tlsapp {
  int ctl;         /* SSLCTLFD, or -1: no STARTTLS (also when a data fd is missing) */
  int rfd, wfd;    /* SSLREADFD, SSLWRITEFD */
  int implicit;    /* no ctl, and SSL_PROTOCOL set: started behind TLS already */
};

/* Reads the descriptors from the environment. */
void tlsapp_env(struct tlsapp *t);

/* Asks for the handshake on t->ctl and waits for its NAME=value
 * variables (up to timeout seconds; 0 no limit). The SSL_* ones replace
 * any the environment had, and TLS is set to SSL_PROTOCOL. 1 TLS is up
 * (read t->rfd, write t->wfd), 0 the handshake failed (the TLS program
 * logs why). */
int tlsapp_start(const struct tlsapp *t, unsigned timeout);

/* For a server talking on fds 0 and 1: moves t->rfd and t->wfd there,
 * closes t->ctl and drops SSLCTLFD, SSLREADFD, SSLWRITEFD from the
 * environment (nothing started later can ask again). 0 on failure. */
int tlsapp_to_stdio(struct tlsapp *t);

#endif
