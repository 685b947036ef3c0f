/* imap-login's client I/O: replies written at once, input read by the
 * shared reader one byte at a time. */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "login.h"

void login_puts(const char *s) { login_write(s, strlen(s)); }

void login_tagged(struct login *l, const char *status, const char *text)
{
  stralloc line = { 0 };
  if (!stralloc_copys(&line, l->tag ? l->tag : "*") || !stralloc_cats(&line, " ") ||
      !stralloc_cats(&line, status) || !stralloc_cats(&line, " ") || !stralloc_cats(&line, text) ||
      !stralloc_cats(&line, "\r\n"))
    _exit(111);
  login_write(line.s, line.len);
  stralloc_free(&line);
}

int login_read_line(struct login *l, stralloc *line, size_t max)
{
  char c;
  int toolong = 0;
  line->len = 0;
  /* Sized once: growing by realloc would leave copies of a SASL
   * response behind in freed memory. */
  if (!stralloc_ready(line, max + 1)) return 0;
  for (;;) {
    int r = imap_in_getc(&l->in, &c);
    if (r <= 0) return 0;
    if (c == '\n') break;
    if (line->len >= max) toolong = 1;
    else if (!stralloc_append(line, &c)) return 0;
  }
  if (toolong) return 2;
  if (line->len && line->s[line->len - 1] == '\r') --line->len;
  return stralloc_0(line) ? (--line->len, 1) : 0;
}
