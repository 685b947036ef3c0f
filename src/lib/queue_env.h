#ifndef QUEUE_ENV_H
#define QUEUE_ENV_H

#include <stddef.h>
#include "stralloc.h"

/* The envelope queue-inject reads on fd 1 (doc/INTERFACES.md section 3):
 * records of one letter, a value and a NUL, ended by a lone NUL. The
 * same records, preceded by Q and I, make up queue/env/ID. */

enum { QUEUE_ENV_MAXVALUE = 1000 };   /* longest value accepted in a record */

/* Walks one record at *pos: sets *type and the value (not counting its
 * NUL) and advances *pos. Returns 1 for a record, 0 at the end record
 * (the lone NUL; *pos moves past it), -1 when the bytes end before a
 * record does. */
int queue_env_next(const char *s, size_t len, size_t *pos,
                   char *type, const char **value, size_t *vlen);

/* Checks a caller's envelope as queue-inject accepts it. Returns 1 when
 * s holds a complete valid envelope (*used is its length, end record
 * included, *nrcpt its T records), 0 when more bytes are needed, -1 when
 * it is invalid (*why says how, for one stderr line). */
int queue_env_check(const char *s, size_t len, size_t *used, unsigned long *nrcpt,
                    const char **why);

/* Appends one record (type, value, NUL) to sa: 1 ok, 0 no memory. */
int queue_env_add(stralloc *sa, char type, const char *value, size_t len);

#endif
