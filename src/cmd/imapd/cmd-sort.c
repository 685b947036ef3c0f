#include <stdlib.h>
#include <strings.h>
#include "die.h"
#include "imap-sortset.h"

/* SORT (RFC 5256): (criteria) charset search-keys. */
static const struct { const char *name; enum sort_key key; } crits[] = {
  { "ARRIVAL", SORT_ARRIVAL }, { "CC", SORT_CC }, { "DATE", SORT_DATE }, { "FROM", SORT_FROM },
  { "SIZE", SORT_SIZE }, { "SUBJECT", SORT_SUBJECT }, { "TO", SORT_TO },
  { "DISPLAYFROM", SORT_DISPLAYFROM }, { "DISPLAYTO", SORT_DISPLAYTO },
};

static int parse_crit(struct session *s, struct imap_arg *l, struct sort_crit *c, size_t *n, unsigned *keys)
{
  int reverse = 0;
  *n = 0;
  for (struct imap_arg *a = imap_argp(&s->cmd, l->child); a; a = arg_next(s, a)) {
    if (imap_atom_is(&s->cmd, a, "REVERSE")) { reverse = 1; continue; }
    size_t i = 0;
    while (i < sizeof crits / sizeof crits[0] && !imap_atom_is(&s->cmd, a, crits[i].name)) ++i;
    if (i == sizeof crits / sizeof crits[0] || *n >= 16) return 0;
    c[*n].key = crits[i].key;
    c[*n].reverse = reverse;
    *keys |= 1u << crits[i].key;
    ++*n;
    reverse = 0;
  }
  return *n > 0 && !reverse;
}

CMD(sort)
{
  struct sort_crit crit[16];
  size_t ncrit;
  unsigned keys = 0;
  const char *why = "Invalid search";
  if (!args || args->type != IMAP_LIST || !parse_crit(s, args, crit, &ncrit, &keys))
    return reply_bad(s, "Invalid sort criteria");
  int r = sortset_search(s, arg_next(s, args), &why);
  if (r < 0) return reply_no(s, "[BADCHARSET (UTF-8 US-ASCII)] Unknown charset");
  if (r == 0) return reply_bad(s, why);
  struct sort_set set = { 0 };
  if (sortset_fill(s, &set, keys) < 0) die_nomem();
  unsigned long *ids = malloc((set.n + 1) * sizeof *ids);
  if (!ids || sort_run(&set, crit, ncrit, ids) < 0) die_nomem();
  out_s(s, "* SORT");
  for (size_t i = 0; i < set.n; ++i) { out_s(s, " "); out_u(s, ids[i]); }
  out_s(s, "\r\n");
  free(ids);
  sort_free(&set);
  return reply_ok(s, "SORT completed");
}
