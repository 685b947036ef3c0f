/* The folder list: INBOX and every ".Name" directory of the Maildir,
 * with parents implied by deeper names, matched against LIST patterns. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include "imapd.h"
#include "imap-list.h"

static int add_name(struct folders *fl, const char *name, size_t len, int exists)
{
  if (fl->n == fl->a) {
    size_t na = fl->a ? fl->a * 2 : 32;
    struct folder *f = realloc(fl->f, na * sizeof *f);
    if (!f) return 0;
    fl->f = f;
    fl->a = na;
  }
  fl->f[fl->n].off = fl->names.len;
  fl->f[fl->n].exists = exists;
  fl->f[fl->n].children = 0;
  ++fl->n;
  return stralloc_catb(&fl->names, name, len) && stralloc_0(&fl->names);
}

static int by_name(const void *a, const void *b, void *base)
{
  const char *s = base;
  return strcmp(s + ((const struct folder *)a)->off, s + ((const struct folder *)b)->off);
}

static int is_dir(const char *root, const char *entry)
{
  stralloc p = { 0 };
  struct stat st;
  int r = stralloc_copys(&p, root) && stralloc_cats(&p, "/") && stralloc_cats(&p, entry) &&
          stralloc_cats(&p, "/cur") && stralloc_0(&p) && stat(p.s, &st) == 0 && S_ISDIR(st.st_mode);
  stralloc_free(&p);
  return r;
}

/* Adds the parents of name that are not folders themselves. */
static int add_parents(struct folders *fl, size_t count)
{
  for (size_t i = 0; i < count; ++i) {
    const char *nm = fl->names.s + fl->f[i].off;
    if (strlen(nm) <= 6) continue;
    for (const char *dot = strchr(nm + 6, '.'); dot; dot = strchr(dot + 1, '.')) {
      size_t len = (size_t)(dot - nm);
      int found = 0;
      for (size_t j = 0; j < fl->n && !found; ++j) {
        const char *o = fl->names.s + fl->f[j].off;
        found = strlen(o) == len && !memcmp(o, nm, len);
      }
      if (!found) {
        stralloc tmp = { 0 };
        if (!stralloc_copyb(&tmp, nm, len) || !add_name(fl, tmp.s, len, 0)) { stralloc_free(&tmp); return 0; }
        stralloc_free(&tmp);
        nm = fl->names.s + fl->f[i].off;
        dot = nm + len;
      }
    }
  }
  return 1;
}

int folders_load(struct session *s, struct folders *fl)
{
  fl->n = 0;
  fl->names.len = 0;
  if (!add_name(fl, "INBOX", 5, 1)) return -1;
  DIR *d = opendir(s->maildir.s);
  if (!d) return -1;
  struct dirent *de;
  stralloc nm = { 0 };
  while ((de = readdir(d))) {
    if (de->d_name[0] != '.' || !de->d_name[1] || !folder_valid(de->d_name + 1)) continue;
    if (!is_dir(s->maildir.s, de->d_name)) continue;
    if (!stralloc_copys(&nm, "INBOX") || !stralloc_cats(&nm, de->d_name) || !add_name(fl, nm.s, nm.len, 1)) {
      closedir(d);
      stralloc_free(&nm);
      return -1;
    }
  }
  closedir(d);
  stralloc_free(&nm);
  if (!add_parents(fl, fl->n)) return -1;
  qsort_r(fl->f, fl->n, sizeof *fl->f, by_name, fl->names.s);
  for (size_t i = 0; i + 1 < fl->n; ++i) {
    const char *a = fl->names.s + fl->f[i].off, *b = fl->names.s + fl->f[i + 1].off;
    size_t al = strlen(a);
    if (!strncmp(a, b, al) && b[al] == '.') fl->f[i].children = 1;
  }
  return 0;
}

void folders_free(struct folders *fl)
{
  free(fl->f);
  fl->f = 0;
  fl->n = fl->a = 0;
  stralloc_free(&fl->names);
}

/* LIST wildcards: '*' matches anything, '%' anything but the separator.
 * Dynamic programming over the pattern: no backtracking blow-up. */
int list_match(const char *pat, const char *name)
{
  size_t pl = strlen(pat), nl = strlen(name);
  if (pl > 1024 || nl > 1024) return 0;
  unsigned char *row = calloc(nl + 1, 1), *next = calloc(nl + 1, 1);
  if (!row || !next) { free(row); free(next); return 0; }
  row[0] = 1;
  for (size_t i = 0; i < pl; ++i) {
    char p = pat[i];
    memset(next, 0, nl + 1);
    for (size_t j = 0; j <= nl; ++j) {
      if (p == '*' || p == '%') {
        if (row[j] || (j > 0 && next[j - 1] && (p == '*' || name[j - 1] != '.'))) next[j] = 1;
      } else if (j > 0 && row[j - 1] && p == name[j - 1]) {
        next[j] = 1;
      }
    }
    unsigned char *t = row; row = next; next = t;
  }
  int r = row[nl];
  free(row);
  free(next);
  return r;
}

/* The RFC 6154 attribute a top-level folder's usual name implies. */
const char *special_use(const char *name)
{
  static const struct { const char *name; const char *attr; } su[] = {
    { "INBOX.Sent", "\\Sent" }, { "INBOX.Sent Messages", "\\Sent" }, { "INBOX.Sent Items", "\\Sent" },
    { "INBOX.Drafts", "\\Drafts" }, { "INBOX.Trash", "\\Trash" }, { "INBOX.Deleted Messages", "\\Trash" },
    { "INBOX.Deleted Items", "\\Trash" }, { "INBOX.Junk", "\\Junk" }, { "INBOX.Spam", "\\Junk" },
    { "INBOX.Archive", "\\Archive" },
  };
  for (size_t i = 0; i < sizeof su / sizeof su[0]; ++i)
    if (!strcasecmp(name, su[i].name)) return su[i].attr;
  return 0;
}

/* The pattern as names are stored: reference + pattern, INBOX upper-case. */
int list_pattern(const char *ref, const char *pat, stralloc *out)
{
  if (!stralloc_copys(out, ref) || !stralloc_cats(out, pat) || !stralloc_0(out)) return 0;
  if (!strncasecmp(out->s, "INBOX", 5) && (out->s[5] == 0 || out->s[5] == '.')) memcpy(out->s, "INBOX", 5);
  return 1;
}
