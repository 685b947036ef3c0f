#include "imap-copy.h"

/* MOVE (RFC 6851): COPY, then the sources expunged. */
CMD(move) { return copy_command(s, args, 1); }
