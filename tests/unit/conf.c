/* Unit tests for the configuration readers and the atomic cdb writer. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "tap.h"
#include "cdbw.h"
#include "conf.h"

static char dir[] = "/tmp/postern-unit-conf.XXXXXX";
enum { CACHE_PROBE = 20 };

static void put(const char *rel, const char *text)
{
  char path[256];
  snprintf(path, sizeof path, "%s/%s", dir, rel);
  FILE *f = fopen(path, "w");
  fputs(text, f);
  fclose(f);
}

static int collect(void *ctx, const char *file, unsigned long lineno, const char *line, size_t len)
{
  stralloc *out = ctx;
  const char *base = strrchr(file, '/');
  char num[32];
  snprintf(num, sizeof num, ":%lu:", lineno);
  stralloc_cats(out, base ? base + 1 : file);
  stralloc_cats(out, num);
  stralloc_catb(out, line, len);
  stralloc_cats(out, "|");
  return 0;
}

static int stop_at_two(void *ctx, const char *file, unsigned long lineno, const char *line, size_t len)
{
  (void)ctx; (void)file; (void)line; (void)len;
  return lineno == 2 ? 7 : 0;
}

int main(void)
{
  stralloc out = {0};
  char path[256];

  if (!mkdtemp(dir)) return 1;
  put("list", "# comment\r\none\r\n\n  two  \n\t# indented comment\nthree");
  snprintf(path, sizeof path, "%s/list", dir);
  stralloc_copys(&out, "");
  is_int(conf_each_line(path, collect, &out), 0, "a file is read to the end");
  stralloc_0(&out);
  is_str(out.s, "list:2:one|list:4:  two|list:6:three|", "comments, blanks, CR and trailing blanks are dropped; leading blanks kept");

  is_int(conf_each_line(path, stop_at_two, 0), 7, "the callback's value stops the walk");

  snprintf(path, sizeof path, "%s/d", dir);
  mkdir(path, 0755);
  put("d/b", "second\n");
  put("d/a", "first\n");
  put("d/.hidden", "no\n");
  put("d/c~", "no\n");
  put("d/e.tmp", "no\n");
  stralloc_copys(&out, "");
  is_int(conf_each_line(path, collect, &out), 0, "a directory is read");
  stralloc_0(&out);
  is_str(out.s, "a:1:first|b:1:second|", "a directory's files are concatenated in name order, leftovers skipped");

  snprintf(path, sizeof path, "%s/absent", dir);
  errno = 0;
  is_int(conf_each_line(path, collect, &out), -1, "an absent source is an error");
  is_int(errno, ENOENT, "... with ENOENT");

  put("me", "  mail.example.test \r\nsecond\n");
  snprintf(path, sizeof path, "%s/me", dir);
  is_int(conf_first_line(&out, path), 1, "conf_first_line finds a value");
  is_str(out.s, "mail.example.test", "conf_first_line trims the first line");

  struct cdbw w;
  snprintf(path, sizeof path, "%s/t.cdb", dir);
  ok(cdbw_start(&w, path, 0644), "cdbw_start");
  ok(cdbw_add(&w, "key", 3, "value", 5), "cdbw_add");
  ok(cdbw_finish(&w), "cdbw_finish");
  stralloc data = {0};
  is_int(cdb_lookup(path, "key", 3, &data), 1, "cdb_lookup finds the key");
  is_str(data.s, "value", "cdb_lookup gives the value");
  is_int(cdb_lookup(path, "nokey", 5, &data), 0, "cdb_lookup: a missing key is 0");
  snprintf(path, sizeof path, "%s/t.cdb.tmp", dir);
  ok(access(path, F_OK) < 0, "no temporary file is left");

  snprintf(path, sizeof path, "%s/t.cdb", dir);
  ok(cdbw_start(&w, path, 0644), "a second table is started");
  cdbw_add(&w, "other", 5, "x", 1);
  cdbw_abort(&w);
  is_int(cdb_lookup(path, "key", 3, &data), 1, "an aborted rewrite keeps the old table");

  /* cdb_lookup keeps tables open between lookups: a replaced or
   * removed table must be seen at the next one. */
  ok(cdbw_start(&w, path, 0644) && cdbw_add(&w, "key", 3, "new", 3) && cdbw_finish(&w), "the table is replaced");
  is_int(cdb_lookup(path, "key", 3, &data), 1, "the replaced table is read");
  is_str(data.s, "new", "with its new value, not the one kept open");
  unlink(path);
  is_int(cdb_lookup(path, "key", 3, &data), 0, "a removed table is no table");
  char many[CACHE_PROBE][300];
  int all = 1;
  for (int i = 0; i < CACHE_PROBE; ++i) {
    snprintf(many[i], sizeof many[i], "%s/m%d.cdb", dir, i);
    char v[8];
    int n = snprintf(v, sizeof v, "v%d", i);
    all &= cdbw_start(&w, many[i], 0644) && cdbw_add(&w, "k", 1, v, (size_t)n) && cdbw_finish(&w);
  }
  for (int round = 0; round < 2; ++round)
    for (int i = 0; i < CACHE_PROBE; ++i) {
      char v[8];
      snprintf(v, sizeof v, "v%d", i);
      all &= cdb_lookup(many[i], "k", 1, &data) == 1 && !strcmp(data.s, v);
    }
  ok(all, "more tables than are kept open each give their own values, twice over");

  char cmd[300];
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  if (system(cmd)) return 1;
  free(out.s);
  free(data.s);
  return done_testing();
}
