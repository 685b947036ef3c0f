/* Reading the aliases source: entries, continuation lines, :include:. */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include "conf.h"
#include "domline.h"
#include "domlist.h"
#include "mkalias.h"

#define INCLUDE_DEPTH 10

int mkalias_syserr(struct mkalias *m, const char *what, const char *path)
{
  const char *e = strerror(errno);
  if (!stralloc_copys(&m->err, what) || !stralloc_cats(&m->err, path) || !stralloc_cats(&m->err, ": ")
      || !stralloc_cats(&m->err, e) || !stralloc_0(&m->err)) return 111;
  --m->err.len;
  return 111;
}

static int bad(struct mkalias *m, const char *file, unsigned long line, const char *what, const char *text)
{
  if (!table_where(&m->err, file, line, what)) return 111;
  if (text && (!stralloc_cats(&m->err, ": ") || !stralloc_cats(&m->err, text))) return 111;
  return stralloc_0(&m->err) ? (--m->err.len, 100) : 111;
}

int mkalias_locals(struct mkalias *m, const char *me, const char *locals_path)
{
  if (!table_add(&m->locals, me, strlen(me), "", 0, "me", 1)) return 111;
  int r = table_read(&m->locals, locals_path, domline_parse, 0, &m->err);
  if (r == -1) return mkalias_syserr(m, "unable to read ", m->err.s);
  if (r == -2) return 100;
  return table_unique(&m->locals, &m->err) < 0 ? 111 : 0;
}

int mkalias_key(const struct mkalias *m, stralloc *key, const char *local, size_t llen,
                const char *domain, size_t dlen)
{
  if (!stralloc_copyb(key, local, llen)) return 0;
  stralloc d = {0};
  int ok = stralloc_copyb(&d, domain, dlen) && stralloc_0(&d);
  if (ok && dlen && !domlist_match(&m->locals, d.s))
    ok = stralloc_append(key, "@") && stralloc_catb(key, domain, dlen);
  stralloc_free(&d);
  return ok;
}

struct include_ctx {
  struct mkalias *m;
  stralloc *targets;
  int depth, code;
};

static int expand_includes(struct mkalias *m, stralloc *targets, int depth, const char *file,
                           unsigned long line);

static int include_line(void *c, const char *file, unsigned long lineno, const char *line, size_t len)
{
  struct include_ctx *ctx = c;
  const char *what = 0;
  stralloc more = {0};
  int r = alias_targets_parse(&more, line, len, &what);
  if (r == 0) ctx->code = bad(ctx->m, file, lineno, what, line);
  else if (r < 0) ctx->code = 111;
  else ctx->code = expand_includes(ctx->m, &more, ctx->depth + 1, file, lineno);
  if (!ctx->code && !stralloc_cat(ctx->targets, &more)) ctx->code = 111;
  stralloc_free(&more);
  return ctx->code;
}

/* Replaces each ":include:/path" target by the targets the file lists. */
static int expand_includes(struct mkalias *m, stralloc *targets, int depth, const char *file,
                           unsigned long line)
{
  if (!memmem(targets->s, targets->len, ":include:", 9)) return 0;
  if (depth > INCLUDE_DEPTH) return bad(m, file, line, ":include: files nested too deeply", 0);
  stralloc out = {0};
  int code = 0;
  for (size_t i = 0; i < targets->len && !code; i += strlen(targets->s + i) + 1) {
    const char *t = targets->s + i;
    if (strncmp(t, ":include:", 9)) {
      if (!stralloc_catb(&out, t, strlen(t) + 1)) code = 111;
      continue;
    }
    struct include_ctx ctx = { m, &out, depth, 0 };
    int r = conf_each_line(t + 9, include_line, &ctx);
    if (r == -1 && errno == ENOENT) code = bad(m, file, line, "no such :include: file", t + 9);
    else if (r == -1) code = mkalias_syserr(m, "unable to read ", t + 9);
    else code = r;
  }
  if (!code && !stralloc_copy(targets, &out)) code = 111;
  stralloc_free(&out);
  return code;
}

static int finish_entry(struct mkalias *m)
{
  if (!m->have_entry) return 0;
  m->have_entry = 0;
  if (!stralloc_0(&m->file)) return 111;
  int code = expand_includes(m, &m->targets, 0, m->file.s, m->lineno);
  if (code) return code;
  if (!m->targets.len) return bad(m, m->file.s, m->lineno, "no targets for alias", 0);
  if (m->virtual_domain && strlen(m->targets.s) + 1 != m->targets.len)
    return bad(m, m->file.s, m->lineno, "a qmail-style domain takes exactly one target", 0);
  return table_add(&m->raw, m->key.s, m->key.len, m->targets.s, m->targets.len, m->file.s, m->lineno)
      ? 0 : 111;
}

static int start_entry(struct mkalias *m, const char *file, unsigned long lineno)
{
  struct alias_line *l = &m->line;
  m->have_entry = 1;
  m->virtual_domain = l->virtual_domain;
  m->lineno = lineno;
  if (!stralloc_copys(&m->file, file) || !stralloc_copy(&m->targets, &l->targets)) return 111;
  if (l->virtual_domain)
    return stralloc_copys(&m->key, "@") && stralloc_cat(&m->key, &l->domain) ? 0 : 111;
  return mkalias_key(m, &m->key, l->local.s, l->local.len, l->domain.s, l->domain.len) ? 0 : 111;
}

static int one_line(void *c, const char *file, unsigned long lineno, const char *line, size_t len)
{
  struct mkalias *m = c;
  const char *what = 0;
  int r = alias_line_parse(&m->line, line, len, &what);
  if (r < 0) return 111;
  if (r == 0) return bad(m, file, lineno, what, line);
  if (m->line.continued) {
    if (!m->have_entry || m->file.len != strlen(file) || memcmp(m->file.s, file, m->file.len))
      return bad(m, file, lineno, "continuation line without an alias", line);
    return stralloc_cat(&m->targets, &m->line.targets) ? 0 : 111;
  }
  int code = finish_entry(m);
  return code ? code : start_entry(m, file, lineno);
}

int mkalias_read(struct mkalias *m, const char *path)
{
  struct stat st;
  if (stat(path, &st) < 0 && errno == ENOENT) return 0;
  int r = conf_each_line(path, one_line, m);
  if (r == -1) return mkalias_syserr(m, "unable to read ", path);
  if (r) return r;
  return finish_entry(m);
}

void mkalias_free(struct mkalias *m)
{
  table_free(&m->locals);
  table_free(&m->raw);
  table_free(&m->merged);
  table_free(&m->out);
  alias_line_free(&m->line);
  stralloc_free(&m->err);
  stralloc_free(&m->key);
  stralloc_free(&m->targets);
  stralloc_free(&m->file);
  stralloc_free(&m->scratch);
}
