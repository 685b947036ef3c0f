#include <string.h>
#include "imapsort.h"
#include "imapsearch.h"
#include "mime.h"

/* RFC 5256 section 2.1, on the decoded, folded subject in t[*a..*e). */

static int wsp(char c) { return c == ' ' || c == '\t'; }

/* "(fwd)" trailers and trailing spaces. */
static int trailer(const char *t, size_t a, size_t *e)
{
  int removed = 0;
  for (;;) {
    while (*e > a && wsp(t[*e - 1])) --*e;
    if (*e - a >= 5 && !memcmp(t + *e - 5, "(fwd)", 5)) { *e -= 5; removed = 1; continue; }
    return removed;
  }
}

/* A "[...]" blob and the spaces after it at t[p], or p when there is none. */
static size_t blob(const char *t, size_t p, size_t e)
{
  size_t q;
  if (p >= e || t[p] != '[') return p;
  for (q = p + 1; q < e && t[q] != '[' && t[q] != ']'; ++q) ;
  if (q >= e || t[q] != ']') return p;
  for (++q; q < e && wsp(t[q]); ++q) ;
  return q;
}

/* One subj-leader: blobs then re/fw/fwd [blob] ':'; its end or p. */
static size_t leader(const char *t, size_t p, size_t e)
{
  size_t q = p, b;
  while ((b = blob(t, q, e)) != q) q = b;
  if (e - q >= 2 && !memcmp(t + q, "re", 2)) q += 2;
  else if (e - q >= 3 && !memcmp(t + q, "fwd", 3)) q += 3;
  else if (e - q >= 2 && !memcmp(t + q, "fw", 2)) q += 2;
  else return p;
  while (q < e && wsp(t[q])) ++q;
  q = blob(t, q, e);
  return q < e && t[q] == ':' ? q + 1 : p;
}

static void base(const char *t, size_t *a, size_t *e, int *reply)
{
  for (;;) {
    size_t before;
    if (trailer(t, *a, e)) *reply = 1;
    do {
      size_t q;
      before = *a;
      for (;;) {                                /* step 3 */
        if (*a < *e && wsp(t[*a])) { ++*a; continue; }
        q = leader(t, *a, *e);
        if (q == *a) break;
        *a = q;
        *reply = 1;
      }
      q = blob(t, *a, *e);                       /* step 4 */
      if (q != *a && q < *e) *a = q;
    } while (*a != before);
    /* step 6: "[fwd: ...]" */
    if (*e - *a >= 6 && !memcmp(t + *a, "[fwd:", 5) && t[*e - 1] == ']') {
      *a += 5;
      --*e;
      *reply = 1;
      continue;
    }
    return;
  }
}

int sort_base_subject(stralloc *out, const char *value, size_t len, int *is_reply)
{
  stralloc u = {0}, d = {0}, f = {0};
  size_t a = 0, e, i, o;
  int r = -1;
  *is_reply = 0;
  if (mime_unfold(&u, value, len) < 0 || mime_decode_words(&d, u.s, u.len) < 0) goto done;
  if (search_fold(&f, d.s, d.len) < 0) goto done;
  for (i = o = 0; i < f.len; ++i) {             /* whitespace runs to one space */
    char c = f.s[i] == '\t' ? ' ' : f.s[i];
    if (c == ' ' && o && f.s[o - 1] == ' ') continue;
    f.s[o++] = c;
  }
  e = o;
  base(f.s, &a, &e, is_reply);
  r = e <= a || stralloc_catb(out, f.s + a, e - a) ? 0 : -1;
done:
  stralloc_free(&u); stralloc_free(&d); stralloc_free(&f);
  return r;
}
