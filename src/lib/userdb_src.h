#ifndef USERDB_SRC_H
#define USERDB_SRC_H

#include <stddef.h>
#include "stralloc.h"

/* The userdb text source (userdb(8)): etc/userdb, a file or a directory
 * whose files are concatenated, one account a line:
 *   address<TAB>name=value|name=value|...
 * Blank lines and lines starting with '#' are comments. */

/* 1 ok, 0 when the source (the file, the directory or a file in it) can
 * be read or written by group or other: *why names it; -1 error (errno). */
int userdb_src_private(const char *path, stralloc *why);

/* Compiles the source into cdb (public fields, mode 644) and shadowcdb
 * (password fields, mode 600), both replaced atomically. 1 ok; 0 the
 * source is wrong and err says "file:line: reason" (old tables kept);
 * -1 error (errno). */
int userdb_compile(const char *src, const char *cdb, const char *shadowcdb, stralloc *err);

/* Splits a source line into its address and its fields: 1 ok, 0 not a
 * record line. */
int userdb_line(const char *line, size_t len, const char **addr, size_t *alen,
                const char **fields, size_t *flen);

enum userdb_op { USERDB_SET, USERDB_UNSET, USERDB_DELETE };
/* Edits the entry for addr in one source file, rewriting it atomically
 * (a new file is made mode 600). SET takes "name=value\0..." and creates
 * the entry if needed; UNSET takes "name\0..."; DELETE takes nothing.
 * 1 done, 0 no such entry (UNSET, DELETE), -1 error (errno). */
int userdb_edit(const char *file, const char *addr, enum userdb_op op,
                const char *args, size_t argslen);

/* The file of the source that holds addr: 1 found, 0 not, -1 error. */
int userdb_src_find(const char *src, const char *addr, stralloc *file);

/* Serialises editors and compilers of the source (userdb, makeuserdb,
 * authcheck's password change): an exclusive lock on etc/userdb.lock,
 * held until the process exits. 1 ok, -1 error (errno). */
int userdb_lock(void);

#endif
