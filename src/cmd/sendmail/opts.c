/* The sendmail and Courier options scripts use. Options sendmail has
 * that make no sense here (-oem, -odb, -v ...) are accepted and ignored
 * so that scripts keep working. */
#include <string.h>
#include "case.h"
#include "die.h"
#include "sendmail.h"

/* -N: never, or a list of success, delay, fail(ure): as an N record. */
int notify_flags(stralloc *out, const char *text)
{
  out->len = 0;
  if (!case_diffs(text, "never")) return stralloc_copys(out, "NEVER") ? 1 : (die_nomem(), 0);
  const char *p = text;
  while (*p) {
    size_t n = strcspn(p, ",");
    const char *word = 0;
    if (n == 7 && !case_diffb(p, n, "success")) word = "SUCCESS";
    else if (n == 5 && !case_diffb(p, n, "delay")) word = "DELAY";
    else if ((n == 4 && !case_diffb(p, n, "fail")) || (n == 7 && !case_diffb(p, n, "failure"))) word = "FAILURE";
    if (!word) return 0;
    if ((out->len && !stralloc_cats(out, ",")) || !stralloc_cats(out, word)) die_nomem();
    p += n;
    if (*p == ',') ++p;
  }
  return out->len > 0;
}

_Noreturn static void usage(const char *what)
{
  warn("unknown or incomplete option ", what);
  die_usage("sendmail [-t] [-i] [-f sender] [-F name] [-N dsn] [-R full|hdrs] [-V envid] "
            "[-S STARTTLS] [-bp] [-bs] [recipient ...]");
}

/* The argument of an option: attached (-fuser) or the next word. */
static const char *argument(int argc, char **argv, int *i, const char *rest)
{
  if (*rest) return rest;
  if (*i + 1 >= argc) usage(argv[*i]);
  return argv[++*i];
}

static int value_option(struct sendmail *m, char opt, const char *v)
{
  switch (opt) {
  case 'f': case 'r': m->sender = v; return 1;
  case 'F': m->fullname = v; return 1;
  case 'N':
    if (!notify_flags(&m->notify_rec, v)) usage("-N");
    m->notify = v;
    return 1;
  case 'R':
    if (case_diffs(v, "full") && case_diffs(v, "hdrs")) usage("-R");
    m->ret = case_diffs(v, "full") ? "HDRS" : "FULL";
    return 1;
  case 'V': m->envid = v; return 1;
  case 'S': m->security = v; return 1;
  }
  return 0;
}

static void mode_option(struct sendmail *m, const char *arg)
{
  if (!strcmp(arg, "-bp")) m->mode = 'p';
  else if (!strcmp(arg, "-bs")) m->mode = 's';
  else if (!strcmp(arg, "-bm")) m->mode = 'm';
  else usage(arg);
}

int sendmail_options(struct sendmail *m, int argc, char **argv)
{
  m->mode = 'm';
  m->dot_ends = 1;
  int i;
  for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; ++i) {
    const char *a = argv[i];
    if (!strcmp(a, "--")) { ++i; break; }
    if (!strcmp(a, "-oi") || !strcmp(a, "-i")) { m->dot_ends = 0; continue; }
    if (a[1] == 'o' || a[1] == 'B' || a[1] == 'L' || a[1] == 'e') continue;
    if (a[1] == 'b') { mode_option(m, a); continue; }
    if (strchr("frFNRVS", a[1])) { value_option(m, a[1], argument(argc, argv, &i, a + 2)); continue; }
    for (const char *f = a + 1; *f; ++f) {   /* -t -v -n -U -G -I, possibly combined */
      if (*f == 't') m->from_headers = 1;
      else if (*f == 'i') m->dot_ends = 0;
      else if (!strchr("vnUGI", *f)) usage(a);
    }
  }
  m->rcpts = argv + i;
  m->nrcpts = argc - i;
  if (!m->nrcpts) m->from_headers = 1;
  return 0;
}
