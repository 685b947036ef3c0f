#ifndef PEERPROOF_H
#define PEERPROOF_H

#include <sys/types.h>
#include "authkey.h"
#include "stralloc.h"

/* SSL_PEER_LOGIN_PROOF (doc/INTERFACES.md sections 4 and 6): tlsd,
 * holding authcheck's key, vouches that it verified a certificate for
 * a login, bound to one tlsd process (its pid and start time, so a
 * later process with a recycled pid cannot use it). Form:
 * "PID.START.MAC", MAC over "external", login and "PID.START". */

/* The start time of process pid (clock ticks since boot, field 22 of
 * /proc/PID/stat) and its parent: 1, or 0 when it cannot be read. */
int proc_start(pid_t pid, unsigned long long *start, pid_t *ppid);

/* out = the proof for login, by the process pid started at start. */
int peerproof_make(const struct authkey *k, const char *login, pid_t pid,
                   unsigned long long start, stralloc *out);

/* 1 when proof is well formed and its MAC is right for login; *pid and
 * *start are the process it names. 0 otherwise. */
int peerproof_check(const struct authkey *k, const char *login, const char *proof,
                    pid_t *pid, unsigned long long *start);

#endif
