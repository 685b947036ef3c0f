#include <string.h>
#include "conf.h"

int conf_first_line(stralloc *out, const char *path)
{
  int r = conf_slurp(out, path);
  if (r <= 0) return r;
  char *nl = memchr(out->s, '\n', out->len);
  if (nl) out->len = (size_t)(nl - out->s);
  while (out->len && strchr(" \t\r", out->s[out->len - 1])) --out->len;
  size_t start = 0;
  while (start < out->len && strchr(" \t", out->s[start])) ++start;
  memmove(out->s, out->s + start, out->len - start);
  out->len -= start;
  if (!stralloc_0(out)) return -1;
  --out->len;
  return out->len ? 1 : 0;
}
