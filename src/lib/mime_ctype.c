#include "mime_int.h"

#define TSPECIALS "()<>@,;:\\\"/[]?="

void mime_ct_parse(const char *v, size_t len, struct mime_ct *ct)
{
  size_t p = mime_skip_cfws(v, len, 0), e;
  e = mime_token(v, len, p, TSPECIALS);
  ct->type = v + p; ct->typelen = e - p;
  p = mime_skip_cfws(v, len, e);
  ct->sub = v + p; ct->sublen = 0;
  if (p < len && v[p] == '/') {
    p = mime_skip_cfws(v, len, p + 1);
    e = mime_token(v, len, p, TSPECIALS);
    ct->sub = v + p; ct->sublen = e - p;
    p = e;
  }
  while (p < len && v[p] != ';') ++p;
  ct->params = v + p;
  ct->paramslen = len - p;
}

int mime_param_next(const char *s, size_t len, size_t *pos, struct mime_param *p, stralloc *val)
{
  size_t i = *pos, e;
  for (;;) {
    i = mime_skip_cfws(s, len, i);
    if (i >= len) { *pos = i; return 0; }
    if (s[i] == ';') { ++i; continue; }
    e = mime_token(s, len, i, TSPECIALS);
    if (e == i) {                     /* garbage: skip to the next ';' */
      while (i < len && s[i] != ';') ++i;
      continue;
    }
    p->name = s + i; p->namelen = e - i;
    i = mime_skip_cfws(s, len, e);
    if (i < len && s[i] == '=') {
      i = mime_skip_cfws(s, len, i + 1);
      if (i < len && s[i] == '"') {
        i = mime_quoted(s, len, i, val);
        if (i == (size_t)-1) return -1;
      } else {
        e = mime_token(s, len, i, ";");
        if (!stralloc_catb(val, s + i, e - i)) return -1;
        i = e;
      }
    }
    while (i < len && s[i] != ';') ++i;
    *pos = i;
    return 1;
  }
}

int mime_param_find(const char *s, size_t len, const char *name, stralloc *out)
{
  size_t pos = 0, base = out->len;
  struct mime_param p;
  int r;
  while ((r = mime_param_next(s, len, &pos, &p, out)) > 0) {
    if (mime_ieq(p.name, p.namelen, name)) return 1;
    out->len = base;
  }
  return r;
}
