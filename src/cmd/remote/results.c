#include "buffer.h"
#include "die.h"
#include "fmt.h"
#include "remote.h"

void result_put(const struct job *job, size_t index, char status, const char *text)
{
  char num[FMT_ULONG];
  num[fmt_ulong(num, index)] = 0;
  char st[2] = { status, 0 };
  buffer_puts(buffer_1, job->id.s);
  buffer_puts(buffer_1, " ");
  buffer_puts(buffer_1, num);
  buffer_puts(buffer_1, " ");
  buffer_puts(buffer_1, st);
  buffer_puts(buffer_1, " ");
  for (const char *p = text; *p; ++p) buffer_put(buffer_1, (*p == '\n' || *p == '\r') ? " " : p, 1);
  buffer_puts(buffer_1, "\n");
  log_line(job->id.s, " ", job->rcpts[index].addr.s, " ", st, " ", text);
}

void result_all(const struct job *job, char status, const char *text)
{
  for (size_t i = 0; i < job->nrcpts; ++i) result_put(job, i, status, text);
}

void result_end(const struct job *job)
{
  buffer_puts(buffer_1, job->id.s);
  buffer_puts(buffer_1, " .\n");
  buffer_flush(buffer_1);
}
