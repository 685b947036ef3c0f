#include <stdlib.h>
#include "addr.h"
#include "addr_syntax.h"

void addr_domain_canon(stralloc *domain)
{
  for (size_t i = 0; i < domain->len; ++i)
    if (domain->s[i] >= 'A' && domain->s[i] <= 'Z') domain->s[i] += 'a' - 'A';
  if (domain->len && domain->s[domain->len - 1] == '.') {
    --domain->len;
    domain->s[domain->len] = 0;
  }
}

int addr_quote_local(stralloc *out, const char *local, size_t len)
{
  if (addr_is_dot_string(local, len)) return stralloc_catb(out, local, len);
  if (!stralloc_append(out, "\"")) return 0;
  for (size_t i = 0; i < len; ++i) {
    if ((local[i] == '"' || local[i] == '\\') && !stralloc_append(out, "\\")) return 0;
    if (!stralloc_append(out, local + i)) return 0;
  }
  return stralloc_append(out, "\"");
}

int addr_format(stralloc *out, const struct addr *a)
{
  if (a->flags & ADDR_NULL) return 1;
  if (!addr_quote_local(out, a->local.s, a->local.len)) return 0;
  if (a->flags & ADDR_NODOMAIN) return 1;
  return stralloc_append(out, "@") && stralloc_catb(out, a->domain.s, a->domain.len);
}

size_t addr_at(const char *s, size_t len)
{
  size_t at = len;
  int quoted = 0;
  for (size_t i = 0; i < len; ++i) {
    if (quoted && s[i] == '\\') ++i;
    else if (s[i] == '"') quoted = !quoted;
    else if (!quoted && s[i] == '@') at = i;
  }
  return at;
}

void addr_free(struct addr *a)
{
  free(a->local.s);
  free(a->domain.s);
  a->local.s = a->domain.s = 0;
  a->local.len = a->local.a = a->domain.len = a->domain.a = 0;
}
