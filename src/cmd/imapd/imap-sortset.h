#ifndef IMAP_SORTSET_H
#define IMAP_SORTSET_H

#include "imapd.h"
#include "imapsort.h"

int sortset_fill(struct session *s, struct sort_set *set, unsigned keys);
int sortset_search(struct session *s, struct imap_arg *a, const char **why);

#endif
