#ifndef LOGIN_ENV_H
#define LOGIN_ENV_H

#include <stddef.h>

/* The settings and peer of a pre-auth login program (pop3-login,
 * imap-login), from the environment its run script and tcpserver give. */

/* NAME as a count of seconds or tries: 1..86400 in plain decimal, else
 * dflt (unset, empty, 0, junk or too large). */
unsigned login_env_num(const char *name, unsigned dflt);

/* NAME is set to something other than empty, 0 or NO (any case). */
int login_env_yes(const char *name);

/* *ip: TCPREMOTEIP, or "unknown"; hostname: this host's name (for
 * greetings and challenges), or "localhost". */
void login_env_peer(const char **ip, char *hostname, size_t size);

/* Seconds a reply may wait for a client that does not read it. */
#define LOGIN_WRITE_TIMEOUT 30

/* login_write.c: all of s to fd 1; a client that is gone or stopped
 * reading for LOGIN_WRITE_TIMEOUT ends the process (exit 0). */
void login_write(const char *s, size_t n);

#endif
