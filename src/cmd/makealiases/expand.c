/* Merging duplicate aliases and expanding aliases of aliases, so a
 * lookup in aliases.cdb gives the final targets in one step. */
#include <string.h>
#include "addr.h"
#include "aliases.h"
#include "mkalias.h"

#define EXPAND_DEPTH 20

int mkalias_merge(struct mkalias *m)
{
  table_sort(&m->raw);
  struct tlist list = {0};
  int code = 0;
  for (size_t i = 0; i < m->raw.n && !code; ) {
    size_t end = table_run(&m->raw, i);
    tlist_clear(&list);
    for (size_t j = i; j < end && !code; ++j) {
      const char *v = table_val(&m->raw, j);
      for (size_t k = 0; k < m->raw.e[j].vlen && !code; k += strlen(v + k) + 1)
        if (!tlist_add(&list, v + k, strlen(v + k))) code = 111;
    }
    if (!code && !table_add(&m->merged, table_key(&m->raw, i), m->raw.e[i].klen, list.list.s,
                            list.list.len, table_file(&m->raw, i), m->raw.e[i].line)) code = 111;
    i = end;
  }
  tlist_free(&list);
  return code;
}

struct expansion {
  struct mkalias *m;
  long stack[EXPAND_DEPTH + 1];
  int depth;
  struct tlist out;
};

static int on_stack(const struct expansion *x, long idx)
{
  for (int i = 0; i < x->depth; ++i) if (x->stack[i] == idx) return 1;
  return 0;
}

static int expand_entry(struct expansion *x, long idx);

/* One address target: another alias (expanded in turn, unless that
 * would loop: "user: user, backup" keeps "user"), a qmail-style domain,
 * or a final address. */
static int expand_address(struct expansion *x, const char *t, size_t tlen)
{
  struct mkalias *m = x->m;
  struct addr a = {0};
  int code = 111;
  if (addr_parse(&a, t, tlen) < 0) { addr_free(&a); return tlist_add(&x->out, t, tlen) ? 0 : 111; }
  for (size_t i = 0; i < a.local.len; ++i)
    if (a.local.s[i] >= 'A' && a.local.s[i] <= 'Z') a.local.s[i] += 'a' - 'A';
  m->scratch.len = 0;
  if (!addr_quote_local(&m->scratch, a.local.s, a.local.len)) goto out;
  stralloc key = {0};
  if (!mkalias_key(m, &key, m->scratch.s, m->scratch.len, a.domain.s, a.domain.len)) goto out;
  long idx = table_find(&m->merged, key.s, key.len);
  if (idx >= 0 && !on_stack(x, idx)) code = expand_entry(x, idx);
  else if (idx >= 0 || (a.flags & ADDR_NODOMAIN)) code = tlist_add(&x->out, t, tlen) ? 0 : 111;
  else {
    key.len = 0;
    idx = stralloc_copys(&key, "@") && stralloc_cat(&key, &a.domain)
        ? table_find(&m->merged, key.s, key.len) : -2;
    if (idx == -2) goto out2;
    if (idx < 0) code = tlist_add(&x->out, t, tlen) ? 0 : 111;
    else {
      const char *user = table_val(&m->merged, idx);
      key.len = 0;
      code = aliases_virtual(&key, user, strlen(user), a.local.s, a.local.len)
          && tlist_add(&x->out, key.s, key.len) ? 0 : 111;
    }
  }
out2:
  stralloc_free(&key);
out:
  addr_free(&a);
  return code;
}

static int expand_entry(struct expansion *x, long idx)
{
  struct mkalias *m = x->m;
  if (x->depth >= EXPAND_DEPTH) {
    const struct table_entry *e = &m->merged.e[x->stack[0]];
    table_where(&m->err, table_file(&m->merged, x->stack[0]), e->line, "aliases nested too deeply");
    return stralloc_0(&m->err) ? (--m->err.len, 100) : 111;
  }
  x->stack[x->depth++] = idx;
  const char *v = table_val(&m->merged, idx);
  int code = 0;
  for (size_t k = 0; k < m->merged.e[idx].vlen && !code; k += strlen(v + k) + 1) {
    const char *t = v + k;
    if (t[0] == '|' || t[0] == '/') code = tlist_add(&x->out, t, strlen(t)) ? 0 : 111;
    else code = expand_address(x, t, strlen(t));
  }
  --x->depth;
  return code;
}

int mkalias_expand(struct mkalias *m)
{
  struct expansion x = { m, {0}, 0, {{0}, 0, 0, 0} };
  int code = 0;
  for (size_t i = 0; i < m->merged.n && !code; ++i) {
    const char *key = table_key(&m->merged, i);
    tlist_clear(&x.out);
    /* "@domain: user" is rewritten per address at lookup time */
    if (key[0] == '@') code = tlist_add(&x.out, table_val(&m->merged, i), strlen(table_val(&m->merged, i))) ? 0 : 111;
    else code = expand_entry(&x, (long)i);
    if (!code && !table_add(&m->out, key, m->merged.e[i].klen, x.out.list.s, x.out.list.len,
                            table_file(&m->merged, i), m->merged.e[i].line)) code = 111;
  }
  tlist_free(&x.out);
  return code;
}
