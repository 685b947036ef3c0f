/* makealiases: compiles etc/aliases (file or directory) into
 * etc/aliases.cdb, and etc/me + etc/locals into etc/locals.cdb.
 * -chk checks everything and writes nothing. */
#include <string.h>
#include "die.h"
#include "home.h"
#include "me.h"
#include "makealiases/mkalias.h"

/* Qmail-style domains are delivered here: list them in locals.cdb. */
static int mark_virtual(struct mkalias *m)
{
  size_t n = m->locals.n;
  for (size_t i = 0; i < m->out.n; ++i) {
    const char *key = table_key(&m->out, i);
    if (key[0] != '@') continue;
    if (table_find(&m->locals, key + 1, m->out.e[i].klen - 1) >= 0) continue;
    if (!table_add(&m->locals, key + 1, m->out.e[i].klen - 1, "@", 1, table_file(&m->out, i), m->out.e[i].line))
      return 0;
  }
  if (m->locals.n != n) table_sort(&m->locals);
  return 1;
}

static void check(struct mkalias *m, int code)
{
  if (code == 111 && !m->err.len) die_nomem();
  if (code) die(code, m->err.s);
}

int main(int argc, char **argv)
{
  PROG = "makealiases";
  int only_check = argc == 2 && !strcmp(argv[1], "-chk");
  if (argc > 2 || (argc == 2 && !only_check)) die_usage("makealiases [-chk]");
  struct mkalias m = {0};
  stralloc me = {0}, src = {0}, locals = {0}, dst = {0}, dst_locals = {0};
  if (!home_path(&src, "etc/aliases") || !home_path(&locals, "etc/locals")
      || !home_path(&dst, "etc/aliases.cdb") || !home_path(&dst_locals, "etc/locals.cdb")) die_nomem();
  if (me_name(&me) < 0) die_sys(111, "unable to read etc/me");
  check(&m, mkalias_locals(&m, me.s, locals.s));
  check(&m, mkalias_read(&m, src.s));
  check(&m, mkalias_merge(&m));
  check(&m, mkalias_expand(&m));
  if (!mark_virtual(&m)) die_nomem();
  if (!only_check) {
    if (!table_write(&m.locals, dst_locals.s)) die_sys(111, "unable to write ", dst_locals.s);
    if (!table_write(&m.out, dst.s)) die_sys(111, "unable to write ", dst.s);
  }
  mkalias_free(&m);
  stralloc_free(&me);
  stralloc_free(&src);
  stralloc_free(&locals);
  stralloc_free(&dst);
  stralloc_free(&dst_locals);
  return 0;
}
