/* POP3 command-line parsing. */
#include <string.h>
#include <strings.h>
#include "pop3cmd.h"

struct verb_spec {
  const char *name;
  enum pop3_verb verb;
  signed char min, max;  /* argument counts; -1: the rest of the line is one argument */
};

static const struct verb_spec verbs[] = {
  {"USER", POP3_USER, -1, -1}, {"PASS", POP3_PASS, -1, -1}, {"APOP", POP3_APOP, 2, 2},
  {"AUTH", POP3_AUTH, 0, 2},   {"STLS", POP3_STLS, 0, 0},   {"CAPA", POP3_CAPA, 0, 0},
  {"QUIT", POP3_QUIT, 0, 0},   {"STAT", POP3_STAT, 0, 0},   {"LIST", POP3_LIST, 0, 1},
  {"RETR", POP3_RETR, 1, 1},   {"DELE", POP3_DELE, 1, 1},   {"NOOP", POP3_NOOP, 0, 0},
  {"RSET", POP3_RSET, 0, 0},   {"TOP", POP3_TOP, 2, 2},     {"UIDL", POP3_UIDL, 0, 1},
};

static void bad(struct pop3_cmd *c, const char *why)
{
  c->verb = POP3_BAD;
  c->err = why;
}

/* Splits rest into blank-separated words; more than 2 is an error. */
static int split(struct pop3_cmd *c, char *p, char *end)
{
  while (p < end) {
    while (p < end && *p == ' ') ++p;
    if (p == end) break;
    if (c->nargs == 2) return 0;
    c->arg[c->nargs++] = p;
    while (p < end && *p != ' ') ++p;
    *p++ = 0;
  }
  return 1;
}

static const struct verb_spec *lookup(const char *word, size_t n)
{
  for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; ++i)
    if (strlen(verbs[i].name) == n && !strncasecmp(verbs[i].name, word, n)) return &verbs[i];
  return 0;
}

void pop3_parse(struct pop3_cmd *c, char *line, size_t len)
{
  memset(c, 0, sizeof *c);
  c->rest = line + len;
  if (memchr(line, 0, len)) { bad(c, "NUL character in command"); return; }
  if (len > POP3_LINE_MAX) { bad(c, "command line too long"); return; }
  size_t n = 0;
  while (n < len && line[n] != ' ') ++n;
  if (n == 0) { bad(c, "empty command"); return; }
  const struct verb_spec *v = lookup(line, n);
  if (!v) { c->verb = POP3_UNKNOWN; return; }
  char *rest = line + n;
  char *end = line + len;
  if (rest < end) ++rest;   /* the single space after the verb */
  c->rest = rest;
  c->rest_len = (size_t)(end - rest);
  *end = 0;
  c->verb = v->verb;
  if (v->min < 0) {
    if (!c->rest_len) bad(c, "argument required");
    return;
  }
  if (!split(c, rest, end)) { bad(c, "too many arguments"); return; }
  if (c->nargs < v->min) bad(c, "argument required");
  else if (c->nargs > v->max) bad(c, "too many arguments");
}

int pop3_number(const char *s, unsigned long *n)
{
  size_t len = s ? strlen(s) : 0;
  if (len == 0 || len > 9 || strspn(s, "0123456789") != len) return 0;
  *n = 0;
  for (; *s; ++s) *n = *n * 10 + (unsigned long)(*s - '0');
  return 1;
}
