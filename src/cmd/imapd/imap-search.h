#ifndef IMAP_SEARCH_H
#define IMAP_SEARCH_H

#include "imapd.h"
#include "imapsearch.h"

/* Parses search keys from a (the first key) into p (SEARCH, SORT and
 * THREAD share it). 1 ok; 0 bad syntax with *why; -1 unknown charset. */
int search_parse(struct session *s, struct search_prog *p, struct imap_arg *a, const char *charset,
                 const char **why);
/* Marks (F_MARK) the messages matching p; returns how many, -1 error. */
long search_run(struct session *s, struct search_prog *p);
/* Frees the sequence sets the program holds, then the program. */
void search_done(struct search_prog *p);
/* 1 if the charset is one SEARCH knows (UTF-8, US-ASCII, or iconv's). */
int search_charset_ok(const char *cs);

#endif
