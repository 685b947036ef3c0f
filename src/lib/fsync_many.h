#ifndef FSYNC_MANY_H
#define FSYNC_MANY_H

/* fsyncs up to FSYNC_MANY_MAX descriptors at the same time, one thread
 * each: a journaling filesystem then serves them with one commit and
 * one device flush instead of one each, while every one of them is
 * still a full fsync. 0 ok; -1 with errno and *failed the index of a
 * descriptor whose fsync failed. */
enum { FSYNC_MANY_MAX = 8 };
int fsync_many(const int *fds, int n, int *failed);

#endif
