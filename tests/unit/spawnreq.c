/* Unit tests for the request line local-spawn reads from queue-send:
 * exactly "SLOT ID INDEX[,INDEX...]", nothing a hostile sender could
 * stretch. */
#include <stdio.h>
#include <string.h>
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
  is_int(rq.index[0], 4, "recipient index");
  is_int(rq.nindex, 1, "one recipient");
  ok(spawnreq_parse("3 6920a1b201e24.1a2b 0,2,7", &rq), "a request for several recipients parses");
  ok(rq.nindex == 3 && rq.index[0] == 0 && rq.index[1] == 2 && rq.index[2] == 7, "their indexes, in order");
  ok(refused("3 6920a1b2 2,2") && refused("3 6920a1b2 3,1"), "a recipient named twice, or out of order, is refused");
  ok(refused("3 6920a1b2 1,") && refused("3 6920a1b2 ,1") && refused("3 6920a1b2 1,,2") &&
     refused("3 6920a1b2 1, 2"), "an empty or spaced index is refused");
  char many[SPAWNREQ_LINE_MAX + 64] = "3 6920a1b2 ";
  for (int i = 0; i < SPAWNREQ_MAX_RCPT; ++i) snprintf(many + strlen(many), 8, "%s%d", i ? "," : "", i);
  ok(spawnreq_parse(many, &rq) && rq.nindex == SPAWNREQ_MAX_RCPT, "the most recipients a request may name");
  strcat(many, ",999");
  ok(refused(many), "one more is refused");
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
