#include <errno.h>
#include <unistd.h>
#include "addr.h"
#include "conf.h"
#include "home.h"
#include "me.h"

int me_name(stralloc *out)
{
  stralloc path = {0};
  if (!home_path(&path, "etc/me")) { errno = ENOMEM; return -1; }
  int r = conf_first_line(out, path.s);
  stralloc_free(&path);
  if (r < 0) return -1;
  if (r == 0) {
    char host[256];
    if (gethostname(host, sizeof host - 1) < 0) return -1;
    host[sizeof host - 1] = 0;
    if (!stralloc_copys(out, host)) { errno = ENOMEM; return -1; }
  }
  if (!stralloc_0(out)) { errno = ENOMEM; return -1; }
  --out->len;
  addr_domain_canon(out);
  return 1;
}
