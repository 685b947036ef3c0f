#include <errno.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include "write_timeout.h"

ssize_t write_timeout(int fd, const char *p, size_t n, unsigned seconds)
{
  size_t done = 0;
  while (done < n) {
    ssize_t w = send(fd, p + done, n - done, MSG_DONTWAIT | MSG_NOSIGNAL);
    if (w < 0 && errno == ENOTSOCK) w = write(fd, p + done, n - done);
    if (w >= 0) { done += (size_t)w; continue; }
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) return -1;
    struct pollfd pf = { .fd = fd, .events = POLLOUT };
    int r = poll(&pf, 1, seconds ? (int)seconds * 1000 : -1);
    if (r == 0) { errno = ETIMEDOUT; return -1; }
    if (r < 0 && errno != EINTR) return -1;
  }
  return (ssize_t)n;
}
