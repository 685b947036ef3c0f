#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>
#include "textcode.h"
#include "mime.h"
#include "mime_int.h"

/* Appends valid UTF-8 as is and each invalid byte as U+FFFD. */
static int utf8_clean(stralloc *out, const char *s, size_t len)
{
  size_t i = 0, start = 0;
  if (!len) return 0;
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    size_t n = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    size_t k;
    if (n == 1) { ++i; continue; }
    for (k = 1; n && k < n; ++k)
      if (i + k >= len || ((unsigned char)s[i + k] & 0xc0) != 0x80) n = 0;
    if (n == 3 && ((c == 0xe0 && (unsigned char)s[i + 1] < 0xa0) || (c == 0xed && (unsigned char)s[i + 1] >= 0xa0))) n = 0;
    if (n == 4 && ((c == 0xf0 && (unsigned char)s[i + 1] < 0x90) || (c == 0xf4 && (unsigned char)s[i + 1] >= 0x90))) n = 0;
    if (n) { i += n; continue; }
    if (!stralloc_catb(out, s + start, i - start) || !stralloc_cats(out, "\xef\xbf\xbd")) return -1;
    start = ++i;
  }
  return stralloc_catb(out, s + start, len - start) ? 0 : -1;
}

static int latin1(stralloc *out, const char *s, size_t len)
{
  size_t i;
  if (!stralloc_readyplus(out, len * 2)) return -1;
  for (i = 0; i < len; ++i) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) out->s[out->len++] = (char)c;
    else {
      out->s[out->len++] = (char)(0xc0 | (c >> 6));
      out->s[out->len++] = (char)(0x80 | (c & 0x3f));
    }
  }
  return 0;
}

static int convert(stralloc *out, iconv_t cd, const char *s, size_t len)
{
  char *in = (char *)s;
  size_t left = len;
  while (left) {
    char *o;
    size_t room, r;
    if (!stralloc_readyplus(out, left * 4 + 16)) return -1;
    o = out->s + out->len;
    room = out->a - out->len;
    r = iconv(cd, &in, &left, &o, &room);
    out->len = (size_t)(o - out->s);
    if (r != (size_t)-1) break;
    if (errno == E2BIG) continue;
    if (!stralloc_cats(out, "\xef\xbf\xbd")) return -1;
    if (errno == EINVAL) break;          /* cut short at the end */
    ++in; --left;                        /* EILSEQ: skip the byte */
  }
  return 0;
}

int mime_to_utf8(stralloc *out, const char *charset, size_t cslen, const char *s, size_t len)
{
  char name[64];
  iconv_t cd;
  int r;
  if (!len) return 0;
  if (!charset || !cslen || mime_ieq(charset, cslen, "us-ascii") || mime_ieq(charset, cslen, "utf-8") ||
      mime_ieq(charset, cslen, "utf8") || mime_ieq(charset, cslen, "ascii") || cslen >= sizeof name)
    return utf8_clean(out, s, len);
  if (mime_ieq(charset, cslen, "iso-8859-1") || mime_ieq(charset, cslen, "latin1"))
    return latin1(out, s, len);
  memcpy(name, charset, cslen);
  name[cslen] = 0;
  cd = iconv_open("UTF-8", name);
  if (cd == (iconv_t)-1) return utf8_clean(out, s, len);
  r = convert(out, cd, s, len);
  iconv_close(cd);
  return r;
}

