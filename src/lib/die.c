#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "buffer.h"
#include "die.h"
#include "exitcode.h"

const char *PROG = "postern";

/* One write(2) per line, so lines from processes sharing a log pipe
 * never interleave; newlines inside parts are flattened so one event
 * stays one line, and other control characters (from clients) shown as '?'. */
static void emit(const char *kind, const char *first, va_list ap, int with_errno, int saved_errno)
{
  char line[2048];
  size_t len = 0;
  const char *part = first;

#define ADD(s) do { size_t n_ = strlen(s); if (n_ > sizeof line - 2 - len) n_ = sizeof line - 2 - len; \
                    memcpy(line + len, (s), n_); len += n_; } while (0)
  ADD(PROG);
  ADD(": ");
  if (kind) ADD(kind);
  while (part) { ADD(part); part = va_arg(ap, const char *); }
  if (with_errno) { ADD(": "); ADD(strerror(saved_errno)); }
#undef ADD
  for (size_t i = 0; i < len; ++i) {
    unsigned char c = (unsigned char)line[i];
    if (c == '\n' || c == '\r') line[i] = ' ';
    else if ((c < 0x20 && c != '\t') || c == 0x7f) line[i] = '?';   /* a client's escape sequences */
  }
  line[len++] = '\n';
  buffer_flush(buffer_2);
  (void)!write(2, line, len);
}

void die_strs(int code, int with_errno, ...)
{
  int saved_errno = errno;
  va_list ap;
  va_start(ap, with_errno);
  emit("fatal: ", va_arg(ap, const char *), ap, with_errno, saved_errno);
  va_end(ap);
  _exit(code);
}

void warn_strs(int with_errno, ...)
{
  int saved_errno = errno;
  va_list ap;
  va_start(ap, with_errno);
  emit("warning: ", va_arg(ap, const char *), ap, with_errno, saved_errno);
  va_end(ap);
  errno = saved_errno;
}

void log_strs(const char *first, ...)
{
  int saved_errno = errno;
  va_list ap;
  va_start(ap, first);
  emit(0, first, ap, 0, 0);
  va_end(ap);
  errno = saved_errno;
}

static void usage_line(const char *text, ...)
{
  va_list ap;
  va_start(ap, text);
  emit("usage: ", text, ap, 0, 0);
  va_end(ap);
}

void die_usage(const char *text)
{
  usage_line(text, (const char *)0);
  _exit(EXIT_PERM);
}

void die_nomem(void)
{
  die_strs(EXIT_TEMP, 0, "out of memory", (const char *)0);
}
