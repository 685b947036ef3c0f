#ifndef IMAP_QUOTA_H
#define IMAP_QUOTA_H

#include "imapd.h"

/* "* QUOTA "" (STORAGE used max MESSAGE used max)" from maildirsize. */
void out_quota(struct session *s);

#endif