static int hexval(char c)
{
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

static int qdecode(stralloc *out, const char *s, size_t len)
{
  size_t i;
  for (i = 0; i < len; ++i) {
    char c = s[i];
    if (c == '_') c = ' ';
    else if (c == '=' && i + 2 < len + 0 && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
      c = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
      i += 2;
    }
    if (!stralloc_catb(out, &c, 1)) return -1;
  }
  return 0;
}

/* base64 over a copy with a NUL, skipping what is not base64 (line
 * ends, junk): libowfat's scanner stops at the first such byte. */
static int b64decode(stralloc *out, const char *s, size_t len)
{
  stralloc t = {0};
  size_t pos = 0;
  int r = -1;
  if (!stralloc_copyb(&t, s, len) || !stralloc_0(&t)) goto done;
  if (!stralloc_readyplus(out, len / 4 * 3 + 4)) goto done;
  while (pos < len) {
    size_t got = 0, n = scan_base64(t.s + pos, out->s + out->len, &got);
    out->len += got;
    pos += n ? n : 1;
  }
  r = 0;
done:
  stralloc_free(&t);
  return r;
}

static int qpdecode(stralloc *out, const char *s, size_t len)
{
  stralloc t = {0};
  size_t pos = 0;
  int r = -1;
  if (!stralloc_copyb(&t, s, len) || !stralloc_0(&t)) goto done;
  if (!stralloc_readyplus(out, len + 1)) goto done;
  while (pos < len) {
    size_t got = 0, n = scan_quotedprintable(t.s + pos, out->s + out->len, &got), e;
    out->len += got;
    pos += n;
    if (pos >= len) break;
    /* stopped at '=': a soft line break (spaces allowed before it) or a stray '=' */
    for (e = pos + 1; e < len && (t.s[e] == ' ' || t.s[e] == '\t'); ++e) ;
    if (e < len && t.s[e] == '\r') ++e;
    if (e < len && t.s[e] == '\n') { pos = e + 1; continue; }
    if (e >= len) break;
    out->s[out->len++] = '=';
    ++pos;
  }
  r = 0;
done:
  stralloc_free(&t);
  return r;
}

int mime_decode_body(stralloc *out, const char *enc, size_t enclen, const char *s, size_t len)
{
  size_t a = enc ? mime_skip_cfws(enc, enclen, 0) : 0;
  size_t e = enc ? mime_token(enc, enclen, a, "()") : 0;
  if (!len) return 0;
  if (enc && mime_ieq(enc + a, e - a, "base64")) return b64decode(out, s, len);
  if (enc && mime_ieq(enc + a, e - a, "quoted-printable")) return qpdecode(out, s, len);
  return stralloc_catb(out, s, len) ? 0 : -1;
}

/* One "=?charset?E?text?=" at s[0]: its end, charset and payload, or 0. */
static size_t encoded_word(const char *s, size_t len, size_t *cs, size_t *cl, char *enc, size_t *tx, size_t *tl)
{
  size_t i = 2, q;
  if (len < 8 || s[0] != '=' || s[1] != '?') return 0;
  while (i < len && s[i] != '?' && s[i] != ' ' && s[i] != '\n') ++i;
  if (i + 3 >= len || s[i] != '?' || s[i + 2] != '?') return 0;
  *cs = 2; *cl = i - 2;
  for (q = 2; q < i; ++q) if (s[q] == '*') { *cl = q - 2; break; }   /* RFC 2231 language */
  *enc = s[i + 1];
  if (*enc != 'B' && *enc != 'b' && *enc != 'Q' && *enc != 'q') return 0;
  *tx = i + 3;
  for (q = i + 3; q + 1 < len; ++q) {
    if (s[q] == '?' && s[q + 1] == '=') { *tl = q - *tx; return q + 2; }
    if (s[q] == ' ' || s[q] == '\n') return 0;
  }
  return 0;
}

static int all_space(const char *s, size_t a, size_t b)
{
  for (; a < b; ++a)
    if (s[a] != ' ' && s[a] != '\t' && s[a] != '\r' && s[a] != '\n') return 0;
  return 1;
}

int mime_decode_words(stralloc *out, const char *s, size_t len)
{
  stralloc raw = {0};              /* decoded bytes of adjacent words in one charset */
  size_t i = 0, start = 0, pcs = 0, pcl = 0;
  int pending = 0, r = -1;
  if (!len) return 0;
  while (i < len) {
    size_t cs, cl, tx, tl, e;
    char enc;
    if (s[i] != '=' || !(e = encoded_word(s + i, len - i, &cs, &cl, &enc, &tx, &tl))) { ++i; continue; }
    {
      int joined = pending && all_space(s, start, i);
      if (pending && (!joined || pcl != cl || strncasecmp(s + pcs, s + i + cs, cl))) {
        if (mime_to_utf8(out, s + pcs, pcl, raw.s, raw.len) < 0) goto done;
        raw.len = 0;
        pending = 0;
      }
      if (!joined && utf8_clean(out, s + start, i - start) < 0) goto done;
    }
    if (enc == 'B' || enc == 'b') { if (b64decode(&raw, s + i + tx, tl) < 0) goto done; }
    else if (qdecode(&raw, s + i + tx, tl) < 0) goto done;
    pending = 1; pcs = i + cs; pcl = cl;
    i += e;
    start = i;
  }
  if (pending && mime_to_utf8(out, s + pcs, pcl, raw.s, raw.len) < 0) goto done;
  if (utf8_clean(out, s + start, len - start) < 0) goto done;
  r = 0;
done:
  stralloc_free(&raw);
  return r;
}
