/* One smtpaccess line to a tcprules key and value (see access.h). */
#include <string.h>
#include "access.h"

static int blank(char c) { return c == ' ' || c == '\t'; }
static int name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static int name_char(char c) { return name_start(c) || (c >= '0' && c <= '9'); }

/* NAME[=value] at s[*pos]: appends "+NAME=value\0". */
static int variable(const char *s, size_t len, size_t *pos, stralloc *value, const char **err)
{
  size_t start = *pos;
  if (*pos >= len || !name_start(s[*pos])) { *err = "expected a variable name"; return 0; }
  while (*pos < len && name_char(s[*pos])) ++*pos;
  if (!stralloc_append(value, "+") || !stralloc_catb(value, s + start, *pos - start)
      || !stralloc_append(value, "=")) return -1;
  if (*pos < len && s[*pos] == '=') {
    ++*pos;
    if (*pos < len && (s[*pos] == '"' || s[*pos] == '\'')) {
      char q = s[(*pos)++];
      const char *end = memchr(s + *pos, q, len - *pos);
      if (!end) { *err = "unterminated quoted value"; return 0; }
      if (!stralloc_catb(value, s + *pos, (size_t)(end - (s + *pos)))) return -1;
      *pos = (size_t)(end - s) + 1;
    } else {
      start = *pos;
      while (*pos < len && s[*pos] != ',') ++*pos;
      if (!stralloc_catb(value, s + start, *pos - start)) return -1;
    }
  }
  if (*pos < len && s[*pos] != ',') { *err = "expected ',' after a variable"; return 0; }
  return stralloc_0(value) ? 1 : -1;
}

static int rule(const char *s, size_t len, stralloc *value, const char **err)
{
  value->len = 0;
  if (len == 4 && !memcmp(s, "deny", 4)) return stralloc_copyb(value, "D", 2) ? 1 : -1;
  if (len < 5 || memcmp(s, "allow", 5) || (len > 5 && s[5] != ',')) {
    *err = "the rule must be allow[,NAME=value...] or deny";
    return 0;
  }
  size_t pos = 5;
  while (pos < len) {
    ++pos;   /* the ',' */
    int r = variable(s, len, &pos, value, err);
    if (r <= 0) return r;
  }
  return 1;
}

int access_line_parse(const char *line, size_t len, stralloc *key, stralloc *value, const char **err)
{
  if (memchr(line, 0, len)) { *err = "NUL in line"; return 0; }
  size_t pos = 0;
  while (pos < len && blank(line[pos])) ++pos;
  size_t start = pos;
  while (pos < len && !blank(line[pos])) ++pos;
  size_t alen = pos - start;
  while (pos < len && blank(line[pos])) ++pos;
  size_t end = len;
  while (end > pos && blank(line[end - 1])) --end;
  if (!alen || pos == end) { *err = "expected ADDRESS<TAB>allow... or ADDRESS<TAB>deny"; return 0; }
  int r = access_rule_key(key, line + start, alen, err);
  if (r <= 0) return r;
  return rule(line + pos, end - pos, value, err);
}
