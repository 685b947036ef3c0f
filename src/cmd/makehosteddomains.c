/* makehosteddomains: compiles etc/hosteddomains (file or directory) into
 * etc/hosteddomains.cdb: "domain" and "alias<TAB>domain" lines. */
#include "die.h"
#include "domline.h"
#include "home.h"
#include "table.h"

int main(int argc, char **argv)
{
  PROG = "makehosteddomains";
  if (argc > 1) { (void)argv; die_usage("makehosteddomains"); }
  stralloc src = {0}, dst = {0};
  struct table t = {0};
  if (!home_path(&src, "etc/hosteddomains") || !home_path(&dst, "etc/hosteddomains.cdb")) die_nomem();
  table_compile(&t, src.s, domline_parse, DOMLINE_ALIAS);
  if (!table_write(&t, dst.s)) die_sys(111, "unable to write ", dst.s);
  table_free(&t);
  stralloc_free(&src);
  stralloc_free(&dst);
  return 0;
}
