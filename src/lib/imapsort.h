#ifndef IMAPSORT_H
#define IMAPSORT_H

#include <stddef.h>
#include "stralloc.h"

/* SORT and THREAD (RFC 5256) over a set of messages.
 *
 * imapd first selects the messages (SEARCH program), then adds each one
 * with sort_add, giving only its header block (mime_header_end: the
 * body is never needed), its internal date and RFC822.SIZE, and an id
 * (sequence number or UID, whichever the response needs). The keys are
 * extracted once per message into one string pool: no per-message
 * allocation. Then sort_run or thread_run produce the order.
 *
 * Keys, as RFC 5256 defines them:
 *   ARRIVAL  internal date;  DATE  Date: in UTC, or the internal date
 *            when Date: is missing or unparsable;  SIZE  RFC822.SIZE;
 *   FROM/TO/CC  the addr-mailbox (local part) of the first address,
 *            RFC 2047-decoded and case-folded, "" when absent;
 *   DISPLAYFROM/DISPLAYTO (RFC 5957)  the display name of the first
 *            address, or its addr-spec when it has none;
 *   SUBJECT  the base subject (RFC 5256 section 2.1: decoded to UTF-8,
 *            "Re:", "Fwd:", "[blob]" prefixes and "(fwd)" trailers
 *            removed, whitespace collapsed), compared octet-wise
 *            (i;unicode-casemap: it is folded).
 * Ties are broken by the order messages were added (ascending sequence
 * number), as RFC 5256 requires; REVERSE applies to the key after it. */

enum sort_key {
  SORT_ARRIVAL, SORT_CC, SORT_DATE, SORT_FROM, SORT_SIZE, SORT_SUBJECT, SORT_TO,
  SORT_DISPLAYFROM, SORT_DISPLAYTO
};

struct sort_crit {
  enum sort_key key;
  int reverse;               /* 1 when "REVERSE" preceded the key */
};

/* One message's extracted keys; strings are offsets into the pool. */
struct sort_msg {
  unsigned long id;          /* what the result lists (seq or UID) */
  unsigned long order;       /* position in the order added (tie-break) */
  long long arrival, date;   /* seconds since the epoch (UTC) */
  unsigned long long size;
  size_t subject, from, to, cc, dfrom, dto;   /* NUL-terminated, in pool */
  size_t msgid, refs;        /* THREAD: Message-ID "<..>"; References
                                ids "<a> <b>" (In-Reply-To's first id if
                                References is absent); "" when none */
  int is_reply;              /* the subject had Re:/Fwd: etc. (ORDEREDSUBJECT) */
};

struct sort_set {
  struct sort_msg *m; size_t n, a;
  stralloc pool;
};

/* Adds a message. hdr[0..hdrlen) is its header block. Only the keys the
 * coming sort_run/thread_run needs are extracted when keys is a mask of
 * (1 << SORT_x) bits plus SORT_NEED_THREAD; keys 0 extracts every key.
 * 0 ok, -1 ENOMEM. */
#define SORT_NEED_THREAD (1u << 16)
int sort_add(struct sort_set *s, unsigned long id, long long arrival, unsigned long long size,
             const char *hdr, size_t hdrlen, unsigned int keys);
/* Empties the set, keeping its memory for the next command. */
void sort_reset(struct sort_set *s);
void sort_free(struct sort_set *s);

/* Sorts by the criteria (at least one) and writes the ids in order into
 * out[0..s->n). The set's own order is rearranged. 0 ok, -1 ENOMEM. */
int sort_run(struct sort_set *s, const struct sort_crit *crit, size_t ncrit, unsigned long *out);

enum thread_algo { THREAD_ORDEREDSUBJECT, THREAD_REFERENCES };

/* Threads the set and appends the THREAD response's data, exactly what
 * follows "* THREAD " (e.g. "(2)(3 6 (4 23)(44 7 96))"; "" for an empty
 * set), with the ids given to sort_add. 0 ok, -1 ENOMEM. */
int thread_run(struct sort_set *s, enum thread_algo algo, stralloc *out);

/* The RFC 5256 base subject of a raw Subject: value, appended as UTF-8,
 * case-folded; *is_reply set when a reply/forward marker was removed. */
int sort_base_subject(stralloc *out, const char *value, size_t len, int *is_reply);

#endif
