/* Unit tests for the envelope records and queue ids of queue(5). */
#include <string.h>
#include <sys/time.h>
#include "tap.h"
#include "queue_env.h"
#include "queue_id.h"

static int check(const char *s, size_t len, size_t *used, unsigned long *n, const char **why)
{
  *why = 0;
  return queue_env_check(s, len, used, n, why);
}

#define ENV(lit) lit, sizeof lit - 1

int main(void)
{
  size_t used;
  unsigned long n;
  const char *why;

  ok(check(ENV("Fa@b\0Tc@d\0\0"), &used, &n, &why) == 1 && used == 11 && n == 1, "a minimal envelope");
  ok(check(ENV("Fa@b\0Tc@d\0\0trailing"), &used, &n, &why) == 1 && used == 11, "bytes after the end are not part of it");
  ok(check(ENV("Fa@b\0Tc@d\0"), &used, &n, &why) == 0, "no end record yet: incomplete");
  ok(check(ENV("Fa@b\0Tc@"), &used, &n, &why) == 0, "a record cut short: incomplete");
  ok(check(ENV(""), &used, &n, &why) == 0, "nothing: incomplete");
  ok(check(ENV("F\0VID\0HFULL\0Ajo\0SSTARTTLS\0BBINARYMIME\0U\0Tx\0NNEVER\0Orfc822;x\0Ty\0\0"), &used, &n, &why) == 1
     && n == 2, "every record type");
  ok(check(ENV("Tc@d\0\0"), &used, &n, &why) < 0 && why, "no sender first: invalid");
  ok(check(ENV("Fa\0\0"), &used, &n, &why) < 0 && !strcmp(why, "no recipients"), "no recipients: invalid");
  ok(check(ENV("Fa\0Tb\0VX\0\0"), &used, &n, &why) < 0, "an option after the recipients: invalid");
  ok(check(ENV("Fa\0VX\0VY\0Tb\0\0"), &used, &n, &why) < 0, "a repeated option: invalid");
  ok(check(ENV("Fa\0Tb\0NSUCCESS,SUCCESSX\0\0"), &used, &n, &why) < 0, "a bad NOTIFY word: invalid");
  ok(check(ENV("Fa\0Tb\0NDELAY,FAILURE\0\0"), &used, &n, &why) == 1, "a NOTIFY list");
  ok(check(ENV("Fa\0Tb\x7f\0\0"), &used, &n, &why) < 0, "a control character: invalid");
  ok(check(ENV("Fa\0Tj\xc3\xb6rg\0\0"), &used, &n, &why) == 1, "UTF-8 in an address");

  char big[1100];
  memset(big, 'x', sizeof big);
  big[0] = 'F';
  ok(check(big, sizeof big, &used, &n, &why) < 0, "an overlong sender is refused before its NUL arrives");

  size_t pos = 0, vlen;
  char type;
  const char *v;
  const char env[] = "Q17\0Fa\0Tb\0\0";
  ok(queue_env_next(env, sizeof env - 1, &pos, &type, &v, &vlen) == 1 && type == 'Q' && vlen == 2, "walk: Q");
  queue_env_next(env, sizeof env - 1, &pos, &type, &v, &vlen);
  queue_env_next(env, sizeof env - 1, &pos, &type, &v, &vlen);
  ok(type == 'T' && vlen == 1 && *v == 'b', "walk: T");
  ok(queue_env_next(env, sizeof env - 1, &pos, &type, &v, &vlen) == 0 && pos == sizeof env - 1, "walk: the end");
  ok(queue_env_next(env, sizeof env - 1, &pos, &type, &v, &vlen) == -1, "walk: nothing after");

  stralloc sa = { 0, 0, 0 };
  ok(queue_env_add(&sa, 'T', "x@y", 3) && sa.len == 5 && !memcmp(sa.s, "Tx@y", 5), "queue_env_add");
  stralloc_free(&sa);

  char id[QUEUE_ID_MAX];
  struct timeval tv = { 0x6920a1b2, 0x1e24 };
  queue_id_make(id, &tv, 0x1a2b);
  is_str(id, "6920a1b201e24.1a2b", "queue id: seconds, five-digit microseconds, pid");
  ok(queue_id_valid(id, 0x1a2b), "a queue id is valid for its pid");
  ok(!queue_id_valid(id, 0x1a2c), "and not for another pid");
  ok(!queue_id_valid("6920a1b201e24.1a2b/x", 0x1a2b) && !queue_id_valid("zz.1a2b", 0x1a2b)
     && !queue_id_valid("6920A1B201E24.1a2b", 0x1a2b), "malformed ids are not valid");
  return done_testing();
}
