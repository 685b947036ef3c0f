#ifndef DOMLIST_H
#define DOMLIST_H

#include "stralloc.h"
#include "table.h"

/* 1 when domain (lower-case) or one of its ".suffix" wildcards is a key
 * of the sorted table t. */
int domlist_match(const struct table *t, const char *domain);

#endif
