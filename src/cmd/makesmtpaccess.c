/* makesmtpaccess: compiles etc/smtpaccess (file or directory) into
 * etc/smtpaccess.cdb, a table tcpserver -x reads (see access.h).
 * `makesmtpaccess SOURCE [CDB]` compiles another source, e.g. a
 * separate table for the submission port. */
#include "access.h"
#include "die.h"
#include "home.h"
#include "table.h"

static int parse(const char *line, size_t len, int flags, stralloc *key, stralloc *value, const char **err)
{
  (void)flags;
  return access_line_parse(line, len, key, value, err);
}

int main(int argc, char **argv)
{
  PROG = "makesmtpaccess";
  if (argc > 3) die_usage("makesmtpaccess [source [cdb]]");
  stralloc src = {0}, dst = {0};
  struct table t = {0};
  if (argc > 1) {
    if (!stralloc_copys(&src, argv[1]) || !stralloc_0(&src)) die_nomem();
    --src.len;
  } else if (!home_path(&src, "etc/smtpaccess")) die_nomem();
  if (argc > 2) {
    if (!stralloc_copys(&dst, argv[2]) || !stralloc_0(&dst)) die_nomem();
    --dst.len;
  } else if (!stralloc_copy(&dst, &src) || !stralloc_cats(&dst, ".cdb") || !stralloc_0(&dst)) die_nomem();
  table_compile(&t, src.s, parse, 0);
  if (!table_write(&t, dst.s)) die_sys(111, "unable to write ", dst.s);
  table_free(&t);
  stralloc_free(&src);
  stralloc_free(&dst);
  return 0;
}
