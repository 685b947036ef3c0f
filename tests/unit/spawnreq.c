/* Unit tests for the request line local-spawn reads from queue-send:
 * exactly "SLOT ID INDEX", nothing a hostile sender could stretch. */
#include "tap.h"
#include "spawnreq.h"

static int refused(const char *line)
{
  struct spawnreq rq;
  return !spawnreq_parse(line, &rq);
}

int main(void)
{
  struct spawnreq rq;
  ok(spawnreq_parse("3 6920a1b201e24.1a2b 4", &rq), "a request parses");
  is_str(rq.slot, "3", "slot");
  is_str(rq.id, "6920a1b201e24.1a2b", "queue id");
  is_int(rq.index, 4, "recipient index");
  ok(refused("3 6920a1b201e24.1a2b 0 0 0"), "extra fields (a uid, a gid) are refused");
  is_str(rq.slot, "3", "and the slot is known, to name the refusal");
  ok(refused("3 6920a1b201e24.1a2b 0 user x"), "local's arguments are refused");
  ok(refused("3 ../../etc/passwd 0"), "a path is no queue id");
  ok(refused("3 6920a1b201e24.1a2b/../x 0"), "a slash is no queue id");
  ok(refused("3 .. 0") && refused("3 .x 0"), "a leading dot is no queue id");
  ok(refused("3 6920A1B2 0"), "upper-case hex is no queue id");
  ok(refused("3 6920a1b2 -1") && refused("3 6920a1b2 +1") && refused("3 6920a1b2 0x1") &&
     refused("3 6920a1b2 "), "the index is plain decimal");
  ok(refused("3 6920a1b2 12345678901"), "an index of more than nine digits is refused");
  ok(refused("123456789012345678901 6920a1b2 0"), "a slot of more than twenty digits is refused");
  ok(refused("x 6920a1b2 0") && refused(" 3 6920a1b2 0") && refused("3  6920a1b2 0"),
     "a bad slot or a doubled space is refused");
  ok(refused("3 6920a1b2\t0") && refused("3 6920a1b2"), "fields are separated by one space");
  ok(refused(""), "an empty line is refused");
  return done_testing();
}
