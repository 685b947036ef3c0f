#ifndef MIME_INT_H
#define MIME_INT_H

/* Internals shared by the mime_*.c files (not for callers). */
#include <stddef.h>
#include "stralloc.h"

/* ASCII case-insensitive equality of a[0..alen) with the C string b. */
int mime_ieq(const char *a, size_t alen, const char *b);
/* Skips whitespace, line ends and (nested) comments from s[pos..len). */
size_t mime_skip_cfws(const char *s, size_t len, size_t pos);
/* An RFC 2045 token (or any run up to a tspecial/space when lax). */
size_t mime_token(const char *s, size_t len, size_t pos, const char *stop);
/* A quoted string starting at s[pos] == '"': appends the unquoted text
 * (when out is not NULL) and returns the position after the closing quote. */
size_t mime_quoted(const char *s, size_t len, size_t pos, stralloc *out);

/* A parsed Content-Type (or Content-Disposition: type only). */
struct mime_ct {
  const char *type; size_t typelen;
  const char *sub;  size_t sublen;
  const char *params; size_t paramslen;   /* from the first ';' */
};
void mime_ct_parse(const char *v, size_t len, struct mime_ct *ct);

/* One parameter; name raw, value unquoted into the caller's stralloc. */
struct mime_param { const char *name; size_t namelen; };
/* Iterates "; name=value" pairs: 1 with the unquoted value appended to
 * val, 0 at the end, -1 ENOMEM. */
int mime_param_next(const char *s, size_t len, size_t *pos, struct mime_param *p, stralloc *val);
/* Value of parameter name, appended to out: 1 found, 0 not. */
int mime_param_find(const char *s, size_t len, const char *name, stralloc *out);

/* The value of the first field named name in a header block, or NULL. */
const char *mime_hdr_value(const char *hdr, size_t len, const char *name, size_t *vlen);

/* An IMAP string of text for people (subjects, names), tmp as scratch. */
int mime_imap_human(stralloc *out, stralloc *tmp, const char *s, size_t len);

/* ENVELOPE address list of count raw values of one field (NIL when empty). */
int mime_addr_list(stralloc *out, const char *const *v, const size_t *len, unsigned int count);

#endif
