#ifndef DIE_H
#define DIE_H

#include <stdarg.h>

/* One-line diagnostics on stderr, in one format for every program:
 *   prog: fatal: unable to open queue/lock/trigger: permission denied
 *   prog: warning: ...
 *   prog: info text ...            (log_line: one event per line)
 * The arguments are strings, ended by the macros with a null pointer.
 * PROG is the one piece of global state: the program's name, set once
 * at the top of main. */

extern const char *PROG;

_Noreturn void die_strs(int code, int with_errno, ...);
void warn_strs(int with_errno, ...);
void log_strs(const char *first, ...);

#define die(code, ...)      die_strs((code), 0, __VA_ARGS__, (const char *)0)
#define die_sys(code, ...)  die_strs((code), 1, __VA_ARGS__, (const char *)0)
#define warn(...)           warn_strs(0, __VA_ARGS__, (const char *)0)
#define warn_sys(...)       warn_strs(1, __VA_ARGS__, (const char *)0)
#define log_line(...)       log_strs(__VA_ARGS__, (const char *)0)

/* Exit 100 with "prog: usage: TEXT". */
_Noreturn void die_usage(const char *text);
/* Exit 111 with "prog: fatal: out of memory". */
_Noreturn void die_nomem(void);

#endif
