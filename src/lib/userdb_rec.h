#ifndef USERDB_REC_H
#define USERDB_REC_H

#include <stddef.h>
#include "stralloc.h"

/* One userdb record's fields, "name=value|name=value" (userdb(8)).
 * Values may not hold '|' or a newline; a field named alone stands
 * for an empty value. */

/* 1 and the value (val, vlen) set when the record has the field, else 0. */
int userdb_field(const char *rec, size_t len, const char *name,
                 const char **val, size_t *vlen);
/* Like userdb_field, copying the value NUL-terminated into out. */
int userdb_field_sa(const char *rec, size_t len, const char *name, stralloc *out);

/* 1 when a field holds password data and belongs in userdbshadow.cdb:
 * systempw, SERVICEpw (imappw, pop3pw ...), hmac-md5pw, hmac-sha1pw,
 * apoppw. */
int userdb_field_secret(const char *name, size_t len);

/* Walks the fields: *pos starts at 0; 1 and the field's name and value
 * for each, 0 at the end. */
int userdb_field_next(const char *rec, size_t len, size_t *pos,
                      const char **name, size_t *nlen, const char **val, size_t *vlen);

/* Appends to out the fields of rec whose secrecy is `secret`, joined
 * by '|'. 1 ok, 0 no memory. */
int userdb_fields_select(stralloc *out, const char *rec, size_t len, int secret);

#endif
