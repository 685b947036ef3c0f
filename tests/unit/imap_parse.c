/* Unit tests for the IMAP command reader and tokeniser. */
#include <stdio.h>
#include <unistd.h>
#include "tap.h"
#include "imap_parse.h"

static struct imap_limits lim = { 1000, 100, 5000, 4000, 8 };
static int conts;
static int cont(void *ctx) { (void)ctx; ++conts; return 0; }

/* Reads one command from text through a pipe: the reader's result. */
static int read_from(struct imap_cmd *c, const char *text, size_t len, int bytewise, size_t *left)
{
  int p[2];
  struct imap_in in;
  if (pipe(p) < 0 || write(p[1], text, len) != (ssize_t)len) return -1;
  close(p[1]);
  imap_in_init(&in, p[0], bytewise, 1000);
  int r = imap_read_command(&in, c, &lim, cont, 0);
  char buf[256];
  ssize_t n = read(p[0], buf, sizeof buf);
  *left = imap_in_pending(&in) + (n > 0 ? (size_t)n : 0);
  close(p[0]);
  return r;
}

static int parse(struct imap_cmd *c, const char *text, const char **err)
{
  size_t left;
  if (read_from(c, text, strlen(text), 0, &left) != IMAP_READ_OK) return -9;
  return imap_parse(c, lim.depth_max, err);
}

static const char *str(struct imap_cmd *c, int i) { return imap_str(c, &c->args[i]); }

int main(void)
{
  struct imap_cmd c = { 0 };
  const char *err = "";
  size_t left;

  ok(parse(&c, "a1 NOOP\r\n", &err) == 1 && c.nargs == 2 && !strcmp(str(&c, 0), "a1") &&
     !strcmp(str(&c, 1), "NOOP"), "tag and command");
  ok(parse(&c, "a LOGIN \"us\\\"er\" {4}\r\npa s\r\n", &err) == 1 && c.nargs == 4 &&
     !strcmp(str(&c, 2), "us\"er") && c.args[3].type == IMAP_LITERAL && !strcmp(str(&c, 3), "pa s"),
     "quoted string with escape, literal");
  is_int(conts, 1, "one continuation for a synchronising literal");
  ok(parse(&c, "a X {3+}\r\nabc\r\n", &err) == 1 && conts == 1, "non-synchronising literal: no continuation");
  ok(parse(&c, "a FETCH 1:* (FLAGS BODY.PEEK[HEADER.FIELDS (From To)]<0.10>)\r\n", &err) == 1 &&
     c.args[3].type == IMAP_LIST && !strcmp(str(&c, c.args[3].child + 1), "BODY.PEEK[HEADER.FIELDS (From To)]<0.10>"),
     "section with spaces and parentheses is one atom");
  ok(parse(&c, "a X ()\r\n", &err) == 1 && c.args[2].type == IMAP_LIST && c.args[2].child == -1, "empty list");
  is_int(parse(&c, "a X (b\r\n", &err), 0, "unbalanced (: error");
  is_int(parse(&c, "a X b)\r\n", &err), 0, "unbalanced ): error");
  is_int(parse(&c, "a X ((((((((((x))))))))))\r\n", &err), 0, "nesting over the limit: error");
  is_str(err, "too deeply nested", "nesting error text");
  is_int(parse(&c, "a X \"unterminated\r\n", &err), 0, "unterminated quoted string");
  ok(read_from(&c, "a X b\0c\r\n", 9, 0, &left) == IMAP_READ_OK && imap_parse(&c, 8, &err) == 0, "NUL: error");
  is_int(parse(&c, "a X  b\r\n", &err), 0, "double space: error");
  ok(parse(&c, "a X b\n", &err) == 1, "bare LF accepted");

  char big[1200];
  memset(big, 'x', sizeof big);
  memcpy(big, "a X ", 4);
  memcpy(big + sizeof big - 2, "\r\n", 2);
  is_int(read_from(&c, big, sizeof big, 0, &left), IMAP_READ_TOOLONG, "over-long line: TOOLONG");
  is_int(read_from(&c, "a X {101}\r\nrest", 15, 0, &left), IMAP_READ_TOOBIG, "synchronising literal over the limit: TOOBIG");
  is_int(read_from(&c, "a X {101+}\r\nrest", 16, 0, &left), IMAP_READ_FATAL, "non-synchronising literal over the limit: FATAL");
  is_int(read_from(&c, "a APPEND x {4000}\r\n", 19, 0, &left), IMAP_READ_FATAL, "APPEND's literal limit is larger (then EOF inside)");
  is_int(read_from(&c, "a X {5}\r\nab", 11, 0, &left), IMAP_READ_FATAL, "EOF inside a literal: FATAL");
  {
    /* Each literal under the limit, together over it: memory is bounded
     * by the limit, not by the limit times the number of literals. */
    char many[200];
    int n = snprintf(many, sizeof many, "a X {60}\r\n%060d {60}\r\n%060d\r\n", 1, 2);
    is_int(read_from(&c, many, (size_t)n, 0, &left), IMAP_READ_TOOBIG, "literals together over the limit: TOOBIG");
  }
  is_int(read_from(&c, "", 0, 0, &left), IMAP_READ_EOF, "EOF before a command");
  ok(read_from(&c, "a LOGIN u p\r\nb SELECT x\r\n", 25, 1, &left) == IMAP_READ_OK && left == 12,
     "bytewise: nothing after the command is consumed");
  stralloc tag = { 0 };
  (void)stralloc_copys(&c.raw, "tag1 FOO (\r\n");
  imap_raw_tag(&c, &tag);
  is_str(tag.s, "tag1", "tag of a command that does not parse");
  (void)stralloc_copys(&c.raw, "+bad\r\n");
  imap_raw_tag(&c, &tag);
  is_str(tag.s, "*", "no usable tag: *");
  stralloc_free(&tag);
  imap_cmd_free(&c);
  return done_testing();
}
