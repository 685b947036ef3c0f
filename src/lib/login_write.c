/* The reply writer of the pre-auth login programs. */
#include <unistd.h>
#include "login_env.h"
#include "write_timeout.h"

void login_write(const char *s, size_t n)
{
  while (n) {
    ssize_t w = write_timeout(1, s, n, LOGIN_WRITE_TIMEOUT);
    if (w <= 0) _exit(0);   /* the client is gone, or stopped reading */
    s += w;
    n -= (size_t)w;
  }
}
