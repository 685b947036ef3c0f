#ifndef DATE822_H
#define DATE822_H

#include <stddef.h>
#include <time.h>

enum { DATE822_MAX = 64 };

/* t as an RFC 5322 date in local time, "Sat, 21 Nov 2026 13:20:00 +0000"
 * (English names whatever the locale): its length. */
size_t date822(char out[DATE822_MAX], time_t t);

#endif
