/* The maildir as pop3d sees it: new/ moved into cur/ at login (as
 * Courier does), then a snapshot of cur/ in arrival order. Nothing on
 * disk changes again until the UPDATE state. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "die.h"
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
static long long name_size(const char *path)
{
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  for (const char *p = base; *p && *p != ':'; ++p)
    if (p[0] == ',' && p[1] == 'W' && p[2] == '=' && p[3] >= '0' && p[3] <= '9')
      return strtoll(p + 3, 0, 10);
  long long size = maildir_name_size(base);
  if (size >= 0) return size;
  struct stat st;
  return stat(path, &st) == 0 ? (long long)st.st_size : 0;
}

static int add(struct mailbox *mb, const char *name)
{
  if (mb->n == mb->alloc) {
    unsigned long want = mb->alloc ? mb->alloc * 2 : 256;
    struct msg *m = realloc(mb->m, want * sizeof *m);
    if (!m) { errno = ENOMEM; return -1; }
    mb->m = m;
    mb->alloc = want;
  }
  struct msg *m = &mb->m[mb->n];
  m->name = mb->names.len;
  if (!stralloc_cats(&mb->names, "cur/") || !stralloc_cats(&mb->names, name) || !stralloc_0(&mb->names)) {
    errno = ENOMEM;
    return -1;
  }
  m->size = -1;
  m->deleted = m->seen = 0;
  ++mb->n;
  return 0;
}

/* new/NAME becomes cur/NAME:2, so the message keeps its name, and with
 * it its UIDL, for good. */
static int move_new(void)
{
  DIR *d = opendir("new");
  if (!d) return errno == ENOENT ? 0 : -1;
  struct dirent *de;
  char from[1024], to[1024];
  while ((de = readdir(d))) {
    if (de->d_name[0] == '.') continue;
    const char *info = strchr(de->d_name, ':') ? "" : ":2,";
    if ((size_t)snprintf(from, sizeof from, "new/%s", de->d_name) >= sizeof from) continue;
    if ((size_t)snprintf(to, sizeof to, "cur/%s%s", de->d_name, info) >= sizeof to) continue;
    if (rename(from, to) < 0 && errno != ENOENT) warn_sys("unable to move ", from, " to cur");
  }
  closedir(d);
  return 0;
}

static void purge_tmp(void)
{
  DIR *d = opendir("tmp");
  if (!d) return;
  struct dirent *de;
  char path[1024];
  struct stat st;
  time_t old = time(0) - TMP_MAX_AGE;
  while ((de = readdir(d))) {
    if (de->d_name[0] == '.') continue;
    if ((size_t)snprintf(path, sizeof path, "tmp/%s", de->d_name) >= sizeof path) continue;
    if (stat(path, &st) == 0 && st.st_mtime < old) unlink(path);
  }
  closedir(d);
}

/* Arrival order: the leading seconds, then the name up to the info. */
static int cmp_msg(const void *a, const void *b, void *ctx)
{
  const char *names = ctx;
  const char *x = names + ((const struct msg *)a)->name + 4;
  const char *y = names + ((const struct msg *)b)->name + 4;
  unsigned long long tx = strtoull(x, 0, 10), ty = strtoull(y, 0, 10);
  if (tx != ty) return tx < ty ? -1 : 1;
  for (; *x == *y && *x && *x != ':'; ++x, ++y) {}
  unsigned char cx = *x == ':' ? 0 : (unsigned char)*x, cy = *y == ':' ? 0 : (unsigned char)*y;
  return (cx > cy) - (cx < cy);
}

int mailbox_open(struct mailbox *mb)
{
  purge_tmp();
  if (move_new() < 0) return -1;
  DIR *d = opendir("cur");
  if (!d) return -1;
  struct dirent *de;
  while ((de = readdir(d))) {
    if (de->d_name[0] == '.') continue;
    if (add(mb, de->d_name) < 0) { closedir(d); return -1; }
  }
  closedir(d);
  qsort_r(mb->m, mb->n, sizeof *mb->m, cmp_msg, mb->names.s);
  for (unsigned long i = 0; i < mb->n; ++i) mb->m[i].size = name_size(mailbox_name(mb, i));
  return 0;
}

static size_t base_len(const char *name)
{
  size_t n = strcspn(name, ":");
  return n;
}

/* Another client (an IMAP session setting flags) may have renamed the
 * file since login: the part before ':' never changes, so look for it. */
int mailbox_relocate(struct mailbox *mb, unsigned long i)
{
  const char *old = mailbox_name(mb, i) + 4;
  size_t n = base_len(old);
  DIR *d = opendir("cur");
  if (!d) return 0;
  struct dirent *de;
  int found = 0;
  while ((de = readdir(d))) {
    if (strncmp(de->d_name, old, n) || (de->d_name[n] && de->d_name[n] != ':')) continue;
    size_t at = mb->names.len;
    if (stralloc_cats(&mb->names, "cur/") && stralloc_cats(&mb->names, de->d_name) && stralloc_0(&mb->names)) {
      mb->m[i].name = at;
      found = 1;
    }
    break;
  }
  closedir(d);
  return found;
}

/* The name up to the info, with octets outside 0x21..0x7E (and ' " +)
 * written as +XX: the UIDL Courier derives from a maildir name. */
void mailbox_uidl(stralloc *out, const char *name)
{
  static const char hex[] = "0123456789ABCDEF";
  const char *base = strrchr(name, '/');
  base = base ? base + 1 : name;
  out->len = 0;
  for (const char *p = base; *p && *p != ':'; ++p) {
    unsigned char c = (unsigned char)*p;
    if (c < 0x21 || c > 0x7e || c == '\'' || c == '"' || c == '+') {
      char esc[3] = {'+', hex[c >> 4], hex[c & 15]};
      stralloc_catb(out, esc, 3);
    } else {
      stralloc_append(out, (const char *)p);
    }
  }
}

void mailbox_free(struct mailbox *mb)
{
  free(mb->m);
  free(mb->names.s);
  mb->m = 0;
  mb->names.s = 0;
  mb->n = mb->alloc = 0;
}
