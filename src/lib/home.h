#ifndef HOME_H
#define HOME_H

#include "stralloc.h"

/* postern's root: $POSTERN_HOME when set, else the root of the program
 * itself when it runs as ROOT/command/NAME, else conf-home compiled in.
 * A setuid or setgid program ignores the variable when the real and
 * effective ids differ, so nobody can point it at files of their own. */
const char *postern_home(void);

/* out = root "/" rel, NUL-terminated (out->len excludes the NUL).
 * Returns 1, or 0 when out of memory. */
int home_path(stralloc *out, const char *rel);

/* Like home_path, for programs in command/: $POSTERN_COMMAND_DIR/NAME when
 * that is set (tests point it at a sanitised build), else root/command/NAME. */
int home_command(stralloc *out, const char *name);

#endif
