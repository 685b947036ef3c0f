#ifndef IMAP_LIST_H
#define IMAP_LIST_H

#include "imapd.h"

struct folder { size_t off; int exists; int children; };
struct folders { stralloc names; struct folder *f; size_t n, a; };

/* Every folder, sorted by name, INBOX first. 0 ok, -1 error. */
int folders_load(struct session *s, struct folders *fl);
void folders_free(struct folders *fl);
int list_match(const char *pat, const char *name);
int list_pattern(const char *ref, const char *pat, stralloc *out);
const char *special_use(const char *name);

/* Subscriptions: the Maildir's courierimapsubscribed, one name a line. */
int subs_load(struct session *s, stralloc *list);
int subs_has(const stralloc *list, const char *name);
int subs_set(struct session *s, const char *name, int on);
/* Renames a folder and its children in the list. */
int subs_rename(struct session *s, const char *from, const char *to);

#endif
