/* makeacceptmailfor: compiles etc/esmtpacceptmailfor and the files of
 * etc/esmtpacceptmailfor.dir/ into etc/esmtpacceptmailfor.cdb. With
 * neither source the table is removed, so smtpd accepts mail for `me`
 * only, as Courier does. */
#include <errno.h>
#include <unistd.h>
#include "die.h"
#include "domline.h"
#include "home.h"
#include "table.h"

static int read_source(struct table *t, const char *rel)
{
  stralloc src = {0};
  if (!home_path(&src, rel)) die_nomem();
  int r = table_compile(t, src.s, domline_parse, 0);
  stralloc_free(&src);
  return r;
}

int main(int argc, char **argv)
{
  PROG = "makeacceptmailfor";
  if (argc > 1) { (void)argv; die_usage("makeacceptmailfor"); }
  stralloc dst = {0};
  struct table t = {0};
  if (!home_path(&dst, "etc/esmtpacceptmailfor.cdb")) die_nomem();
  int found = read_source(&t, "etc/esmtpacceptmailfor");
  found += read_source(&t, "etc/esmtpacceptmailfor.dir");
  if (!found) {
    if (unlink(dst.s) < 0 && errno != ENOENT) die_sys(111, "unable to remove ", dst.s);
  } else if (!table_write(&t, dst.s)) die_sys(111, "unable to write ", dst.s);
  table_free(&t);
  stralloc_free(&dst);
  return 0;
}
