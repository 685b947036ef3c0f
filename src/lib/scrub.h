#ifndef SCRUB_H
#define SCRUB_H

/* Zeroes the stack below the caller, where the frames of functions that
 * handled a secret (base64 decoders, libc's string routines) left their
 * working copies. Pre-auth servers call it when a login attempt is over. */
void scrub_stack(void);

#endif
