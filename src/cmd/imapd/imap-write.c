#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "die.h"
#include "fmt.h"
#include "imapd.h"

void out_b(struct session *s, const char *buf, size_t len)
{
  if (buffer_put(&s->out, buf, len) < 0) die_sys(111, "unable to write to client");
}

void out_s(struct session *s, const char *str) { out_b(s, str, strlen(str)); }

void out_u(struct session *s, unsigned long long n)
{
  char buf[FMT_ULONG + 8] = { 0 };
  out_b(s, buf, fmt_ulonglong(buf, n));
}

void out_flush(struct session *s)
{
  if (buffer_flush(&s->out) < 0) die_sys(111, "unable to write to client");
}

/* An astring: an atom when it can be, a quoted string when that is
 * enough, else a literal. */
void out_astring(struct session *s, const char *str, size_t len)
{
  int atom = len > 0, quote = 1;
  for (size_t i = 0; i < len; ++i) {
    unsigned char c = (unsigned char)str[i];
    if (c <= ' ' || c >= 0x7f || strchr("(){%*\"\\]", c)) atom = 0;
    if (c == '\r' || c == '\n' || c == 0 || c >= 0x80) quote = 0;
  }
  if (len == 3 && !strncasecmp(str, "NIL", 3)) atom = 0;
  if (atom) { out_b(s, str, len); return; }
  if (quote) {
    out_s(s, "\"");
    for (size_t i = 0; i < len; ++i) {
      if (str[i] == '"' || str[i] == '\\') out_s(s, "\\");
      out_b(s, str + i, 1);
    }
    out_s(s, "\"");
    return;
  }
  out_s(s, "{");
  out_u(s, len);
  out_s(s, "}\r\n");
  out_b(s, str, len);
}

void out_tagged(struct session *s, const char *status, const char *text)
{
  out_s(s, s->tag ? s->tag : "*");
  out_s(s, " ");
  out_s(s, status);
  out_s(s, " ");
  out_s(s, text);
  out_s(s, "\r\n");
}

int reply(struct session *s, const char *status, const char *text)
{
  if (s->state == S_SELECTED && !s->nosync) report_changes(s, 0);
  out_tagged(s, status, text);
  return 0;
}

static void out_flag_sep(struct session *s, int *first)
{
  if (!*first) out_s(s, " ");
  *first = 0;
}

void out_flags(struct session *s, const struct mbox *mb, const struct msg *m)
{
  static const struct { unsigned bit; const char *name; } sys[] = {
    { F_ANSWERED, "\\Answered" }, { F_FLAGGED, "\\Flagged" }, { F_DELETED, "\\Deleted" },
    { F_SEEN, "\\Seen" }, { F_DRAFT, "\\Draft" },
  };
  int first = 1;
  out_s(s, "(");
  for (size_t i = 0; i < sizeof sys / sizeof sys[0]; ++i)
    if (m->flags & sys[i].bit) { out_flag_sep(s, &first); out_s(s, sys[i].name); }
  if (m->flags & F_RECENT) { out_flag_sep(s, &first); out_s(s, "\\Recent"); }
  for (int k = 0; k < mb->nkw; ++k)
    if ((m->kw & (1u << k)) && mb->kwnames[k].len) {
      out_flag_sep(s, &first);
      out_s(s, mb->kwnames[k].s);
    }
  out_s(s, ")");
}

void out_date(struct session *s, time_t t)
{
  static const char mon[12][4] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  struct tm tm;
  char buf[64];
  localtime_r(&t, &tm);
  long off = tm.tm_gmtoff / 60;
  char sign = off < 0 ? '-' : '+';
  if (off < 0) off = -off;
  int n = snprintf(buf, sizeof buf, "\"%2d-%s-%04d %02d:%02d:%02d %c%02ld%02ld\"", tm.tm_mday,
                   mon[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec, sign,
                   off / 60, off % 60);
  out_b(s, buf, (size_t)n);
}
