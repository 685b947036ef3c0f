#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "authcheck.h"

int creds_read(struct authcheck *a, int fd)
{
  a->inlen = 0;
  for (;;) {
    ssize_t r = read(fd, a->input + a->inlen, sizeof a->input - 1 - a->inlen);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) return -1;
    if (r == 0) break;
    a->inlen += (size_t)r;
    if (a->inlen == sizeof a->input - 1) {
      /* One byte more than the limit is enough to know it is too long. */
      char extra;
      ssize_t more;
      while ((more = read(fd, &extra, 1)) < 0 && errno == EINTR) {}
      if (more > 0) return 0;
      break;
    }
  }
  a->input[a->inlen] = 0;
  return 1;
}

/* The next NUL-terminated field from *pos, or 0 when none is left. */
static const char *field(struct authcheck *a, size_t *pos, size_t *len)
{
  if (*pos >= a->inlen) return 0;
  const char *f = a->input + *pos;
  const char *nul = memchr(f, 0, a->inlen - *pos);
  if (!nul) return 0;
  *len = (size_t)(nul - f);
  *pos += *len + 1;
  return f;
}

int creds_split(struct authcheck *a)
{
  size_t pos = 0, len = 0;
  a->login = field(a, &pos, &len);
  if (!a->login) return 0;
  if (!len && !a->external) return 0;
  if (a->external) return 1;
  if (a->cram || a->apop) {
    a->challenge = field(a, &pos, &a->challengelen);
    if (!a->challenge || !a->challengelen) return 0;
  }
  a->secret = field(a, &pos, &a->secretlen);
  if (!a->secret || !a->secretlen) return 0;
  if (a->change) {
    a->newpw = field(a, &pos, &a->newpwlen);
    if (!a->newpw || !a->newpwlen) return 0;
  }
  return 1;
}
