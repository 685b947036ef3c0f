/* Unit tests for the APOP digest check against RFC 1939's example. */
#include <string.h>
#include "tap.h"
#include "pwhash.h"

#define STAMP "<1896.697170952@dbc.mtview.ca.us>"
#define GOOD "c4c9334bac560ecc979e58001b3e22fb"

static int check(const char *secret, const char *stamp, const char *digest)
{
  return apoppw_check(secret, strlen(secret), stamp, strlen(stamp), digest);
}

int main(void)
{
  ok(check("tanstaaf", STAMP, GOOD), "RFC 1939's example digest is accepted");
  ok(check("tanstaaf", STAMP, "C4C9334BAC560ECC979E58001B3E22FB"), "upper-case hex is accepted");
  ok(!check("tanstaaF", STAMP, GOOD), "another secret is refused");
  ok(!check("tanstaaf", "<1896.697170953@dbc.mtview.ca.us>", GOOD), "another timestamp is refused");
  ok(!check("tanstaaf", STAMP, "c4c9334bac560ecc979e58001b3e22f"), "a short digest is refused");
  ok(!check("tanstaaf", STAMP, GOOD "0"), "a long digest is refused");
  ok(!check("tanstaaf", STAMP, "c4c9334bac560ecc979e58001b3e22fg"), "a non-hex digest is refused");
  ok(!check("", STAMP, "d41d8cd98f00b204e9800998ecf8427e"), "an empty secret matches nothing");
  ok(!apoppw_check("tanstaaf", 8, STAMP, strlen(STAMP) - 1, GOOD), "the whole timestamp counts");
  ok(apoppw_check("tanstaaf\0x", 8, STAMP, strlen(STAMP), GOOD), "the secret's length is what it is given");
  return done_testing();
}
