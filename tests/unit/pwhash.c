/* Unit tests for password hashes: every crypt(3) and prefixed scheme,
 * hash making, and CRAM-MD5 secrets against RFC 2195's example. */
#include <stdlib.h>
#include "tap.h"
#include "pwhash.h"

static const char *good[] = {
  "$1$saltsalt$9xy1btjgzLYfb7hivXtC//",
  "$5$saltsalt$0IyaXrmV7.sGNS6tirgqHLqX/G.FBvgkYA.lpPdS5sA",
  "$6$saltsalt$TVLlQcbpFVof5W3Yz4DTP6gRstiNuHwwTt6GLc1E5n0U0aDehy0S5knV8wiOQSpT0Y77vwPZN.Pq.H91p5hVO1",
  "$y$j9T$F5Jx5fExrKuPp53xLKQ..1$GmcwIgvdUC9qLWcKCi6gklUa1dM3ziD43YxYNURLKy0",
  "$2b$05$abcdefghijklmnopqrstuuOQiyCxlgf/oeuTqixKmWdcYUh4Hjl0a",
  "abNANd1rDfiNc",
  "{CRYPT}$1$saltsalt$9xy1btjgzLYfb7hivXtC//",
  "{crypt}abNANd1rDfiNc",
  "{MD5}Xr4ilOzQ4PCOq3aQ0qbuaQ==",
  "{MD5RAW}5ebe2294ecd0e0f08eab7690d2a6ee69",
  "{SHA}5en6G6MezRroT3XKqkdPOmY/BfQ=",
  "{SHA256}K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols=",
  "{SHA512}vSsar3708Jvp9Szi2NWZZ02Bqp1qRCFpbcTZPdBhnWgs5WtNZKnvCXdhztmeD2cmW192CF5bDufKRpayrW/isg==",
  "{SSHA}uJDd0BIdJ9Z7yDCZNWdgYeb33+cBAgME",
  "{SSHA256}pBFKVQdg8aaZi2INYzmnxxLtStvyMgIOC7TahNLLqCIBAgME",
  "{SSHA512}MKbQg3rPvz03V+1S0+/jlDdn0B0IiGGxl7kZMimdo1IHHWN6DtzxJMCchsX5U1lrRY7apW/oopOgERexYda1nAECAwQ=",
};

int main(void)
{
  char name[200];
  for (size_t i = 0; i < sizeof good / sizeof good[0]; ++i) {
    snprintf(name, sizeof name, "%.40s accepts the password", good[i]);
    ok(pwhash_check(good[i], "secret", 6), name);
    snprintf(name, sizeof name, "%.40s refuses another", good[i]);
    ok(!pwhash_check(good[i], "Secret", 6), name);
  }
  ok(!pwhash_check("", "", 0), "an empty hash matches nothing");
  ok(!pwhash_check("!$1$saltsalt$9xy1btjgzLYfb7hivXtC//", "secret", 6), "a locked hash matches nothing");
  ok(!pwhash_check("*", "secret", 6), "'*' matches nothing");
  ok(!pwhash_check("{NOPE}abc", "secret", 6), "an unknown scheme matches nothing");
  ok(!pwhash_check("{SHA}5en6G6Me", "secret", 6), "a truncated digest matches nothing");
  ok(!pwhash_check("$1$saltsalt$9xy1btjgzLYfb7hivXtC//", "secret\0x", 8), "a password with a NUL matches nothing");

  stralloc h = {0};
  const char *methods[] = { "md5", "sha256", "sha512", 0 };
  const char *prefixes[] = { "$1$", "$5$", "$6$", "$y$" };
  for (int i = 0; i < 4; ++i) {
    snprintf(name, sizeof name, "pwhash_make %s", methods[i] ? methods[i] : "default");
    ok(pwhash_make(&h, methods[i], "demo") && !strncmp(h.s, prefixes[i], 3), name);
    ok(pwhash_check(h.s, "demo", 4) && !pwhash_check(h.s, "demO", 4), "and it checks");
  }
  ok(!pwhash_make(&h, "rot13", "demo"), "an unknown method is refused");

  /* RFC 2195: tim / tanstaaftanstaaf. */
  const char *challenge = "<1896.697170952@postoffice.reston.mci.net>";
  ok(hmacmd5pw_make(&h, "tanstaaftanstaaf", 16) && h.len == 64, "hmac-md5pw is 64 hex digits");
  ok(hmacmd5pw_check(h.s, challenge, strlen(challenge), "b913a602c7eda7a495b4e6e7334d3890"), "RFC 2195 example digest");
  ok(hmacmd5pw_check(h.s, challenge, strlen(challenge), "B913A602C7EDA7A495B4E6E7334D3890"), "upper-case digest too");
  ok(!hmacmd5pw_check(h.s, challenge, strlen(challenge), "b913a602c7eda7a495b4e6e7334d3891"), "a wrong digest is refused");
  ok(!hmacmd5pw_check(h.s, "<other@x>", 9, "b913a602c7eda7a495b4e6e7334d3890"), "another challenge is refused");
  ok(!hmacmd5pw_check("zz", challenge, strlen(challenge), "b913a602c7eda7a495b4e6e7334d3890"), "a malformed secret is refused");
  char longpw[100];
  memset(longpw, 'k', sizeof longpw);
  ok(hmacmd5pw_make(&h, longpw, sizeof longpw) && h.len == 64, "a key longer than a block is hashed first");
  free(h.s);
  return done_testing();
}
