#include <errno.h>
#include <sys/stat.h>
#include "conf.h"
#include "die.h"
#include "table.h"

struct read_ctx {
  struct table *t;
  table_line_fn parse;
  int flags;
  stralloc key, value;
  stralloc *err;
};

static int one_line(void *c, const char *file, unsigned long lineno, const char *line, size_t len)
{
  struct read_ctx *ctx = c;
  const char *what = "bad line";
  int r = ctx->parse(line, len, ctx->flags, &ctx->key, &ctx->value, &what);
  if (r < 0) return -2;
  if (r == 0) {
    if (!table_where(ctx->err, file, lineno, what) || !stralloc_cats(ctx->err, ": ")
        || !stralloc_catb(ctx->err, line, len)) return -2;
    return 1;
  }
  return table_add(ctx->t, ctx->key.s, ctx->key.len, ctx->value.s, ctx->value.len, file, lineno) ? 0 : -2;
}

int table_read(struct table *t, const char *path, table_line_fn parse, int flags, stralloc *err)
{
  struct read_ctx ctx = { t, parse, flags, {0}, {0}, err };
  struct stat st;
  if (stat(path, &st) < 0 && errno == ENOENT) return 0;
  /* from here a missing part (a dangling link in a directory) is an error */
  int r = conf_each_line(path, one_line, &ctx);
  stralloc_free(&ctx.key);
  stralloc_free(&ctx.value);
  if (r == -1) {
    int e = errno;
    if (!stralloc_copys(err, path) || !stralloc_0(err)) { errno = ENOMEM; return -1; }
    --err->len;
    errno = e;
    return -1;
  }
  if (r == -2) { errno = ENOMEM; return -1; }
  if (r == 1) return stralloc_0(err) ? (--err->len, -2) : (errno = ENOMEM, -1);
  return 1;
}

int table_compile(struct table *t, const char *path, table_line_fn parse, int flags)
{
  stralloc err = {0};
  int r = table_read(t, path, parse, flags, &err);
  if (r == -1) die_sys(111, "unable to read ", err.s);
  if (r == -2) die(100, err.s);
  int u = table_unique(t, &err);
  if (u < 0) die_nomem();
  if (u == 0) die(100, err.s);
  stralloc_free(&err);
  return r;
}
