#include <string.h>
#include "scrub.h"

/* More than the deepest call chain of a login attempt uses. */
#define SCRUB_BYTES 32768

__attribute__((noinline)) void scrub_stack(void)
{
  char dead_frames[SCRUB_BYTES];
  explicit_bzero(dead_frames, sizeof dead_frames);
}
