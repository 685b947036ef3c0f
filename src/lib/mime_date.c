#include <string.h>
#include <strings.h>
#include "mime.h"
#include "mime_int.h"

long mime_days(int year, int month, int mday)
{
  /* days from civil, proleptic Gregorian */
  long y = year - (month <= 2);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + mday - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";

static int month_of(const char *s, size_t n)
{
  int i;
  if (n < 3) return 0;
  for (i = 0; i < 12; ++i)
    if (!strncasecmp(s, months + 3 * i, 3)) return i + 1;
  return 0;
}

static int zone_of(const char *s, size_t n, int *zone)
{
  static const struct { const char *name; int off; } z[] = {
    {"ut", 0}, {"utc", 0}, {"gmt", 0}, {"z", 0}, {"est", -300}, {"edt", -240}, {"cst", -360},
    {"cdt", -300}, {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420}
  };
  size_t i;
  if (n == 5 && (s[0] == '+' || s[0] == '-')) {
    for (i = 1; i < 5; ++i) if (s[i] < '0' || s[i] > '9') return 0;
    *zone = ((s[1] - '0') * 10 + (s[2] - '0')) * 60 + (s[3] - '0') * 10 + (s[4] - '0');
    if (s[0] == '-') *zone = -*zone;
    return 1;
  }
  for (i = 0; i < sizeof z / sizeof z[0]; ++i)
    if (mime_ieq(s, n, z[i].name)) { *zone = z[i].off; return 1; }
  *zone = 0;                             /* military and unknown zones: RFC 5322 says treat as 0 */
  return 1;
}

/* Next token: a run of letters, of digits, or a sign and digits. */
static size_t token(const char *s, size_t len, size_t *pos)
{
  size_t p = *pos, e;
  for (;;) {
    p = mime_skip_cfws(s, len, p);
    if (p < len && s[p] == ',') { ++p; continue; }
    break;
  }
  e = p;
  if (e < len && (s[e] == '+' || s[e] == '-')) ++e;
  while (e < len && s[e] != ' ' && s[e] != '\t' && s[e] != ',' && s[e] != '(' && s[e] != '\r' && s[e] != '\n') ++e;
  *pos = p;
  return e - p;
}

static int number(const char *s, size_t n, int *v)
{
  size_t i;
  if (!n || n > 9) return 0;
  *v = 0;
  for (i = 0; i < n; ++i) {
    if (s[i] < '0' || s[i] > '9') return 0;
    *v = *v * 10 + (s[i] - '0');
  }
  return 1;
}

static int hms(const char *s, size_t n, int *h, int *m, int *sec)
{
  size_t a = 0, b;
  for (b = a; b < n && s[b] != ':'; ++b) ;
  if (!number(s, b, h) || b >= n) return 0;
  a = b + 1;
  for (b = a; b < n && s[b] != ':'; ++b) ;
  if (!number(s + a, b - a, m)) return 0;
  *sec = 0;
  if (b < n && !number(s + b + 1, n - b - 1, sec)) return 0;
  return *h < 24 && *m < 60 && *sec <= 60;
}

int mime_date_parse(const char *s, size_t len, long long *utc, long *day, int *zone)
{
  size_t pos = 0, n;
  int d, mon, y, h = 0, mi = 0, sec = 0, z = 0;
  n = token(s, len, &pos);
  if (n && !(s[pos] >= '0' && s[pos] <= '9')) {       /* day of week */
    pos += n;
    n = token(s, len, &pos);
  }
  if (!number(s + pos, n, &d) || d < 1 || d > 31) return 0;
  pos += n;
  n = token(s, len, &pos);
  if (!(mon = month_of(s + pos, n))) return 0;
  pos += n;
  n = token(s, len, &pos);
  if (!number(s + pos, n, &y)) return 0;
  if (n <= 2) y += y < 50 ? 2000 : 1900;
  else if (n == 3) y += 1900;
  pos += n;
  n = token(s, len, &pos);
  if (n && hms(s + pos, n, &h, &mi, &sec)) {
    pos += n;
    n = token(s, len, &pos);
    if (n) zone_of(s + pos, n, &z);
  }
  *day = mime_days(y, mon, d);
  *utc = (long long)*day * 86400 + h * 3600 + mi * 60 + sec - (long long)z * 60;
  *zone = z;
  return 1;
}
