#include <string.h>
#include "queue_env.h"

int queue_env_next(const char *s, size_t len, size_t *pos,
                   char *type, const char **value, size_t *vlen)
{
  if (*pos >= len) return -1;
  const char *nul = memchr(s + *pos, 0, len - *pos);
  if (!nul) return -1;
  size_t n = (size_t)(nul - (s + *pos));
  if (n == 0) { ++*pos; return 0; }
  *type = s[*pos];
  *value = s + *pos + 1;
  *vlen = n - 1;
  *pos += n + 1;
  return 1;
}

static int eq(const char *v, size_t n, const char *word)
{
  return strlen(word) == n && !memcmp(v, word, n);
}

/* NEVER alone, or a comma list of SUCCESS, FAILURE, DELAY. */
static int notify_ok(const char *v, size_t n)
{
  if (eq(v, n, "NEVER")) return 1;
  size_t start = 0;
  if (!n) return 0;
  for (size_t i = 0; i <= n; ++i) {
    if (i < n && v[i] != ',') continue;
    const char *w = v + start;
    size_t wl = i - start;
    if (!eq(w, wl, "SUCCESS") && !eq(w, wl, "FAILURE") && !eq(w, wl, "DELAY")) return 0;
    start = i + 1;
  }
  return 1;
}

/* Printable text: no control characters (UTF-8 bytes are allowed). */
static int text_ok(const char *v, size_t n)
{
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = (unsigned char)v[i];
    if (c < 0x20 || c == 0x7f) return 0;
  }
  return 1;
}

struct env_state {
  unsigned seen;            /* header letters already given (bit per letter) */
  unsigned long nrcpt;
  int rcpt_n, rcpt_o;       /* the last T already has N / O */
};

static const char *check_header(struct env_state *st, char t, const char *v, size_t n)
{
  const char *letters = "VHASBU";
  const char *p = strchr(letters, t);
  if (!p || !t) return "unknown envelope record";
  unsigned bit = 1u << (p - letters);
  if (st->seen & bit) return "repeated envelope record";
  st->seen |= bit;
  if (t == 'H' && !eq(v, n, "FULL") && !eq(v, n, "HDRS")) return "bad RET value";
  if (t == 'B' && !eq(v, n, "7BIT") && !eq(v, n, "8BITMIME") && !eq(v, n, "BINARYMIME"))
    return "bad BODY value";
  if (t == 'U' && n) return "U record with a value";
  return 0;
}

static const char *check_record(struct env_state *st, char t, const char *v, size_t n)
{
  if (n > QUEUE_ENV_MAXVALUE) return "envelope record too long";
  if (!text_ok(v, n)) return "control character in envelope";
  if (t == 'F') return "repeated sender";
  if (t == 'T') {
    if (!n) return "empty recipient";
    ++st->nrcpt;
    st->rcpt_n = st->rcpt_o = 0;
    return 0;
  }
  if (t == 'N' || t == 'O') {
    if (!st->nrcpt) return "DSN parameter before any recipient";
    int *flag = t == 'N' ? &st->rcpt_n : &st->rcpt_o;
    if (*flag) return "repeated DSN parameter";
    *flag = 1;
    if (t == 'N' && !notify_ok(v, n)) return "bad NOTIFY value";
    if (t == 'O' && (!n || !memchr(v, ';', n))) return "bad ORCPT value";
    return 0;
  }
  if (st->nrcpt) return "envelope option after the recipients";
  return check_header(st, t, v, n);
}

int queue_env_check(const char *s, size_t len, size_t *used, unsigned long *nrcpt,
                    const char **why)
{
  struct env_state st = { 0, 0, 0, 0 };
  size_t pos = 0;
  char t;
  const char *v;
  size_t n;
  int r = queue_env_next(s, len, &pos, &t, &v, &n);
  if (r < 0) {
    if (len > QUEUE_ENV_MAXVALUE + 1) { *why = "envelope record too long"; return -1; }
    return 0;
  }
  if (r == 0 || t != 'F') { *why = "envelope does not start with the sender"; return -1; }
  if (n > QUEUE_ENV_MAXVALUE || !text_ok(v, n)) { *why = "bad sender"; return -1; }
  for (;;) {
    r = queue_env_next(s, len, &pos, &t, &v, &n);
    if (r < 0) {
      /* A value longer than allowed can be refused before it ends. */
      if (len - pos > QUEUE_ENV_MAXVALUE + 1) { *why = "envelope record too long"; return -1; }
      return 0;
    }
    if (r == 0) break;
    if ((*why = check_record(&st, t, v, n))) return -1;
  }
  if (!st.nrcpt) { *why = "no recipients"; return -1; }
  *used = pos;
  *nrcpt = st.nrcpt;
  return 1;
}

int queue_env_add(stralloc *sa, char type, const char *value, size_t len)
{
  return stralloc_append(sa, &type) && stralloc_catb(sa, value, len) && stralloc_0(sa);
}
