#ifndef PERIP_H
#define PERIP_H

/* MAXPERIP, the most simultaneous sessions from one client address,
 * for the servers tcpserver starts (tcpserver limits sessions only in
 * total). A session holds an flock on DIR/IP.PID for as long as it
 * lives; a file nobody holds is a leftover of a killed session, so a
 * slot frees the moment its holder dies, however it dies. DIR is under
 * the postern root (var/run/pop3-perip, var/run/imap-perip,
 * var/run/smtp-perip), writable by the daemon user only: the service's
 * run script makes it. */

#define PERIP_INHERIT 1   /* the slot survives exec: post-auth programs keep it */

/* Takes a slot for ip when fewer than max sessions from ip hold one.
 * Returns the descriptor holding the slot (leave it open for the whole
 * session; close-on-exec unless PERIP_INHERIT), -1 when ip is over the
 * limit (logged: "refused ip=IP reason=MAXPERIP live=N"), or -2 when no
 * limit applies: max 0, or DIR unusable (warned, the session goes on,
 * since a broken lock directory must not stop mail). */
int perip_take(const char *dir, const char *ip, unsigned max, int flags);

#endif
