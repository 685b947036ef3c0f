#ifndef QUOTA_H
#define QUOTA_H

#include "stralloc.h"

/* Maildir++ quotas: the maildirsize file (first line the quota, e.g.
 * "10000000S,1000C", then "<bytes> <count>" lines, recalculated when it
 * grows past 5120 bytes or is older than 15 minutes with an overage), as
 * Courier's maildirquota(7). Shared by maildirmake -q, local, pop3d, imapd. */

struct quota {
  long long max_bytes;   /* 0: no byte limit */
  long long max_count;   /* 0: no message limit */
};

/* Parses "10000000S,1000C": 1 ok, 0 malformed. */
int quota_parse(struct quota *q, const char *text);

/* Current usage of the maildir (from maildirsize, recalculated when
 * needed): 0 ok, -1 errno. With no maildirsize and quota_text nonzero a
 * new maildirsize is written. */
int quota_usage(const char *maildir, const char *quota_text, long long *bytes, long long *count);

/* 1 if adding bytes/count would exceed the quota, 0 if not, -1 error. */
int quota_would_exceed(const char *maildir, const char *quota_text, long long bytes, long long count);

/* Records a delivery (+) or removal (-) in maildirsize (an appended
 * line); no-op when the maildir has no maildirsize. 0 ok, -1 errno. */
int quota_add(const char *maildir, long long bytes, long long count);

/* Writes maildirsize afresh for quota_text by counting every message
 * (maildirmake -q): 0 ok, -1 errno. */
int quota_write(const char *maildir, const char *quota_text);

#endif
