#include <ctype.h>
#include <string.h>
#include "reply.h"
#include "scan.h"

int reply_read(struct conn *c, struct reply *r)
{
  stralloc line = {0};
  r->code = 0;
  r->text.len = 0;
  r->lines.len = 0;
  for (int count = 0; count < 100; ++count) {
    int g = conn_getline(c, &line);
    if (g <= 0) { r->code = 0; return -1; }
    int code = 0;
    int valid = line.len >= 3 && isdigit((unsigned char)line.s[0]) && isdigit((unsigned char)line.s[1])
             && isdigit((unsigned char)line.s[2]) && (line.len == 3 || line.s[3] == ' ' || line.s[3] == '-');
    if (valid) code = (line.s[0] - '0') * 100 + (line.s[1] - '0') * 10 + (line.s[2] - '0');
    if (r->text.len) stralloc_cats(&r->text, "/");
    for (size_t i = 0; i < line.len; ++i)
      if ((unsigned char)line.s[i] < 32) line.s[i] = ' ';
    stralloc_catb(&r->text, line.s, line.len);
    if (!valid || (r->code && code != r->code)) { r->code = 0; break; }
    r->code = code;
    stralloc_catb(&r->lines, line.len > 4 ? line.s + 4 : "", line.len > 4 ? line.len - 4 : 0);
    stralloc_0(&r->lines);
    if (line.len == 3 || line.s[3] == ' ') break;
  }
  stralloc_0(&r->text);
  --r->text.len;
  stralloc_free(&line);
  return 0;
}

static int keyword_is(const char *line, const char *word)
{
  size_t n = strlen(word);
  return !strncasecmp(line, word, n) && (line[n] == 0 || line[n] == ' ' || line[n] == '=');
}

void caps_parse(struct caps *caps, const struct reply *ehlo)
{
  caps->esmtp = 1;
  caps->pipelining = caps->eightbitmime = caps->dsn = caps->smtputf8 = 0;
  caps->chunking = caps->starttls = 0;
  caps->size = 0;
  stralloc_copys(&caps->auth, " ");
  size_t pos = 0;
  int first = 1;
  while (pos < ehlo->lines.len) {
    const char *line = ehlo->lines.s + pos;
    pos += strlen(line) + 1;
    if (first) { first = 0; continue; }   /* the greeting line */
    if (keyword_is(line, "PIPELINING")) caps->pipelining = 1;
    else if (keyword_is(line, "8BITMIME")) caps->eightbitmime = 1;
    else if (keyword_is(line, "DSN")) caps->dsn = 1;
    else if (keyword_is(line, "SMTPUTF8")) caps->smtputf8 = 1;
    else if (keyword_is(line, "CHUNKING")) caps->chunking = 1;
    else if (keyword_is(line, "STARTTLS")) caps->starttls = 1;
    else if (keyword_is(line, "SIZE")) {
      unsigned long n = 0;
      if (line[4] == ' ') scan_ulong(line + 5, &n);
      caps->size = n;
    } else if (keyword_is(line, "AUTH")) {
      for (const char *p = line + 5; line[4] && *p; ++p) {
        char ch = (char)toupper((unsigned char)*p);
        stralloc_append(&caps->auth, &ch);
      }
      stralloc_cats(&caps->auth, " ");
    }
  }
  stralloc_0(&caps->auth);
  --caps->auth.len;
}
