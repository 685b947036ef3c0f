#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include "conf.h"
#include "fmt.h"
#include "mailq.h"
#include "queue_env.h"
#include "scan.h"

void mailq_age(char *out, long s)
{
  char unit = 's';
  if (s < 0) s = 0;
  if (s >= 172800) { s /= 86400; unit = 'd'; }
  else if (s >= 7200) { s /= 3600; unit = 'h'; }
  else if (s >= 120) { s /= 60; unit = 'm'; }
  size_t n = fmt_ulong(out, (unsigned long)s);
  out[n++] = unit;
  out[n] = 0;
}

/* The last status line of recipient index, or 0. */
static const char *last_status(const stralloc *status, unsigned long index, size_t *len)
{
  const char *found = 0;
  for (size_t pos = 0; pos < status->len;) {
    const char *line = status->s + pos;
    const char *nl = memchr(line, '\n', status->len - pos);
    size_t n = nl ? (size_t)(nl - line) : status->len - pos;
    unsigned long i;
    size_t k = scan_ulong(line, &i);
    if (k && k < n && line[k] == ' ' && i == index) { found = line + k + 1; *len = n - k - 1; }
    pos += n + 1;
  }
  return found;
}

static void recipient(buffer *out, const char *rcpt, size_t rlen, const stralloc *status, unsigned long index)
{
  size_t slen = 0;
  const char *st = last_status(status, index, &slen);
  buffer_puts(out, "    ");
  buffer_put(out, rcpt, rlen);
  if (!st) { buffer_puts(out, "  queued\n"); return; }
  static const char *const words[] = { "D", "delivered", "F", "failed", "T", "deferred", "W", "delayed", 0 };
  const char *word = "?";
  for (int i = 0; words[i]; i += 2)
    if (slen && st[0] == words[i][0]) word = words[i + 1];
  buffer_puts(out, "  ");
  buffer_puts(out, word);
  /* skip "<letter> <time> " to the text */
  const char *text = memchr(st, ' ', slen);
  if (text) text = memchr(text + 1, ' ', slen - (size_t)(text + 1 - st));
  if (text) { buffer_puts(out, ": "); buffer_put(out, text + 1, slen - (size_t)(text + 1 - st)); }
  buffer_puts(out, "\n");
}

static void head(buffer *out, const char *id, off_t size, long age, const char *sender, size_t slen)
{
  char num[FMT_ULONG * 2], agebuf[FMT_ULONG + 2];
  num[fmt_ulonglong(num, (unsigned long long)size)] = 0;
  mailq_age(agebuf, age);
  buffer_puts(out, id);
  buffer_puts(out, "  ");
  buffer_puts(out, num);
  buffer_puts(out, "  ");
  buffer_puts(out, agebuf);
  buffer_puts(out, "  <");
  buffer_put(out, sender, slen);
  buffer_puts(out, ">\n");
}

int mailq_message(buffer *out, const char *id, time_t now, long owner)
{
  stralloc path = { 0, 0, 0 }, env = { 0, 0, 0 }, status = { 0, 0, 0 };
  int r = -1;
  struct stat st;
  if (!stralloc_copys(&path, "env/") || !stralloc_cats(&path, id) || !stralloc_0(&path)) goto out;
  r = conf_slurp(&env, path.s);
  if (r <= 0) goto out;
  path.len = 0;
  if (!stralloc_copys(&path, "mess/") || !stralloc_cats(&path, id) || !stralloc_0(&path)) { r = -1; goto out; }
  if (stat(path.s, &st) != 0) st.st_size = 0;
  path.len = 0;
  if (!stralloc_copys(&path, "status/") || !stralloc_cats(&path, id) || !stralloc_0(&path)) { r = -1; goto out; }
  if (conf_slurp(&status, path.s) < 0) status.len = 0;
  unsigned long long arrived = 0;
  unsigned long index = 0;
  size_t pos = 0, vlen;
  char t;
  const char *v;
  unsigned long uid;
  while (queue_env_next(env.s, env.len, &pos, &t, &v, &vlen) > 0) {
    if (t == 'Q') scan_ulonglong(v, &arrived);
    /* I comes before F: nothing of another user's message is written. */
    else if (t == 'I' && owner != MAILQ_ALL && (scan_ulong(v, &uid) != vlen || uid != (unsigned long)owner)) { r = 0; goto out; }
    else if (t == 'F') head(out, id, st.st_size, (long)(now - (time_t)arrived), v, vlen);
    else if (t == 'T') recipient(out, v, vlen, &status, index++);
  }
  r = 1;
out:
  stralloc_free(&path);
  stralloc_free(&env);
  stralloc_free(&status);
  return r;
}
