#ifndef IMAP_MBOX_H
#define IMAP_MBOX_H

#include <stddef.h>

/* Maildir file names: "<base>:2,<letters>". */
size_t name_baselen(const char *name);
void name_flags(const char *name, unsigned *flags, unsigned *kw);

struct mbox;
/* Finds a message's file after someone else renamed it: 1 found, 0 gone. */
int mbox_relocate(struct mbox *mb, size_t idx);

#endif
