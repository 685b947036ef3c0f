/* The message's header: read before anything is queued, so recipients
 * can come from it (-t) and missing From:, Date:, Message-ID: can be
 * added; Bcc: is never passed on. */
#include <string.h>
#include "buffer.h"
#include "case.h"
#include "die.h"
#include "qinject.h"
#include "sendmail.h"

/* 1 when line (with its LF) starts a header field "Name:". */
static int field_start(const char *s, size_t n)
{
  size_t i = 0;
  while (i < n && s[i] > ' ' && s[i] < 0x7f && s[i] != ':') ++i;
  return i > 0 && i < n && s[i] == ':';
}

/* One input line, LF-ended, CRLF made LF. 0 at end of input. */
static int next_line(buffer *in, stralloc *line)
{
  line->len = 0;
  int r = buffer_getline_sa(in, line);
  if (r < 0) die_sys(111, "unable to read the message");
  if (!line->len) return 0;
  if (line->s[line->len - 1] != '\n' && !stralloc_append(line, "\n")) die_nomem();
  if (line->len >= 2 && line->s[line->len - 2] == '\r') {
    line->s[line->len - 2] = '\n';
    --line->len;
  }
  return 1;
}

int read_line(struct sendmail *m, buffer *in, stralloc *line)
{
  if (!next_line(in, line)) return 0;
  if (m->dot_ends && line->len == 2 && line->s[0] == '.') return 0;
  return 1;
}

/* Reads up to the empty line ending the header (kept out of header). */
int read_header(struct sendmail *m, buffer *in)
{
  stralloc *line = &m->tmp;
  for (;;) {
    if (!read_line(m, in, line)) { m->at_eof = 1; return 0; }
    if (line->len == 1) return 0;
    int cont = (line->s[0] == ' ' || line->s[0] == '\t') && m->header.len;
    if (!cont && !field_start(line->s, line->len)) {
      /* Not a header line: the body starts here, without an empty line. */
      if (!stralloc_copy(&m->first_body, line)) die_nomem();
      return 0;
    }
    if (!stralloc_cat(&m->header, line)) die_nomem();
  }
}

/* Walks the fields: *pos from 0; the field (with continuation lines) in
 * [*start, *end). 0 at the end. */
static int next_field(const stralloc *h, size_t *pos, size_t *start, size_t *end)
{
  if (*pos >= h->len) return 0;
  *start = *pos;
  size_t i = *pos;
  do {
    const char *nl = memchr(h->s + i, '\n', h->len - i);
    i = nl ? (size_t)(nl - h->s) + 1 : h->len;
  } while (i < h->len && (h->s[i] == ' ' || h->s[i] == '\t'));
  *end = *pos = i;
  return 1;
}

static int field_is(const stralloc *h, size_t start, size_t end, const char *name)
{
  size_t n = strlen(name);
  return end - start > n && h->s[start + n] == ':' && !case_diffb(h->s + start, n, name);
}

int header_has(const stralloc *h, const char *name)
{
  size_t pos = 0, start, end;
  while (next_field(h, &pos, &start, &end))
    if (field_is(h, start, end, name)) return 1;
  return 0;
}

static int take(void *ctx, const char *addr, size_t len)
{
  return add_recipient(ctx, addr, len) ? 0 : 1;
}

/* -t: every address of To:, Cc: and Bcc:. 0 ok, 1 a bad address. */
int header_recipients(struct sendmail *m)
{
  static const char *const fields[] = { "To", "Cc", "Bcc", 0 };
  size_t pos = 0, start, end;
  while (next_field(&m->header, &pos, &start, &end))
    for (int f = 0; fields[f]; ++f)
      if (field_is(&m->header, start, end, fields[f])) {
        size_t skip = strlen(fields[f]) + 1;
        if (addrlist_each(m->header.s + start + skip, end - start - skip, take, m)) return 1;
      }
  return 0;
}

/* The header as read, without Bcc:. */
void header_write(struct sendmail *m, struct qinject *q)
{
  size_t pos = 0, start, end;
  while (next_field(&m->header, &pos, &start, &end))
    if (!field_is(&m->header, start, end, "Bcc")) qinject_write(q, m->header.s + start, end - start);
}
