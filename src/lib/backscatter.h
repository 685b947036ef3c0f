#ifndef BACKSCATTER_H
#define BACKSCATTER_H

/* The backscatter suppression list (Courier's BOFHSUPPRESSBACKSCATTER):
 * local recipients whose delivery failed recently. queue-send adds an
 * address when a delivery to it fails and removes it when one succeeds;
 * smtpd calls backscatter_check at RCPT for the message sources the
 * bofh setting names and refuses the address with 4xx or 5xx. Entries
 * fall off after two hours; queue-ctl clear removes them by hand.
 *
 * Storage: var/backscatter/<hash> under the root, one small file per
 * address ("T address\n" or "F address\n"), its mtime the time of the
 * failure. A lookup is one open and one read: no lock, no daemon. */

#define BACKSCATTER_SECONDS 7200

enum { BACKSCATTER_NONE = 0, BACKSCATTER_TEMP = 1, BACKSCATTER_PERM = 2 };

/* The address is compared case-insensitively. Returns BACKSCATTER_*,
 * or -1 on an error (errno), which callers treat as "not listed". */
int backscatter_check(const char *address);

/* Records a failure (permanent or temporary): 0 ok, -1 errno. */
int backscatter_add(const char *address, int permanent);

/* Removes one address: 1 removed, 0 not listed, -1 error. */
int backscatter_clear(const char *address);

/* Removes every entry (all != 0) or only those older than two hours:
 * the number removed, or -1. */
int backscatter_sweep(int all);

/* Calls fn for every live entry: code 'T' or 'F', the address and the
 * time it was added. */
int backscatter_each(void (*fn)(void *ctx, char code, const char *address, unsigned long when), void *ctx);

#endif
