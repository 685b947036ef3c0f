#ifndef QUEUE_ID_H
#define QUEUE_ID_H

#include <sys/types.h>
#include <sys/time.h>

/* Queue ids, "<seconds-hex><microseconds-hex, 5 digits>.<pid-hex>"
 * (doc/INTERFACES.md section 3): sortable by arrival, unique on a host
 * because a pid is never reused within the same microsecond. */

enum { QUEUE_ID_MAX = 40 };

/* Writes the id for time tv and process pid into out (NUL-terminated). */
void queue_id_make(char out[QUEUE_ID_MAX], const struct timeval *tv, pid_t pid);

/* 1 if s is a well-formed id whose pid part is pid, else 0. */
int queue_id_valid(const char *s, pid_t pid);

#endif
