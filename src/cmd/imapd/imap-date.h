#ifndef IMAP_DATE_H
#define IMAP_DATE_H

#include <time.h>

/* date-time of APPEND: "dd-Mon-yyyy hh:mm:ss +zzzz" (day may be
 * space-padded). 1 ok, 0 malformed. */
int imap_datetime(const char *s, time_t *t);

#endif
