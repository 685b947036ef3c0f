/* Messages another client renamed since login (an IMAP session setting
 * flags): the part of the name before ':' never changes, so it finds
 * them again. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include "pop3d.h"

static size_t base_len(const char *name)
{
  return strcspn(name, ":");
}

/* Appends name to the arena for message i: 1, or 0 out of memory. */
static int rename_to(struct mailbox *mb, unsigned long i, const char *name)
{
  size_t at = mb->names.len;
  if (at >= UINT32_MAX - 4096 || !stralloc_cats(&mb->names, name) || !stralloc_0(&mb->names)) return 0;
  mb->m[i].name = (uint32_t)at;
  return 1;
}

int mailbox_relocate(struct mailbox *mb, unsigned long i)
{
  const char *old = mailbox_name(mb, i);
  size_t n = base_len(old);
  DIR *d = opendir("cur");
  if (!d) return 0;
  struct dirent *de;
  int found = 0;
  while ((de = readdir(d))) {
    if (strncmp(de->d_name, old, n) || (de->d_name[n] && de->d_name[n] != ':')) continue;
    found = rename_to(mb, i, de->d_name);
    break;
  }
  closedir(d);
  return found;
}

struct want {
  const char *base;
  size_t len;
  unsigned long i;
  size_t found;   /* 1 + offset of the new name in the found list, 0 none */
};

static int cmp_want(const void *a, const void *b)
{
  const struct want *x = a, *y = b;
  int r = memcmp(x->base, y->base, x->len < y->len ? x->len : y->len);
  return r ? r : (x->len > y->len) - (x->len < y->len);
}

/* One reading of cur/ for all k messages, sorted and searched, so that
 * QUIT after another session removed thousands of this one's messages
 * costs no more than one RETR of a renamed message. */
static void search_cur(DIR *d, struct want *w, unsigned long k, stralloc *found)
{
  struct dirent *de;
  qsort(w, k, sizeof *w, cmp_want);
  while ((de = readdir(d))) {
    struct want key = {de->d_name, base_len(de->d_name), 0, 0};
    struct want *hit = bsearch(&key, w, k, sizeof *w, cmp_want);
    if (!hit || hit->found) continue;
    size_t at = found->len;
    if (stralloc_cats(found, de->d_name) && stralloc_0(found)) hit->found = at + 1;
  }
}

int mailbox_relocate_many(struct mailbox *mb, const unsigned long *idx, unsigned long k)
{
  struct want *w = calloc(k ? k : 1, sizeof *w);
  DIR *d = opendir("cur");
  if (!w || !d) {
    free(w);
    if (d) closedir(d);
    return -1;
  }
  for (unsigned long j = 0; j < k; ++j) {
    w[j].base = mailbox_name(mb, idx[j]);
    w[j].len = base_len(w[j].base);
    w[j].i = idx[j];
  }
  stralloc found = {0};
  search_cur(d, w, k, &found);
  closedir(d);
  for (unsigned long j = 0; j < k; ++j) {
    if (!w[j].found) mb->m[w[j].i].gone = 1;
    else rename_to(mb, w[j].i, found.s + w[j].found - 1);
  }
  stralloc_free(&found);
  free(w);
  return 0;
}
