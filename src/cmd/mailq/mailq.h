#ifndef MAILQ_H
#define MAILQ_H

#include <time.h>
#include "buffer.h"
#include "stralloc.h"

/* Everybody's messages, for mailq_message's owner. */
#define MAILQ_ALL (-1L)

/* Lists one queued message (queue(5)): its id, size, age and sender,
 * then each recipient with its last status line. Run inside queue/.
 * owner >= 0 lists only a message whose I record (the uid that
 * injected it) is owner. 1 listed, 0 gone meanwhile (delivered) or
 * someone else's, -1 unreadable (errno). */
int mailq_message(buffer *out, const char *id, time_t now, long owner);

/* "42s", "5m", "3h", "2d". */
void mailq_age(char *out, long seconds);

#endif
