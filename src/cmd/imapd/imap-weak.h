#ifndef IMAP_WEAK_H
#define IMAP_WEAK_H

/* SORT/THREAD is a separate module of libpostern; imapd links without
 * it and then answers those commands with NO and leaves them out of
 * CAPABILITY. */
#include "imapsearch.h"
#include "imapsort.h"

#pragma weak sort_add
#pragma weak sort_free
#pragma weak sort_run
#pragma weak thread_run

static inline int have_search(void) { return 1; }
static inline int have_sort(void) { return have_search() && sort_add && sort_run && thread_run; }

#endif
