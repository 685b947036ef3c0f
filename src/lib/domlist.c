#include <string.h>
#include "domlist.h"

int domlist_match(const struct table *t, const char *domain)
{
  size_t len = strlen(domain);
  if (table_find(t, domain, len) >= 0) return 1;
  for (size_t i = 1; i + 1 < len; ++i)
    if (domain[i] == '.' && table_find(t, domain + i, len - i) >= 0) return 1;
  return 0;
}
