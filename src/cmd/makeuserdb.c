/* makeuserdb: compiles etc/userdb (a file or a directory) into
 * etc/userdb.cdb, readable by all and free of passwords, and
 * etc/userdbshadow.cdb (mode 600) holding only the passwords. */
#include <errno.h>
#include <stdlib.h>
#include "die.h"
#include "exitcode.h"
#include "home.h"
#include "userdb_src.h"

int main(int argc, char **argv)
{
  PROG = "makeuserdb";
  (void)argv;
  if (argc != 1) die_usage("makeuserdb");
  stralloc src = {0}, cdb = {0}, shadow = {0}, why = {0};
  if (!home_path(&src, "etc/userdb") || !home_path(&cdb, "etc/userdb.cdb")
      || !home_path(&shadow, "etc/userdbshadow.cdb")) die_nomem();
  if (userdb_lock() < 0) die_sys(EXIT_TEMP, "unable to lock etc/userdb.lock");
  int r = userdb_src_private(src.s, &why);
  if (r < 0 && errno == ENOENT) die(EXIT_PERM, src.s, " does not exist");
  if (r < 0) die_sys(EXIT_TEMP, "unable to read ", src.s);
  if (r == 0) die(EXIT_PERM, why.s);
  r = userdb_compile(src.s, cdb.s, shadow.s, &why);
  if (r == 0) die(EXIT_PERM, why.s, " (tables not changed)");
  if (r < 0) die_sys(EXIT_TEMP, "unable to compile ", src.s);
  free(src.s); free(cdb.s); free(shadow.s); free(why.s);
  return 0;
}
