#ifndef WRITE_ALL_H
#define WRITE_ALL_H

#include <stddef.h>

/* Writes all len bytes to fd, across short writes and EINTR: 0, or -1
 * with errno (a write that wrote nothing counts as a failure). */
int write_all(int fd, const char *s, size_t len);

#endif
