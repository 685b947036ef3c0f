#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "cdbw.h"
#include "conf.h"
#include "fmt.h"
#include "scan.h"
#include "userdb_rec.h"
#include "userdb_src.h"

struct compiler {
  struct cdbw pub, shadow;
  stralloc keys;       /* every address, NUL-terminated, to find repeats */
  stralloc buf;
  stralloc *err;
};

static int numeric(const char *v, size_t len)
{
  unsigned long n;
  return len && len < 11 && scan_ulong(v, &n) == len;
}

/* The reason a record is unusable, or 0. */
static const char *bad_record(const char *addr, size_t alen, const char *rec, size_t len)
{
  const char *v, *n;
  size_t vlen, nlen, pos = 0;
  if (memchr(addr, '|', alen)) return "address contains '|'";
  if (!userdb_field(rec, len, "uid", &v, &vlen) || !numeric(v, vlen)) return "missing or non-numeric uid";
  if (!userdb_field(rec, len, "gid", &v, &vlen) || !numeric(v, vlen)) return "missing or non-numeric gid";
  if (!userdb_field(rec, len, "home", &v, &vlen) || !vlen || v[0] != '/') return "missing or relative home";
  while (userdb_field_next(rec, len, &pos, &n, &nlen, &v, &vlen))
    for (size_t i = 0; i < nlen; ++i)
      if (!((n[i] >= 'a' && n[i] <= 'z') || (n[i] >= 'A' && n[i] <= 'Z')
            || (n[i] >= '0' && n[i] <= '9') || n[i] == '-' || n[i] == '_')) return "bad field name";
  return 0;
}

static int complain(struct compiler *c, const char *file, unsigned long lineno, const char *why)
{
  char num[FMT_ULONG];
  num[fmt_ulong(num, lineno)] = 0;
  if (!stralloc_copys(c->err, file) || !stralloc_append(c->err, ":") || !stralloc_cats(c->err, num)
      || !stralloc_cats(c->err, ": ") || !stralloc_cats(c->err, why) || !stralloc_0(c->err)) return -2;
  return 1;
}

static int add_line(void *ctx, const char *file, unsigned long lineno, const char *line, size_t len)
{
  struct compiler *c = ctx;
  const char *addr, *rec;
  size_t alen, rlen;
  if (!userdb_line(line, len, &addr, &alen, &rec, &rlen)) return 0;
  const char *why = bad_record(addr, alen, rec, rlen);
  if (why) return complain(c, file, lineno, why);
  if (!stralloc_catb(&c->keys, addr, alen) || !stralloc_0(&c->keys)) return -2;
  c->buf.len = 0;
  if (!userdb_fields_select(&c->buf, rec, rlen, 0)) return -2;
  if (!cdbw_add(&c->pub, addr, alen, c->buf.s, c->buf.len)) return -3;
  c->buf.len = 0;
  if (!userdb_fields_select(&c->buf, rec, rlen, 1)) return -2;
  if (c->buf.len && !cdbw_add(&c->shadow, addr, alen, c->buf.s, c->buf.len)) return -3;
  return 0;
}

static int by_string(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* An address given twice is a mistake a reader of the text would not
 * see; refuse it rather than let one line silently win. */
static const char *repeated(const stralloc *keys)
{
  size_t n = 0;
  for (size_t pos = 0; pos < keys->len; pos += strlen(keys->s + pos) + 1) ++n;
  if (n < 2) return 0;
  char **v = malloc(n * sizeof *v);
  if (!v) return 0;
  n = 0;
  for (size_t pos = 0; pos < keys->len; pos += strlen(keys->s + pos) + 1) v[n++] = keys->s + pos;
  qsort(v, n, sizeof *v, by_string);
  const char *dup = 0;
  for (size_t i = 1; i < n && !dup; ++i)
    if (!strcmp(v[i - 1], v[i])) dup = v[i];
  free(v);
  return dup;
}

int userdb_compile(const char *src, const char *cdb, const char *shadowcdb, stralloc *err)
{
  struct compiler c;
  memset(&c, 0, sizeof c);
  c.err = err;
  if (!cdbw_start(&c.pub, cdb, 0644)) return -1;
  if (!cdbw_start(&c.shadow, shadowcdb, 0600)) { int e = errno; cdbw_abort(&c.pub); errno = e; return -1; }
  int r = conf_each_line(src, add_line, &c);
  int e = errno;
  const char *dup = r == 0 ? repeated(&c.keys) : 0;
  if (dup) {
    r = 1;
    if (!stralloc_copys(err, src) || !stralloc_cats(err, ": address listed twice: ")
        || !stralloc_cats(err, dup) || !stralloc_0(err)) r = -2;
  }
  if (r == 0) {
    if (!cdbw_finish(&c.shadow)) { e = errno; cdbw_abort(&c.pub); r = -1; }
    else if (!cdbw_finish(&c.pub)) { e = errno; r = -1; }
    else r = 1;
  } else {
    cdbw_abort(&c.pub);
    cdbw_abort(&c.shadow);
    if (r == -2) e = ENOMEM;
    r = (r == 1) ? 0 : -1;
  }
  free(c.keys.s);
  free(c.buf.s);
  errno = e;
  return r;
}
