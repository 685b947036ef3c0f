/* Shell-style NAME=value files (esmtpd, pop3d, imapd ...): the subset
 * of sh that Courier's files use, parsed without running a shell. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "conf.h"

struct envp {
  const char *s;
  size_t len, pos;
  unsigned long line;
  struct conf_env *env;
  stralloc value;
};

static int blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
static int name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static int name_char(char c) { return name_start(c) || (c >= '0' && c <= '9'); }

static int peek(const struct envp *p) { return p->pos < p->len ? (unsigned char)p->s[p->pos] : -1; }

static int next(struct envp *p)
{
  if (p->pos >= p->len) return -1;
  char c = p->s[p->pos++];
  if (c == '\n') ++p->line;
  return (unsigned char)c;
}

/* The last assignment of the n-byte NAME, or 0. */
static const char *find(const struct conf_env *env, const char *name, size_t n)
{
  const char *found = 0;
  for (size_t i = 0; i < env->vars.len; i += strlen(env->vars.s + i) + 1)
    if (!strncmp(env->vars.s + i, name, n) && env->vars.s[i + n] == '=') found = env->vars.s + i + n + 1;
  return found;
}

/* NAME from earlier assignments, else the process environment. */
static const char *lookup(const struct conf_env *env, const char *name, size_t n)
{
  const char *found = find(env, name, n);
  if (found) return found;
  char buf[256];
  if (n >= sizeof buf) return 0;
  memcpy(buf, name, n);
  buf[n] = 0;
  return getenv(buf);
}

static int expand(struct envp *p)
{
  int braced = peek(p) == '{';
  if (braced) next(p);
  size_t start = p->pos;
  while (p->pos < p->len && name_char(p->s[p->pos])) ++p->pos;
  size_t n = p->pos - start;
  if (braced && (!n || next(p) != '}')) return -2;
  if (!n) return stralloc_append(&p->value, "$") ? 0 : -1;
  const char *v = lookup(p->env, p->s + start, n);
  return (!v || stralloc_cats(&p->value, v)) ? 0 : -1;
}

static int single_quoted(struct envp *p)
{
  for (;;) {
    int c = next(p);
    if (c < 0) return -2;
    if (c == '\'') return 0;
    char ch = (char)c;
    if (!stralloc_append(&p->value, &ch)) return -1;
  }
}

static int double_quoted(struct envp *p)
{
  for (;;) {
    int c = next(p);
    if (c < 0) return -2;
    if (c == '"') return 0;
    if (c == '$') { int r = expand(p); if (r) return r; continue; }
    if (c == '\\' && peek(p) >= 0 && strchr("\"\\$`\n", peek(p))) {
      c = next(p);
      if (c == '\n') continue;
    }
    char ch = (char)c;
    if (!stralloc_append(&p->value, &ch)) return -1;
  }
}

/* The value after '=': up to an unquoted blank or newline. */
static int value(struct envp *p)
{
  p->value.len = 0;
  for (;;) {
    int c = peek(p), r = 0;
    if (c < 0 || c == '\n' || blank((char)c)) return 0;
    next(p);
    if (c == '\'') r = single_quoted(p);
    else if (c == '"') r = double_quoted(p);
    else if (c == '$') r = expand(p);
    else if (c == '\\') {
      int e = next(p);
      if (e < 0) return -2;
      if (e != '\n') { char ch = (char)e; r = stralloc_append(&p->value, &ch) ? 0 : -1; }
    } else if (strchr(";&|<>()`", c)) return -2;
    else { char ch = (char)c; r = stralloc_append(&p->value, &ch) ? 0 : -1; }
    if (r) return r;
  }
}

static void skip_blanks(struct envp *p) { while (peek(p) >= 0 && blank((char)peek(p))) next(p); }

/* After a statement: blanks, an optional comment, then end of line. */
static int end_of_line(struct envp *p)
{
  skip_blanks(p);
  if (peek(p) == '#') while (peek(p) >= 0 && peek(p) != '\n') next(p);
  if (peek(p) < 0) return 0;
  return next(p) == '\n' ? 0 : -2;
}

static int assignment(struct envp *p)
{
  if (p->len - p->pos > 7 && !strncmp(p->s + p->pos, "export", 6) && blank(p->s[p->pos + 6])) {
    p->pos += 6;
    skip_blanks(p);
  }
  size_t start = p->pos;
  if (!name_start((char)peek(p))) return -2;
  while (peek(p) >= 0 && name_char((char)peek(p))) next(p);
  size_t n = p->pos - start;
  if (next(p) != '=') return -2;
  int r = value(p);
  if (r) return r;
  if (p->value.len && memchr(p->value.s, 0, p->value.len)) return -2;
  struct conf_env *env = p->env;
  if (!stralloc_catb(&env->vars, p->s + start, n + 1) || !stralloc_cat(&env->vars, &p->value)
      || !stralloc_0(&env->vars)) return -1;
  return end_of_line(p);
}

static int parse(struct envp *p)
{
  while (p->pos < p->len) {
    skip_blanks(p);
    int c = peek(p), r;
    if (c == '\n' || c == '#') r = end_of_line(p);
    else if (c < 0) break;
    else r = assignment(p);
    if (r) return r;
  }
  return 0;
}

int conf_env_parse(struct conf_env *env, const char *text, size_t len, unsigned long *bad_line)
{
  struct envp p = { text, len, 0, 1, env, {0} };
  env->vars.len = 0;
  int r = memchr(text, 0, len) ? -2 : parse(&p);
  if (r == -2 && bad_line) *bad_line = p.line;
  free(p.value.s);
  return r ? r : 1;
}

int conf_env_read(struct conf_env *env, const char *path, unsigned long *bad_line)
{
  stralloc text = {0};
  int r = conf_slurp(&text, path);
  if (r <= 0) { free(text.s); return r; }
  r = conf_env_parse(env, text.s, text.len, bad_line);
  free(text.s);
  if (r == -1) errno = ENOMEM;
  return r;
}

const char *conf_env_get(const struct conf_env *env, const char *name)
{
  return env->vars.s ? find(env, name, strlen(name)) : 0;
}

void conf_env_free(struct conf_env *env)
{
  free(env->vars.s);
  env->vars.s = 0;
  env->vars.len = env->vars.a = 0;
}
