/* BDAT (RFC 3030 CHUNKING): counted chunks, no dot-stuffing. Line ends
 * become LF as for DATA, also when a CRLF straddles two chunks. */
#include <string.h>
#include "case.h"
#include "die.h"
#include "fmt.h"
#include "scan.h"
#include "smtpd.h"

static void put_chunk(struct session *s, const char *p, size_t n)
{
  char out[4096];
  size_t o = 0;
  struct body *b = &s->body;
  for (size_t i = 0; i < n; ++i) {
    if (o + 2 > sizeof out) { body_put(s, out, o); o = 0; }
    if (b->cr_pending) {
      b->cr_pending = 0;
      if (p[i] == '\n') { out[o++] = '\n'; continue; }
      out[o++] = '\r';
    }
    if (p[i] == '\r') { b->cr_pending = 1; continue; }
    out[o++] = p[i];
  }
  if (o) body_put(s, out, o);
}

/* Reads the whole chunk, feeding it to the message when keep is set.
 * 0 when the client went away first. */
static int read_chunk(struct session *s, unsigned long long n, int keep)
{
  char buf[8192];
  while (n) {
    ssize_t r = in_bytes(&s->in, buf, n < sizeof buf ? (size_t)n : sizeof buf);
    if (r <= 0) return 0;
    if (keep) put_chunk(s, buf, (size_t)r);
    n -= (unsigned long long)r;
  }
  return 1;
}

static const char *bdat_state_error(struct session *s)
{
  if (!s->in_mail) return "503 5.5.1 Send MAIL first";
  if (!s->nrcpt) return "554 5.5.1 No valid recipients";
  if (s->trapped) return "554 5.7.1 This message is not accepted";
  if (!s->bdat_active) {
    if (body_begin(s)) return "451 4.3.0 Temporary failure, try again later";
    s->bdat_active = 1;
  }
  return 0;
}

void smtp_bdat(struct session *s, const char *arg)
{
  unsigned long long n;
  size_t len = scan_ulonglong(arg, &n);
  const char *rest = arg + len;
  while (*rest == ' ') ++rest;
  int last = !case_diffs(rest, "LAST");
  if (!len || (arg[len] && arg[len] != ' ') || (*rest && !last)) {
    /* Without a size the chunk cannot be skipped: end the session. */
    reply(s, "501 5.5.4 Syntax: BDAT size [LAST]; closing connection");
    s->quit = 1;
    return;
  }
  const char *err = bdat_state_error(s);
  if (!read_chunk(s, n, !err)) {
    log_line("dropped during BDAT ip=", s->cfg->remoteip, s->in.timedout ? " (timeout)" : "");
    transaction_reset(s);
    s->quit = 1;
    return;
  }
  if (err) { reply(s, err); return; }
  if (!last) {
    char num[FMT_ULONG * 2];
    num[fmt_ulonglong(num, n)] = 0;
    reply3(s, "250 2.0.0 ", num, " octets received");
    return;
  }
  if (s->body.cr_pending) { s->body.cr_pending = 0; body_put(s, "\r", 1); }
  body_finish(s, "250 2.0.0 Ok: queued as ");
}
