/* The maildir as pop3d sees it: new/ moved into cur/ at login (as
 * Courier does), then a snapshot of cur/ in arrival order. Nothing on
 * disk changes again until the UPDATE state. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "die.h"
#include "scan.h"
#include "maildir.h"
#include "quota.h"
#include "pop3d.h"

#define TMP_MAX_AGE (36 * 3600)   /* tmp/ leftovers of crashed deliveries */

const char *mailbox_name(const struct mailbox *mb, unsigned long i)
{
  return mb->names.s + mb->m[i].name;
}

/* Octets LIST reports: ,W= (the size with CRLF line ends, as Dovecot
 * names it) when the name carries it, else ,S=, else the file's size. */
static uint32_t name_size(int cur, const char *name)
{
  long long size = -1;
  for (const char *p = name; *p && *p != ':' && size < 0; ++p)
    if (p[0] == ',' && p[1] == 'W' && p[2] == '=' && p[3] >= '0' && p[3] <= '9')
      { unsigned long long w; if (scan_ulonglong(p + 3, &w)) size = (long long)w; }
  if (size < 0) size = maildir_name_size(name);
  struct stat st;
  if (size < 0) size = fstatat(cur, name, &st, 0) == 0 ? (long long)st.st_size : 0;
  return size > (long long)UINT32_MAX ? UINT32_MAX : (uint32_t)size;
}

static int add(struct mailbox *mb, const char *name)
{
  if (mb->n == mb->alloc) {
    unsigned long want = mb->alloc ? mb->alloc + mb->alloc / 2 : 256;
    struct msg *m = realloc(mb->m, want * sizeof *m);
    if (!m) { errno = ENOMEM; return -1; }
    mb->m = m;
    mb->alloc = want;
  }
  struct msg *m = &mb->m[mb->n];
  if (mb->names.len > UINT32_MAX - 4096) { errno = ENOMEM; return -1; }
  m->name = (uint32_t)mb->names.len;
  if (!stralloc_cats(&mb->names, name) || !stralloc_0(&mb->names)) {
    errno = ENOMEM;
    return -1;
  }
  m->size = 0;
  m->dele = 0;
  m->seen = m->gone = 0;
  ++mb->n;
  return 0;
}

/* new/NAME becomes cur/NAME:2, so the message keeps its name, and with
 * it its UIDL, for good. */
/* a then b into out (size bytes): 0 when it does not fit. */
static int join(char *out, size_t size, const char *a, const char *b)
{
  size_t na = strlen(a), nb = strlen(b);
  if (na + nb >= size) return 0;
  memcpy(out, a, na);
  memcpy(out + na, b, nb + 1);
  return 1;
}

static int move_new(int cur)
{
  int dir = open("new", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) return errno == ENOENT ? 0 : -1;
  DIR *d = fdopendir(dup(dir));
  if (!d) { close(dir); return -1; }
  struct dirent *de;
  char to[1024];
  while ((de = readdir(d))) {
    if (de->d_name[0] == '.') continue;
    if (!join(to, sizeof to, de->d_name, strchr(de->d_name, ':') ? "" : ":2,")) continue;
    if (renameat(dir, de->d_name, cur, to) < 0 && errno != ENOENT) warn_sys("unable to move new/", de->d_name, " to cur/");
  }
  closedir(d);
  close(dir);
  return 0;
}

static void purge_tmp(void)
{
  int dir = open("tmp", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir < 0) return;
  DIR *d = fdopendir(dup(dir));
  if (!d) { close(dir); return; }
  struct dirent *de;
  struct stat st;
  time_t old = time(0) - TMP_MAX_AGE;
  while ((de = readdir(d))) {
    if (de->d_name[0] == '.') continue;
    if (fstatat(dir, de->d_name, &st, 0) == 0 && st.st_mtime < old) unlinkat(dir, de->d_name, 0);
  }
  closedir(d);
  close(dir);
}

int mailbox_open(struct mailbox *mb)
{
  purge_tmp();
  mb->cur = open("cur", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (mb->cur < 0 || move_new(mb->cur) < 0) return -1;
  DIR *d = fdopendir(dup(mb->cur));
  if (!d) return -1;
  /* Counted first, so the arrays are allocated once at their size:
   * growing them would leave freed copies in the resident set. */
  struct dirent *de;
  unsigned long count = 0;
  size_t bytes = 0;
  while ((de = readdir(d)))
    if (de->d_name[0] != '.') { ++count; bytes += strlen(de->d_name) + 1; }
  if (count && (!(mb->m = malloc((count + 64) * sizeof *mb->m)) || !stralloc_ready(&mb->names, bytes + 4096))) {
    closedir(d);
    errno = ENOMEM;
    return -1;
  }
  mb->alloc = count ? count + 64 : 0;
  rewinddir(d);
  while ((de = readdir(d))) {
    if (de->d_name[0] == '.') continue;
    if (add(mb, de->d_name) < 0) { closedir(d); return -1; }
  }
  closedir(d);
  mailbox_sort(mb);
  mb->epoch = 1;
  for (unsigned long i = 0; i < mb->n; ++i) {
    mb->m[i].size = name_size(mb->cur, mailbox_name(mb, i));
    mb->size += mb->m[i].size;
  }
  return 0;
}

/* The name up to the info, with octets outside 0x21..0x7E (and ' " +)
 * written as +XX: the UIDL Courier derives from a maildir name. */
void mailbox_uidl(stralloc *out, const char *name)
{
  static const char hex[] = "0123456789ABCDEF";
  size_t n = strcspn(name, ":");
  out->len = 0;
  if (!stralloc_ready(out, 3 * n)) return;
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = (unsigned char)name[i];
    if (c < 0x21 || c > 0x7e || c == '\'' || c == '"' || c == '+') {
      out->s[out->len++] = '+';
      out->s[out->len++] = hex[c >> 4];
      out->s[out->len++] = hex[c & 15];
    } else {
      out->s[out->len++] = (char)c;
    }
  }
}

void mailbox_free(struct mailbox *mb)
{
  if (mb->cur >= 0) close(mb->cur);
  mb->cur = -1;
  free(mb->m);
  free(mb->names.s);
  mb->m = 0;
  mb->names.s = 0;
  mb->n = mb->alloc = 0;
}
