#ifndef MAILQ_H
#define MAILQ_H

#include <time.h>
#include "buffer.h"
#include "stralloc.h"

/* Lists one queued message (queue(5)): its id, size, age and sender,
 * then each recipient with its last status line. Run inside queue/.
 * 1 listed, 0 gone meanwhile (delivered), -1 unreadable (errno). */
int mailq_message(buffer *out, const char *id, time_t now);

/* "42s", "5m", "3h", "2d". */
void mailq_age(char *out, long seconds);

#endif
