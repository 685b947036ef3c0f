#ifndef ALIASLINE_H
#define ALIASLINE_H

#include <stddef.h>
#include "stralloc.h"

/* One line of an aliases source (see aliases(5)):
 *   name: target, target, ...      name is local, local@domain or @domain
 *   <blank>target, target          continues the previous line
 * A target is an address (local or local@domain), "|program" (to the end
 * of the line), "/file" (a mailbox; a maildir when it ends in '/'), or
 * ":include:/path" (more targets, read at compile time); any target may
 * be written in double quotes to hold commas. */

struct alias_line {
  int continued;        /* line began with a blank */
  int virtual_domain;   /* name was "@domain" */
  stralloc local;       /* name's local part: lower-cased, quoted as needed */
  stralloc domain;      /* name's domain: lower-cased, no trailing dot; empty if none */
  stralloc targets;     /* "t1\0t2\0..." */
};

/* 1 ok, 0 bad line (*err says why), -1 out of memory. */
int alias_line_parse(struct alias_line *l, const char *line, size_t len, const char **err);

/* Appends the comma-separated targets in s to targets: 1, 0 (*err), -1. */
int alias_targets_parse(stralloc *targets, const char *s, size_t len, const char **err);

void alias_line_free(struct alias_line *l);

#endif
