#include <stdio.h>
#include <string.h>
#include <strings.h>
#include "imap-date.h"
#include "mime.h"

int imap_datetime(const char *s, time_t *t)
{
  static const char mon[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
  int d, y, hh, mm, ss, n = 0;
  char m[4], sign;
  unsigned zone;
  if (*s == ' ') ++s;
  if (sscanf(s, "%2d-%3[A-Za-z]-%4d %2d:%2d:%2d %c%4u%n", &d, m, &y, &hh, &mm, &ss, &sign, &zone, &n) != 8 ||
      s[n] || (sign != '+' && sign != '-'))
    return 0;
  const char *p = 0;
  for (int i = 0; i < 12; ++i)
    if (!strncasecmp(mon + 3 * i, m, 3)) p = mon + 3 * i;
  if (!p || d < 1 || d > 31 || y < 1970 || hh > 23 || mm > 59 || ss > 60) return 0;
  int month = (int)(p - mon) / 3 + 1;
  long long days = mime_days(y, month, d);
  long long off = (long long)(zone / 100 * 60 + zone % 100) * 60;
  *t = (time_t)(days * 86400 + hh * 3600 + mm * 60 + ss - (sign == '+' ? off : -off));
  return 1;
}
