#include <string.h>
#include "fmt.h"
#include "scan.h"
#include "queue_id.h"

void queue_id_make(char out[QUEUE_ID_MAX], const struct timeval *tv, pid_t pid)
{
  size_t n = fmt_xlonglong(out, (unsigned long long)tv->tv_sec);
  char usec[16];
  size_t u = fmt_xlong(usec, (unsigned long)tv->tv_usec);
  for (; u < 5; ++u) out[n++] = '0';
  n += fmt_xlong(out + n, (unsigned long)tv->tv_usec);
  out[n++] = '.';
  n += fmt_xlong(out + n, (unsigned long)pid);
  out[n] = 0;
}

int queue_id_valid(const char *s, pid_t pid)
{
  size_t len = strnlen(s, QUEUE_ID_MAX);
  const char *dot = memchr(s, '.', len);
  if (len >= QUEUE_ID_MAX || !dot || dot - s < 6) return 0;
  for (const char *p = s; p < s + len; ++p)
    if (p != dot && !strchr("0123456789abcdef", *p)) return 0;
  unsigned long got;
  size_t n = scan_xlong(dot + 1, &got);
  return n && dot + 1 + n == s + len && got == (unsigned long)pid;
}
