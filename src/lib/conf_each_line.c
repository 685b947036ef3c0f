#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "conf.h"

static int is_blank(char c) { return c == ' ' || c == '\t'; }

static int skipped_name(const char *name)
{
  size_t n = strlen(name);
  if (name[0] == '.') return 1;
  if (n && name[n - 1] == '~') return 1;
  if (n >= 4 && !strcmp(name + n - 4, ".tmp")) return 1;
  return 0;
}

static int each_in_file(const char *path, conf_line_fn fn, void *ctx)
{
  stralloc text = {0};
  int r = conf_slurp(&text, path);
  if (r <= 0) { free(text.s); if (r == 0) errno = ENOENT; return -1; }
  if (memchr(text.s, '\0', text.len)) { free(text.s); errno = EINVAL; return -1; }
  if (!stralloc_0(&text)) { free(text.s); errno = ENOMEM; return -1; }
  --text.len;

  unsigned long lineno = 0;
  size_t pos = 0;
  int result = 0;
  while (pos < text.len && !result) {
    char *line = text.s + pos;
    char *nl = memchr(line, '\n', text.len - pos);
    size_t len = nl ? (size_t)(nl - line) : text.len - pos;
    pos += len + 1;
    ++lineno;
    while (len && (line[len - 1] == '\r' || is_blank(line[len - 1]))) --len;
    line[len] = '\0';
    size_t first = 0;
    while (first < len && is_blank(line[first])) ++first;
    if (first == len || line[first] == '#') continue;
    result = fn(ctx, path, lineno, line, len);
  }
  free(text.s);
  return result;
}

static int by_name(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int each_in_directory(const char *path, conf_line_fn fn, void *ctx)
{
  struct dirent **names = 0;
  int count = scandir(path, &names, 0, 0);
  if (count < 0) return -1;
  char **sorted = calloc((size_t)count + 1, sizeof *sorted);
  if (!sorted) { for (int i = 0; i < count; ++i) free(names[i]); free(names); errno = ENOMEM; return -1; }
  int n = 0;
  for (int i = 0; i < count; ++i)
    if (!skipped_name(names[i]->d_name)) sorted[n++] = names[i]->d_name;
  qsort(sorted, (size_t)n, sizeof *sorted, by_name);

  int result = 0;
  stralloc file = {0};
  for (int i = 0; i < n && !result; ++i) {
    struct stat st;
    if (!stralloc_copys(&file, path) || !stralloc_cats(&file, "/")
        || !stralloc_cats(&file, sorted[i]) || !stralloc_0(&file)) { errno = ENOMEM; result = -1; break; }
    if (stat(file.s, &st) < 0) { result = -1; break; }
    if (S_ISDIR(st.st_mode)) continue;
    result = each_in_file(file.s, fn, ctx);
  }
  free(file.s);
  free(sorted);
  for (int i = 0; i < count; ++i) free(names[i]);
  free(names);
  return result;
}

int conf_each_line(const char *path, conf_line_fn fn, void *ctx)
{
  struct stat st;
  if (stat(path, &st) < 0) return -1;
  if (S_ISDIR(st.st_mode)) return each_in_directory(path, fn, ctx);
  return each_in_file(path, fn, ctx);
}
