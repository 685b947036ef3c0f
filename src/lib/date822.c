#include <stdio.h>
#include "date822.h"

size_t date822(char out[DATE822_MAX], time_t t)
{
  static const char days[] = "SunMonTueWedThuFriSat";
  static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
  struct tm tm;
  localtime_r(&t, &tm);
  long off = tm.tm_gmtoff / 60;
  char sign = off < 0 ? '-' : '+';
  if (off < 0) off = -off;
  int n = snprintf(out, DATE822_MAX, "%.3s, %02d %.3s %d %02d:%02d:%02d %c%02ld%02ld",
                   days + 3 * tm.tm_wday, tm.tm_mday, months + 3 * tm.tm_mon, tm.tm_year + 1900,
                   tm.tm_hour, tm.tm_min, tm.tm_sec, sign, off / 60, off % 60);
  return n > 0 ? (size_t)n : 0;
}
