/* The UPDATE state (RFC 1939): only after QUIT are DELE'd messages
 * removed and retrieved ones marked seen; a session that ends any other
 * way changes nothing. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "die.h"
#include "maildir.h"
#include "quota.h"
#include "pop3d.h"

/* The bytes maildirsize counted for the file: ,S= or its size. */
static long long quota_bytes(int cur, const char *name)
{
  long long n = maildir_name_size(name);
  if (n >= 0) return n;
  struct stat st;
  return fstatat(cur, name, &st, 0) == 0 ? (long long)st.st_size : 0;
}

/* 1 removed, 0 not found under its name, -1 error. */
static int remove_msg(struct pop3d *s, unsigned long i, long long *bytes)
{
  const char *name = mailbox_name(&s->mb, i);
  long long size = quota_bytes(s->mb.cur, name);
  if (unlinkat(s->mb.cur, name, 0) == 0) { *bytes = size; return 1; }
  if (errno == ENOENT) return 0;
  warn_sys("unable to remove cur/", name);
  return -1;
}

/* Flags after ":2," stay in ASCII order, as the maildir spec asks. */
static int seen_name(char *out, size_t size, const char *name)
{
  const char *colon = strchr(name, ':');
  const char *flags, *info;
  if (!colon) { flags = name + strlen(name); info = ":2,"; }
  else if (colon[1] == '2' && colon[2] == ',') { flags = colon + 3; info = ""; }
  else return 0;  /* an info other than ":2," is not ours to change */
  if (strchr(flags, 'S')) return 0;
  size_t head = (size_t)(flags - name), ninfo = strlen(info), before = 0;
  while (flags[before] && flags[before] < 'S') ++before;
  size_t rest = strlen(flags + before);
  if (head + ninfo + before + 1 + rest >= size) return 0;
  char *o = out;
  memcpy(o, name, head); o += head;
  memcpy(o, info, ninfo); o += ninfo;
  memcpy(o, flags, before); o += before;
  *o++ = 'S';
  memcpy(o, flags + before, rest + 1);
  return 1;
}

/* 0 done (or nothing to do), 1 not found under its name. */
static int mark_seen(struct pop3d *s, unsigned long i)
{
  char to[1100];
  const char *name = mailbox_name(&s->mb, i);
  if (!seen_name(to, sizeof to, name)) return 0;
  return renameat(s->mb.cur, name, s->mb.cur, to) < 0 && errno == ENOENT;
}

struct tally {
  long long bytes, count;
  int failed;
};

/* 1 when the message was not found under its name. */
static int update_one(struct pop3d *s, unsigned long i, struct tally *t)
{
  if (s->mb.m[i].gone) return 0;
  if (!mailbox_deleted(&s->mb, i)) return s->mb.m[i].seen ? mark_seen(s, i) : 0;
  long long b = 0;
  int got = remove_msg(s, i, &b);
  if (got < 0) t->failed = 1;
  if (got <= 0) return got == 0;
  t->bytes += b;
  ++t->count;
  ++s->deleted;
  s->deleted_bytes += (unsigned long long)b;
  return 0;
}

/* Messages not found under their names (renamed or removed by another
 * session) are looked for all at once, then tried again. */
int mailbox_update(struct pop3d *s)
{
  struct tally t = {0, 0, 0};
  unsigned long *missing = 0, k = 0;
  for (unsigned long i = 0; i < s->mb.n; ++i) {
    if (!update_one(s, i, &t)) continue;
    if (!missing && !(missing = malloc(s->mb.n * sizeof *missing))) { t.failed = 1; continue; }
    missing[k++] = i;
  }
  if (k && mailbox_relocate_many(&s->mb, missing, k) < 0) t.failed = 1;
  else
    for (unsigned long j = 0; j < k; ++j) update_one(s, missing[j], &t);
  free(missing);
  if (t.count && quota_add(".", -t.bytes, -t.count) < 0) warn_sys("unable to update maildirsize");
  return t.failed ? -1 : 0;
}
