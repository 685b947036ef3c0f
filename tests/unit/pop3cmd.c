/* Unit tests for the POP3 command parser. */
#include "tap.h"
#include "pop3cmd.h"

static struct pop3_cmd parse(const char *text)
{
  static char line[POP3_LINE_MAX + 64];
  struct pop3_cmd c;
  size_t n = strlen(text);
  memcpy(line, text, n + 1);
  pop3_parse(&c, line, n);
  return c;
}

int main(void)
{
  struct pop3_cmd c = parse("stat");
  is_int(c.verb, POP3_STAT, "verbs are case-insensitive");
  c = parse("USER  John Smith ");
  ok(c.verb == POP3_USER && !strcmp(c.rest, " John Smith "), "USER keeps the rest of the line");
  c = parse("PASS pass word");
  ok(c.verb == POP3_PASS && c.rest_len == 9 && !memcmp(c.rest, "pass word", 9), "PASS keeps spaces");
  c = parse("PASS");
  ok(c.verb == POP3_BAD && strstr(c.err, "argument"), "PASS needs an argument");
  c = parse("TOP 1 5");
  ok(c.verb == POP3_TOP && c.nargs == 2 && !strcmp(c.arg[0], "1") && !strcmp(c.arg[1], "5"), "TOP two arguments");
  c = parse("TOP 1");
  is_int(c.verb, POP3_BAD, "TOP with one argument");
  c = parse("LIST");
  ok(c.verb == POP3_LIST && c.nargs == 0, "LIST alone");
  c = parse("LIST 1 2");
  ok(c.verb == POP3_BAD && strstr(c.err, "too many"), "LIST two arguments");
  c = parse("RETR   7  ");
  ok(c.verb == POP3_RETR && c.nargs == 1 && !strcmp(c.arg[0], "7"), "extra blanks tolerated");
  c = parse("AUTH PLAIN dGVzdAB0ZXN0AHRlc3Q=");
  ok(c.verb == POP3_AUTH && c.nargs == 2, "AUTH with initial response");
  c = parse("AUTH");
  ok(c.verb == POP3_AUTH && c.nargs == 0, "AUTH alone");
  c = parse("XTND foo");
  is_int(c.verb, POP3_UNKNOWN, "unknown verb");
  c = parse("");
  is_int(c.verb, POP3_BAD, "empty line");
  c = parse(" STAT");
  is_int(c.verb, POP3_BAD, "leading blank");
  c = parse("STATS");
  is_int(c.verb, POP3_UNKNOWN, "longer word is not STAT");
  char nul[] = "RETR 1\0x";
  pop3_parse(&c, nul, 8);
  ok(c.verb == POP3_BAD && strstr(c.err, "NUL"), "NUL refused");
  static char big[POP3_LINE_MAX + 10];
  memset(big, 'A', POP3_LINE_MAX + 1);
  pop3_parse(&c, big, POP3_LINE_MAX + 1);
  ok(c.verb == POP3_BAD && strstr(c.err, "long"), "over-long line refused");
  unsigned long n;
  ok(pop3_number("42", &n) && n == 42, "number");
  ok(pop3_number("0", &n) && n == 0, "zero parses (callers refuse it)");
  ok(!pop3_number("-1", &n) && !pop3_number("1x", &n) && !pop3_number("", &n) && !pop3_number(0, &n), "non-numbers");
  ok(!pop3_number("1234567890", &n), "ten digits refused");
  ok(pop3_number("999999999", &n) && n == 999999999, "nine digits");
  return done_testing();
}
