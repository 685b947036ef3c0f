#ifndef WRITE_TIMEOUT_H
#define WRITE_TIMEOUT_H

#include <sys/types.h>

/* Writes all n bytes to fd: n, or -1 with errno (ETIMEDOUT when a
 * socket accepted nothing for seconds; 0 seconds waits for ever). A
 * client that stops reading cannot hold a server for ever. The timeout
 * is per call (MSG_DONTWAIT), not a property of the socket, which a
 * post-auth program inherits. A non-socket (the pipe to the TLS
 * program, which has its own stall timeout) is written as it is. */
ssize_t write_timeout(int fd, const char *p, size_t n, unsigned seconds);

#endif
