/* Unit tests for the Maildir primitives and Maildir++ quotas. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "tap.h"
#include "maildir.h"
#include "quota.h"

static char dir[] = "/tmp/postern-unit-maildir.XXXXXX";

static int exists(const char *rel)
{
  char path[512];
  struct stat st;
  snprintf(path, sizeof path, "%s/%s", dir, rel);
  return stat(path, &st) == 0;
}

static void put(const char *rel, const char *text)
{
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, rel);
  FILE *f = fopen(path, "w");
  fputs(text, f);
  fclose(f);
}

static void slurp(const char *rel, char *out, size_t size)
{
  char path[512];
  snprintf(path, sizeof path, "%s/%s", dir, rel);
  FILE *f = fopen(path, "r");
  size_t n = f ? fread(out, 1, size - 1, f) : 0;
  out[n] = 0;
  if (f) fclose(f);
}

static void test_make(void)
{
  char md[512], folder[512];
  snprintf(md, sizeof md, "%s/Maildir", dir);
  ok(maildir_make(md, 0) == 0, "maildir_make");
  ok(exists("Maildir/tmp") && exists("Maildir/new") && exists("Maildir/cur"), "tmp new cur made");
  ok(maildir_make(md, 0) < 0 && errno == EEXIST, "existing maildir refused with EEXIST");
  snprintf(folder, sizeof folder, "%s/Maildir/.Sent", dir);
  ok(maildir_make(folder, 1) == 0 && exists("Maildir/.Sent/maildirfolder"), "folder has maildirfolder");
}

static void test_names(void)
{
  stralloc a = {0}, b = {0};
  ok(maildir_unique(&a) == 0 && maildir_unique(&b) == 0, "unique names");
  ok(strcmp(a.s, b.s) != 0, "two names differ");
  ok(strstr(a.s, ".M") && strstr(a.s, "P") && strstr(a.s, "Q") && !strchr(a.s, '/') && !strchr(a.s, ':'),
     "name shape sec.MusecPpidQn.host");
  is_int(maildir_name_size("1.M2P3.host,S=1234:2,S"), 1234, "size before info");
  is_int(maildir_name_size("cur/1.M2P3.host,S=77"), 77, "size at end, with dir");
  is_int(maildir_name_size("1.M2P3.host,S=5,W=6:2,"), 5, "size followed by W=");
  is_int(maildir_name_size("1.M2P3.host:2,S=5"), -1, "S= after the colon is a flag");
  is_int(maildir_name_size("1.M2P3.host,S=x"), -1, "bad size");
  is_int(maildir_name_size("1.M2P3.host"), -1, "no size");
  is_int(maildir_name_size("a,S=b,S=12"), 12, "second ,S=");
  is_str(maildir_name_flags("1.M2.h,S=3:2,FRS"), "FRS", "flags");
  is_str(maildir_name_flags("1.M2.h,S=3:2,"), "", "no flags after :2,");
  is_str(maildir_name_flags("new/1.M2.h,S=3"), "", "no info");
  is_str(maildir_name_flags("d:2,X/1.M2.h"), "", "colon in dir ignored");
  free(a.s);
  free(b.s);
}

static void test_commit(void)
{
  char md[512];
  snprintf(md, sizeof md, "%s/Maildir", dir);
  stralloc tmp = {0}, base = {0}, final = {0};
  int fd = maildir_tmp_open(md, &tmp, &base);
  ok(fd >= 0, "tmp open");
  ok(write(fd, "hello\n", 6) == 6, "write");
  ok(maildir_tmp_commit(fd, md, tmp.s, base.s, 6, "new", "", &final) == 0, "commit to new");
  ok(access(tmp.s, F_OK) < 0, "tmp name gone");
  ok(strstr(final.s, "/new/") && maildir_name_size(final.s) == 6, "final in new with ,S=6");
  ok(strstr(final.s, ",S=6,W=7") != 0, "and ,W=7: the size with CRLF");
  fd = maildir_tmp_open(md, &tmp, &base);
  ok(write(fd, "a\nb\r\nc\n\r\n\n", 11) == 11, "write mixed line ends");
  ok(maildir_tmp_commit(fd, md, tmp.s, base.s, 11, "new", "", &final) == 0, "commit mixed");
  ok(strstr(final.s, ",S=11,W=14") != 0, "W counts bare LFs only");
  fd = maildir_tmp_open(md, &tmp, &base);
  ok(maildir_tmp_commit(fd, md, tmp.s, base.s, 0, "cur", ":2,S", &final) == 0, "commit to cur");
  ok(strstr(final.s, ",S=0,W=0:2,S") != 0, "empty message: W=0 before the info");
  is_str(maildir_name_flags(final.s), "S", "cur name carries flags");
  fd = maildir_tmp_open(md, &tmp, &base);
  ok(maildir_tmp_commit(fd, md, tmp.s, base.s, 0, "nosuch", "", &final) < 0, "commit to missing dir fails");
  ok(access(tmp.s, F_OK) < 0, "failed commit removes the tmp file");
  free(tmp.s); free(base.s); free(final.s);
}

static void test_quota(void)
{
  struct quota q;
  ok(quota_parse(&q, "10000000S,1000C") && q.max_bytes == 10000000 && q.max_count == 1000, "parse S,C");
  ok(quota_parse(&q, "1000C") && q.max_bytes == 0 && q.max_count == 1000, "parse C only");
  ok(quota_parse(&q, "") && !q.max_bytes && !q.max_count, "empty: no quota");
  ok(!quota_parse(&q, "10X"), "bad letter");
  ok(!quota_parse(&q, "10S,"), "trailing comma");
  ok(!quota_parse(&q, "S"), "no number");

  char md[512];
  snprintf(md, sizeof md, "%s/Q", dir);
  maildir_make(md, 0);
  put("Q/cur/1.M1P1.h,S=100:2,S", "x");
  put("Q/new/2.M1P1.h", "12345");          /* no ,S=: size from stat */
  char tr[600];
  snprintf(tr, sizeof tr, "%s/.Trash", md);
  maildir_make(tr, 1);
  put("Q/.Trash/cur/3.M1P1.h,S=999:2,T", "x");
  char fo[600];
  snprintf(fo, sizeof fo, "%s/.Work", md);
  maildir_make(fo, 1);
  put("Q/.Work/new/4.M1P1.h,S=50", "x");

  long long b = -1, c = -1;
  ok(quota_usage(md, 0, &b, &c) == 0 && b == 155 && c == 3, "usage without maildirsize counts, Trash excluded");
  ok(!exists("Q/maildirsize"), "no maildirsize made without a quota");
  ok(quota_add(md, 10, 1) == 0 && !exists("Q/maildirsize"), "quota_add without maildirsize is a no-op");
  ok(quota_usage(md, "1000S", &b, &c) == 0 && b == 155 && c == 3, "usage with quota text");
  char text[6000];
  slurp("Q/maildirsize", text, sizeof text);
  is_str(text, "1000S\n155 3\n", "maildirsize written");
  ok(quota_add(md, 200, 1) == 0 && quota_add(md, -100, -1) == 0, "deltas appended");
  ok(quota_usage(md, 0, &b, &c) == 0 && b == 255 && c == 3, "usage sums deltas");
  is_int(quota_would_exceed(md, 0, 700, 1), 0, "fits");
  is_int(quota_would_exceed(md, 0, 800, 1), 1, "would exceed bytes");
  is_int(quota_would_exceed(md, "100000S,3C", 1, 1), 1, "would exceed count");
  is_int(quota_would_exceed(md, 0, -100, -1), 0, "removal never exceeds");
  ok(quota_usage(md, "2000S", &b, &c) == 0 && b == 155 && c == 3, "new limit recounts");
  slurp("Q/maildirsize", text, sizeof text);
  is_str(text, "2000S\n155 3\n", "maildirsize rewritten with new limit");
  put("Q/maildirsize", "2000S\n155 3\ngarbage\n");
  ok(quota_usage(md, 0, &b, &c) == 0 && b == 155 && c == 3, "corrupt file recounted");
  /* Sums past the range of the numbers (the account can write the
   * file): recounted, never wrapped round to a small or negative usage. */
  put("Q/maildirsize", "2000S\n9223372036854775807 1\n100 -9223372036854775807\n100 -9\n");
  ok(quota_usage(md, 0, &b, &c) == 0 && b == 155 && c == 3, "overflowing sums recounted");
  put("Q/maildirsize", "2000S\n9223372036854775807 1\n");
  is_int(quota_would_exceed(md, 0, 10, 1), 1, "a usage at the top of the range plus a message exceeds");
  /* A file grown past 5120 bytes is recounted. */
  for (int i = 0; i < 1500; ++i) quota_add(md, 1, 0);
  ok(quota_usage(md, 0, &b, &c) == 0 && b == 155 && c == 3, "large file recounted");
  slurp("Q/maildirsize", text, sizeof text);
  is_str(text, "2000S\n155 3\n", "large file rewritten");
  /* Over quota by the file's reckoning: believed while fresh, recounted
   * once older than 15 minutes. */
  put("Q/maildirsize", "100S\n500 3\n");
  ok(quota_usage(md, 0, &b, &c) == 0 && b == 500, "fresh over-quota file believed");
  char qpath[600];
  snprintf(qpath, sizeof qpath, "%s/maildirsize", md);
  struct timespec old[2] = {{time(0) - 3600, 0}, {time(0) - 3600, 0}};
  utimensat(AT_FDCWD, qpath, old, 0);
  ok(quota_usage(md, 0, &b, &c) == 0 && b == 155 && c == 3, "stale over-quota file recounted");
  ok(quota_write(md, "5C") == 0, "quota_write");
  slurp("Q/maildirsize", text, sizeof text);
  is_str(text, "5C\n155 3\n", "quota_write content");
  is_int(quota_would_exceed(md, 0, 1, 3), 1, "limit from the file");
}

int main(void)
{
  if (!mkdtemp(dir)) return 1;
  test_make();
  test_names();
  test_commit();
  test_quota();
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
  if (system(cmd)) {}
  return done_testing();
}
