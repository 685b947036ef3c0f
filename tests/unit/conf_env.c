/* Unit tests for the shell-style NAME=value reader. */
#include <stdlib.h>
#include <unistd.h>
#include "tap.h"
#include "conf.h"

static char dir[] = "/tmp/postern-unit-env.XXXXXX";
static char path[256];

static int read_text(struct conf_env *env, const char *text, unsigned long *bad)
{
  FILE *f = fopen(path, "w");
  fputs(text, f);
  fclose(f);
  *bad = 0;
  return conf_env_read(env, path, bad);
}

int main(void)
{
  struct conf_env env = {0};
  unsigned long bad = 0;
  if (!mkdtemp(dir)) return 1;
  snprintf(path, sizeof path, "%s/esmtpd", dir);
  setenv("POSTERN_UNIT_OUTER", "outer", 1);

  is_int(conf_env_read(&env, path, &bad), 0, "an absent file reads as 0");
  is_int(read_text(&env,
    "# esmtpd\n"
    "\n"
    "PORT=25\n"
    "export ESMTPDSTART=YES\n"
    "  ADDRESS=0   # trailing comment\n"
    "BLOCK='single $quoted \\ text'\n"
    "GREETING=\"hello \\\"there\\\" $PORT ${ESMTPDSTART}x\"\n"
    "MIXED=a'b c'\"d\"\\ e\n"
    "EMPTY=\n"
    "QUOTEDEMPTY=\"\"\n"
    "FROMENV=$POSTERN_UNIT_OUTER-$POSTERN_UNIT_UNSET.\n"
    "DOLLAR=cost$\n"
    "HASH=a#b\r\n"
    "MULTI=\"line one\n"
    "line two\"\n"
    "CONT=abc\\\n"
    "def\n"
    "PORT=2525\n", &bad), 1, "a Courier-style file is read");
  is_str(conf_env_get(&env, "PORT"), "2525", "later assignments win");
  is_str(conf_env_get(&env, "ESMTPDSTART"), "YES", "export is allowed");
  is_str(conf_env_get(&env, "ADDRESS"), "0", "leading blanks and trailing comments");
  is_str(conf_env_get(&env, "BLOCK"), "single $quoted \\ text", "single quotes are literal");
  is_str(conf_env_get(&env, "GREETING"), "hello \"there\" 25 YESx", "double quotes escape and expand");
  is_str(conf_env_get(&env, "MIXED"), "ab cd e", "quoted and unquoted parts join");
  is_str(conf_env_get(&env, "EMPTY"), "", "an empty value");
  is_str(conf_env_get(&env, "QUOTEDEMPTY"), "", "an empty quoted value");
  is_str(conf_env_get(&env, "FROMENV"), "outer-.", "the process environment is consulted; unset is empty");
  is_str(conf_env_get(&env, "DOLLAR"), "cost$", "a lone $ is kept");
  is_str(conf_env_get(&env, "HASH"), "a#b", "# inside a word is not a comment; CR dropped");
  is_str(conf_env_get(&env, "MULTI"), "line one\nline two", "a quoted value may span lines");
  is_str(conf_env_get(&env, "CONT"), "abcdef", "backslash-newline continues");
  is_str(conf_env_get(&env, "NOPE"), 0, "unset names give 0");
  is_str(conf_env_get(&env, "POR"), 0, "a prefix of a name is not the name");

  is_int(read_text(&env, "A=1\nB=two words\n", &bad), -2, "an unquoted blank in a value is an error");
  is_int(bad, 2, "on line 2");
  is_int(read_text(&env, "A=1\n\n\nrm -rf /\n", &bad), -2, "a command is an error");
  is_int(bad, 4, "on line 4");
  is_int(read_text(&env, "A='unterminated\n", &bad), -2, "an unterminated quote is an error");
  is_int(read_text(&env, "A=${B\n", &bad), -2, "an unterminated ${ is an error");
  is_int(read_text(&env, "A=x;reboot\n", &bad), -2, "shell operators are errors");
  is_int(read_text(&env, "1A=x\n", &bad), -2, "a name cannot start with a digit");
  struct conf_env fresh = {0};
  is_int(conf_env_parse(&fresh, "\nU=", 3, &bad), 1, "an empty value first of all (found by fuzzing)");
  is_str(conf_env_get(&fresh, "U"), "", "is empty");
  conf_env_free(&fresh);
  is_int(read_text(&env, "", &bad), 1, "an empty file is fine");
  is_str(conf_env_get(&env, "A"), 0, "and sets nothing");

  conf_env_free(&env);
  unlink(path);
  rmdir(dir);
  return done_testing();
}
