#include "fmt.h"
#include "mime.h"

/* Quoted strings may not hold CR, LF, NUL or (in IMAP4rev1) 8-bit
 * bytes; anything else is sent as a literal. */
int mime_imap_string(stralloc *out, const char *s, size_t len)
{
  size_t i;
  char num[FMT_ULONG];
  if (!s) return stralloc_cats(out, "NIL") ? 0 : -1;
  for (i = 0; i < len; ++i) {
    unsigned char c = (unsigned char)s[i];
    if (c == 0 || c == '\r' || c == '\n' || c >= 0x80) break;
  }
  if (i < len) {
    if (!stralloc_cats(out, "{")) return -1;
    if (!stralloc_catb(out, num, fmt_ulong(num, len))) return -1;
    if (!stralloc_cats(out, "}\r\n")) return -1;
    return stralloc_catb(out, s, len) ? 0 : -1;
  }
  if (!stralloc_readyplus(out, len * 2 + 2)) return -1;
  {
    char *o = out->s + out->len;
    *o++ = '"';
    for (i = 0; i < len; ++i) {
      if (s[i] == '"' || s[i] == '\\') *o++ = '\\';
      *o++ = s[i];
    }
    *o++ = '"';
    out->len = (size_t)(o - out->s);
  }
  return 0;
}

/* Names and subjects as people read them: line breaks dropped, tabs and
 * runs of spaces made one space, ends trimmed. When that changed
 * anything, or the text needs escaping, it goes as a literal: the
 * form Dovecot uses, so clients see the same bytes from both. */
int mime_imap_human(stralloc *out, stralloc *tmp, const char *s, size_t len)
{
  size_t i;
  int changed = 0, plain = 1;
  tmp->len = 0;
  if (!stralloc_readyplus(tmp, len + 1)) return -1;
  for (i = 0; i < len; ++i) {
    unsigned char c = (unsigned char)s[i];
    if (c == '\r' || c == '\n') { changed = 1; continue; }
    if (c == '\t') { c = ' '; changed = 1; }
    if (c == 0) { c = 0x80; changed = 1; }
    if (c == ' ' && (!tmp->len || tmp->s[tmp->len - 1] == ' ')) { changed = 1; continue; }
    if (c == '"' || c == '\\' || c >= 0x80) plain = 0;
    tmp->s[tmp->len++] = (char)c;
  }
  if (tmp->len && tmp->s[tmp->len - 1] == ' ') { --tmp->len; changed = 1; }
  if (!tmp->len) return stralloc_cats(out, "\"\"") ? 0 : -1;
  if (changed || !plain) {
    char num[FMT_ULONG];
    if (!stralloc_cats(out, "{")) return -1;
    if (!stralloc_catb(out, num, fmt_ulong(num, tmp->len))) return -1;
    if (!stralloc_cats(out, "}\r\n")) return -1;
    return stralloc_catb(out, tmp->s, tmp->len) ? 0 : -1;
  }
  return mime_imap_string(out, tmp->s, tmp->len);
}
