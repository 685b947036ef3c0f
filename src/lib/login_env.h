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

#endif
