#ifndef TAP_H
#define TAP_H

/* A minimal TAP producer for C unit tests: prove reads the output. */
#include <stdio.h>
#include <string.h>

static int tap_count, tap_failed;

#define ok(cond, ...) tap_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
static void tap_ok(int pass, const char *file, int line, const char *name, ...)
{
  ++tap_count;
  if (!pass) ++tap_failed;
  printf("%sok %d - %s\n", pass ? "" : "not ", tap_count, name);
  if (!pass) printf("#   failed at %s line %d\n", file, line);
  fflush(stdout);
}

#define is_str(got, want, name) do { const char *g_ = (got), *w_ = (want); \
    int p_ = (g_ && w_) ? !strcmp(g_, w_) : g_ == w_; ok(p_, name); \
    if (!p_) printf("#   got: '%s'\n#   expected: '%s'\n", g_ ? g_ : "(null)", w_ ? w_ : "(null)"); } while (0)
#define is_int(got, want, name) do { long g_ = (long)(got), w_ = (long)(want); ok(g_ == w_, name); \
    if (g_ != w_) printf("#   got: %ld\n#   expected: %ld\n", g_, w_); } while (0)

static int done_testing(void)
{
  printf("1..%d\n", tap_count);
  return tap_failed ? 1 : 0;
}

#endif
