#include <string.h>
#include "imapsearch.h"

/* Small letters for the capitals of the scripts mail mostly carries. */
static unsigned long fold_cp(unsigned long c)
{
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
  if (c >= 0xc0 && c <= 0xde && c != 0xd7) return c + 32;
  if (c >= 0x100 && c <= 0x137) return c | 1;
  if (c >= 0x139 && c <= 0x148) return c & 1 ? c + 1 : c;
  if (c >= 0x14a && c <= 0x177) return c | 1;
  if (c == 0x178) return 0xff;
  if (c >= 0x179 && c <= 0x17e) return c & 1 ? c + 1 : c;
  if (c >= 0x391 && c <= 0x3ab && c != 0x3a2) return c + 32;
  if (c >= 0x400 && c <= 0x40f) return c + 80;
  if (c >= 0x410 && c <= 0x42f) return c + 32;
  return c;
}

static size_t put_utf8(char *o, unsigned long c)
{
  if (c < 0x80) { o[0] = (char)c; return 1; }
  if (c < 0x800) { o[0] = (char)(0xc0 | (c >> 6)); o[1] = (char)(0x80 | (c & 0x3f)); return 2; }
  o[0] = (char)(0xe0 | (c >> 12)); o[1] = (char)(0x80 | ((c >> 6) & 0x3f)); o[2] = (char)(0x80 | (c & 0x3f));
  return 3;
}

int search_fold(stralloc *out, const char *s, size_t len)
{
  size_t i = 0;
  if (!len) return 0;
  if (!stralloc_readyplus(out, len)) return -1;
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      out->s[out->len++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
      ++i;
    } else if ((c & 0xe0) == 0xc0 && i + 1 < len && ((unsigned char)s[i + 1] & 0xc0) == 0x80) {
      unsigned long cp = ((unsigned long)(c & 0x1f) << 6) | ((unsigned char)s[i + 1] & 0x3f);
      unsigned long f = fold_cp(cp);
      /* every fold here stays 2 bytes long, so the room reserved holds */
      out->len += put_utf8(out->s + out->len, f >= 0x80 ? f : cp);
      i += 2;
    } else {
      out->s[out->len++] = (char)c;
      ++i;
    }
  }
  return 0;
}

int search_contains(const char *text, size_t len, const char *fold, size_t foldlen)
{
  stralloc t = {0};
  int r;
  if (!foldlen) return 1;
  if (search_fold(&t, text, len) < 0) return -1;
  r = t.len && memmem(t.s, t.len, fold, foldlen) != 0;
  stralloc_free(&t);
  return r;
}
