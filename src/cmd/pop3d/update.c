/* The UPDATE state (RFC 1939): only after QUIT are DELE'd messages
 * removed and retrieved ones marked seen; a session that ends any other
 * way changes nothing. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
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

/* 1 removed, 0 already gone (another session removed it), -1 error. */
static int remove_msg(struct pop3d *s, unsigned long i, long long *bytes)
{
  for (int attempt = 0; attempt < 2; ++attempt) {
    const char *name = mailbox_name(&s->mb, i);
    long long size = quota_bytes(s->mb.cur, name);
    if (unlinkat(s->mb.cur, name, 0) == 0) { *bytes = size; return 1; }
    if (errno != ENOENT) { warn_sys("unable to remove cur/", name); return -1; }
    if (!mailbox_relocate(&s->mb, i)) return 0;
  }
  return 0;
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

static void mark_seen(struct pop3d *s, unsigned long i)
{
  char to[1100];
  for (int attempt = 0; attempt < 2; ++attempt) {
    const char *name = mailbox_name(&s->mb, i);
    if (!seen_name(to, sizeof to, name)) return;
    if (renameat(s->mb.cur, name, s->mb.cur, to) == 0) return;
    if (errno != ENOENT || !mailbox_relocate(&s->mb, i)) return;
  }
}

int mailbox_update(struct pop3d *s)
{
  long long bytes = 0, count = 0;
  int r = 0;
  for (unsigned long i = 0; i < s->mb.n; ++i) {
    struct msg *m = &s->mb.m[i];
    if (m->gone) continue;
    if (mailbox_deleted(&s->mb, i)) {
      long long b = 0;
      int got = remove_msg(s, i, &b);
      if (got < 0) { r = -1; continue; }
      if (got) { bytes += b; ++count; ++s->deleted; s->deleted_bytes += (unsigned long long)b; }
    } else if (m->seen) {
      mark_seen(s, i);
    }
  }
  if (count && quota_add(".", -bytes, -count) < 0) warn_sys("unable to update maildirsize");
  return r;
}
