#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "imap_parse.h"

struct pstate {
  struct imap_cmd *c;
  const char *s;
  size_t i, len;
  const char *err;
};

static int new_arg(struct imap_cmd *c, unsigned char type)
{
  if (c->nargs == c->aargs) {
    size_t n = c->aargs ? c->aargs * 2 : 32;
    struct imap_arg *a = realloc(c->args, n * sizeof *a);
    if (!a) return -1;
    c->args = a;
    c->aargs = n;
  }
  struct imap_arg *a = &c->args[c->nargs];
  a->type = type;
  a->off = c->strs.len;
  a->len = 0;
  a->child = a->next = -1;
  return (int)c->nargs++;
}

static int put(struct pstate *p, const char *s, size_t n)
{
  return stralloc_catb(&p->c->strs, s, n) ? 1 : -1;
}

static int end_string(struct pstate *p, int idx)
{
  struct imap_arg *a = &p->c->args[idx];
  a->len = p->c->strs.len - a->off;
  return stralloc_0(&p->c->strs) ? 1 : -1;
}

static int fail(struct pstate *p, const char *why) { p->err = why; return 0; }

static int is_atom_char(unsigned char ch)
{
  return ch > ' ' && ch != 0x7f && ch != '(' && ch != ')' && ch != '{' && ch != '"';
}

static int parse_quoted(struct pstate *p, int idx)
{
  ++p->i;
  for (;;) {
    if (p->i >= p->len) return fail(p, "unterminated quoted string");
    unsigned char ch = (unsigned char)p->s[p->i++];
    if (ch == '"') break;
    if (ch == '\r' || ch == '\n' || ch == 0) return fail(p, "bad character in quoted string");
    if (ch == '\\') {
      if (p->i >= p->len) return fail(p, "unterminated quoted string");
      ch = (unsigned char)p->s[p->i++];
      if (ch != '\\' && ch != '"') return fail(p, "bad escape in quoted string");
    }
    if (put(p, (const char *)&ch, 1) < 0) return -1;
  }
  return end_string(p, idx);
}

static int parse_literal(struct pstate *p, int idx)
{
  size_t n = 0, digits = 0;
  ++p->i;
  while (p->i < p->len && p->s[p->i] >= '0' && p->s[p->i] <= '9' && digits < 12) {
    n = n * 10 + (size_t)(p->s[p->i++] - '0');
    ++digits;
  }
  if (!digits) return fail(p, "bad literal");
  if (p->i < p->len && p->s[p->i] == '+') ++p->i;
  if (p->i >= p->len || p->s[p->i] != '}') return fail(p, "bad literal");
  ++p->i;
  if (p->i < p->len && p->s[p->i] == '\r') ++p->i;
  if (p->i >= p->len || p->s[p->i] != '\n') return fail(p, "literal not at end of line");
  ++p->i;
  if (p->len - p->i < n) return fail(p, "short literal");
  if (put(p, p->s + p->i, n) < 0) return -1;
  p->i += n;
  return end_string(p, idx);
}

/* An atom; a '[' inside it runs to the matching ']' whatever it holds,
 * so BODY[HEADER.FIELDS (From To)]<0.100> is one argument. */
static int parse_atom(struct pstate *p, int idx)
{
  size_t start = p->i;
  while (p->i < p->len) {
    unsigned char ch = (unsigned char)p->s[p->i];
    if (ch == '[') {
      while (p->i < p->len && p->s[p->i] != ']') {
        if (p->s[p->i] == '\r' || p->s[p->i] == '\n' || !p->s[p->i]) return fail(p, "missing ]");
        ++p->i;
      }
      if (p->i >= p->len) return fail(p, "missing ]");
      ++p->i;
      continue;
    }
    if (!is_atom_char(ch)) break;
    ++p->i;
  }
  if (p->i == start) return fail(p, p->i < p->len && !p->s[p->i] ? "NUL in command" : "syntax error");
  if (put(p, p->s + start, p->i - start) < 0) return -1;
  return end_string(p, idx);
}

static int at_eol(struct pstate *p)
{
  if (p->i < p->len && p->s[p->i] == '\r') return p->i + 1 < p->len && p->s[p->i + 1] == '\n';
  return p->i >= p->len || p->s[p->i] == '\n';
}

/* Parses the elements of one level; closing set when a ')' ends it. */
static int parse_level(struct pstate *p, int parent, int depth, int depth_max)
{
  int prev = -1;
  for (;;) {
    if (at_eol(p)) return parent < 0 ? 1 : fail(p, "unbalanced parentheses");
    if (prev >= 0 || parent >= 0) {
      if (p->s[p->i] == ')') {
        if (parent < 0) return fail(p, "unbalanced parentheses");
        ++p->i;
        return 1;
      }
      if (prev >= 0) {
        if (p->s[p->i] != ' ') return fail(p, "missing space");
        ++p->i;
        if (at_eol(p)) return fail(p, "trailing space");
      }
    }
    char ch = p->s[p->i];
    int type = ch == '(' ? IMAP_LIST : ch == '"' ? IMAP_QUOTED : ch == '{' ? IMAP_LITERAL : IMAP_ATOM;
    int idx = new_arg(p->c, (unsigned char)type);
    if (idx < 0) return -1;
    if (prev >= 0) p->c->args[prev].next = idx;
    else if (parent >= 0) p->c->args[parent].child = idx;
    else p->c->first = idx;
    prev = idx;
    int r;
    if (type == IMAP_LIST) {
      if (depth >= depth_max) return fail(p, "too deeply nested");
      ++p->i;
      if (p->i < p->len && p->s[p->i] == ')') { ++p->i; continue; }
      r = parse_level(p, idx, depth + 1, depth_max);
    } else if (type == IMAP_QUOTED) r = parse_quoted(p, idx);
    else if (type == IMAP_LITERAL) r = parse_literal(p, idx);
    else r = parse_atom(p, idx);
    if (r <= 0) return r;
  }
}

int imap_parse(struct imap_cmd *cmd, int depth_max, const char **err)
{
  struct pstate p = { .c = cmd, .s = cmd->raw.s, .len = cmd->raw.len, .err = "syntax error" };
  cmd->nargs = 0;
  cmd->strs.len = 0;
  cmd->first = -1;
  if (!stralloc_readyplus(&cmd->strs, cmd->raw.len + 64)) return -1;
  int r = parse_level(&p, -1, 0, depth_max);
  if (r == 0) *err = p.err;
  return r;
}

void imap_raw_tag(const struct imap_cmd *cmd, stralloc *tag)
{
  size_t n = 0;
  while (n < cmd->raw.len && n < 64 && is_atom_char((unsigned char)cmd->raw.s[n]) && cmd->raw.s[n] != '*'
         && cmd->raw.s[n] != '%' && cmd->raw.s[n] != '+')
    ++n;
  if (n < cmd->raw.len && cmd->raw.s[n] != ' ') n = 0;
  if (!n) (void)stralloc_copys(tag, "*");
  else (void)stralloc_copyb(tag, cmd->raw.s, n);
  (void)stralloc_0(tag);
  if (tag->len) --tag->len;
}

int imap_atom_is(const struct imap_cmd *c, const struct imap_arg *a, const char *word)
{
  return a && a->type == IMAP_ATOM && !strcasecmp(imap_str(c, a), word);
}

void imap_cmd_free(struct imap_cmd *cmd)
{
  stralloc_free(&cmd->raw);
  stralloc_free(&cmd->strs);
  free(cmd->args);
  cmd->args = 0;
  cmd->nargs = cmd->aargs = 0;
}
