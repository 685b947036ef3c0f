#include <errno.h>
#include <string.h>
#include "conf.h"
#include <stdio.h>
#include "qenv.h"
#include "scan.h"

/* "idx code time text": 1 applied, 0 malformed (skipped). */
static int apply(struct qstat *st, size_t n, const char *line, size_t len)
{
  unsigned long idx, when;
  size_t p = scan_ulong(line, &idx);
  if (!p || p + 3 > len || line[p] != ' ') return 0;
  char code = line[p + 1];
  if (line[p + 2] != ' ') return 0;
  size_t q = scan_ulong(line + p + 3, &when);
  if (!q) return 0;
  size_t t = p + 3 + q;
  if (t < len && line[t] == ' ') ++t;
  if (idx >= n) return 1;
  struct qstat *s = st + idx;
  s->last = when;
  if (code == 'W') { s->warned = 1; return 1; }
  if (code != 'D' && code != 'F' && code != 'T') return 0;
  s->state = code;
  if (code == 'T') ++s->tries;
  if (!stralloc_copyb(&s->text, line + t, len - t) || !stralloc_0(&s->text)) return 0;
  --s->text.len;
  return 1;
}

void qstatus_parse(const char *buf, size_t len, struct qstat *st, size_t n)
{
  size_t start = 0;
  for (size_t i = 0; i < len; ++i) {
    if (buf[i] != '\n') continue;
    apply(st, n, buf + start, i - start);
    start = i + 1;
  }
}

int qstatus_read(const char *path, struct qstat *st, size_t n)
{
  stralloc sa = {0};
  int r = conf_slurp(&sa, path);
  if (r > 0) qstatus_parse(sa.s, sa.len, st, n);
  stralloc_free(&sa);
  return r;
}

int qstatus_line(stralloc *sa, size_t idx, char code, unsigned long when, const char *text)
{
  char a[24], b[24];
  snprintf(a, sizeof a, "%zu", idx);
  snprintf(b, sizeof b, "%lu", when);
  if (!stralloc_cats(sa, a) || !stralloc_append(sa, " ") ||
      !stralloc_catb(sa, &code, 1) || !stralloc_append(sa, " ") ||
      !stralloc_cats(sa, b) || !stralloc_append(sa, " "))
    return 0;
  for (const char *t = text; t && *t; ++t) {
    char c = (*t == '\n' || *t == '\r') ? ' ' : *t;
    if (!stralloc_append(sa, &c)) return 0;
  }
  return stralloc_append(sa, "\n");
}

void qstat_free(struct qstat *st, size_t n)
{
  for (size_t i = 0; i < n; ++i) stralloc_free(&st[i].text);
}
