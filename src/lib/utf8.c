#include "utf8.h"

size_t utf8_char(const char *s, size_t len)
{
  const unsigned char *u = (const unsigned char *)s;
  if (!len) return 0;
  if (u[0] < 0x80) return 1;
  size_t n;
  unsigned lo = 0x80, hi = 0xbf;
  if (u[0] >= 0xc2 && u[0] <= 0xdf) n = 2;
  else if (u[0] >= 0xe0 && u[0] <= 0xef) {
    n = 3;
    if (u[0] == 0xe0) lo = 0xa0;        /* overlong */
    if (u[0] == 0xed) hi = 0x9f;        /* surrogates */
  } else if (u[0] >= 0xf0 && u[0] <= 0xf4) {
    n = 4;
    if (u[0] == 0xf0) lo = 0x90;        /* overlong */
    if (u[0] == 0xf4) hi = 0x8f;        /* above U+10FFFF */
  } else return 0;
  if (len < n) return 0;
  if (u[1] < lo || u[1] > hi) return 0;
  for (size_t i = 2; i < n; ++i)
    if (u[i] < 0x80 || u[i] > 0xbf) return 0;
  return n;
}

int utf8_valid(const char *s, size_t len)
{
  size_t pos = 0;
  while (pos < len) {
    size_t n = utf8_char(s + pos, len - pos);
    if (!n) return 0;
    pos += n;
  }
  return 1;
}
