#ifndef ME_H
#define ME_H

#include "stralloc.h"

/* This machine's mail name: the first line of etc/me, else the host
 * name (as Courier). out is NUL-terminated, lower-cased, without a
 * trailing dot. 1 ok, -1 error (errno). */
int me_name(stralloc *out);

#endif
