#ifndef CONF_H
#define CONF_H

#include <stddef.h>
#include "stralloc.h"

/* Courier-style configuration sources.
 *
 * A "list" source (locals, hosteddomains, esmtpacceptmailfor, aliases,
 * smtpaccess, userdb ...) may be a file or a directory; a directory's
 * files are read in byte order of their names and concatenated, skipping
 * names that begin with '.' or end with '~' or ".tmp" (editor and
 * compiler leftovers), as Courier does. */

/* Called once per line that is neither blank nor a comment (first
 * non-blank character '#'). The line has its CR/LF and trailing blanks
 * removed; leading blanks are kept so callers can see continuation
 * lines. `line` is NUL-terminated at `len`. Return 0 to go on, any
 * other value to stop: conf_each_line then returns that value. */
typedef int (*conf_line_fn)(void *ctx, const char *file, unsigned long lineno,
                            const char *line, size_t len);

/* Returns 0 when every line was handed over, the callback's nonzero
 * value if it stopped, or -1 with errno set (ENOENT when path is absent,
 * EISDIR/EACCES/... for unreadable parts). */
int conf_each_line(const char *path, conf_line_fn fn, void *ctx);

/* Reads a whole file: 1 read, 0 absent, -1 error (errno). */
int conf_slurp(stralloc *out, const char *path);

/* The first line of a one-value file such as me or defaultdomain,
 * trimmed: 1 found, 0 absent or empty, -1 error. */
int conf_first_line(stralloc *out, const char *path);

/* Shell-style NAME=value files (esmtpd, pop3d, imapd, courierd,
 * authdaemonrc): comments, blank lines, optional "export", values
 * unquoted, 'single' or "double" quoted with backslash escapes, and
 * $NAME / ${NAME} taken from earlier assignments in the same file (then
 * from the process environment). Later assignments win. */
struct conf_env {
  stralloc vars;   /* NAME=value\0NAME=value\0 ... */
};

/* 1 read, 0 absent, -1 error (errno), -2 syntax error: then *bad_line
 * holds the line number. */
int conf_env_read(struct conf_env *env, const char *path, unsigned long *bad_line);
/* The same for text in memory (len bytes, NULs refused): 1 parsed,
 * -1 out of memory, -2 syntax error (*bad_line set). */
int conf_env_parse(struct conf_env *env, const char *text, size_t len, unsigned long *bad_line);
/* The value of NAME, or 0 when unset. */
const char *conf_env_get(const struct conf_env *env, const char *name);
void conf_env_free(struct conf_env *env);

#endif
