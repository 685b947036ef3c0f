#include <string.h>
#include "die.h"
#include "imapd.h"
#include <stdio.h>
#include "imap-date.h"

/* APPEND mailbox [(flags)] [date-time] literal, answered with
 * APPENDUID (RFC 4315). Into the OUTBOX folder the message is also sent. */
CMD(append)
{
  struct imap_arg *mbox = args, *a = arg_next(s, args), *flags = 0, *date = 0;
  if (!imap_is_string(mbox) || !a) return reply_bad(s, "APPEND takes a mailbox and a message");
  if (a->type == IMAP_LIST) { flags = a; a = arg_next(s, a); }
  if (a && a->type == IMAP_QUOTED) { date = a; a = arg_next(s, a); }
  if (!a || a->type != IMAP_LITERAL || arg_next(s, a)) return reply_bad(s, "APPEND needs the message as a literal");
  time_t idate = 0;
  if (date && !imap_datetime(arg_str(s, date), &idate)) return reply_bad(s, "Invalid date-time");
  stralloc dir = { 0 }, canon = { 0 };
  if (!folder_dir(s, arg_str(s, mbox), &dir) || !folder_canon(arg_str(s, mbox), &canon)) {
    stralloc_free(&dir);
    return reply_no(s, "[CANNOT] Invalid mailbox name");
  }
  int r;
  if (!folder_exists(s, canon.s)) { r = reply_no(s, "[TRYCREATE] Mailbox does not exist"); goto out; }
  struct mbox kwmb = { 0 };
  unsigned fl = 0, kw = 0;
  if (!stralloc_copy(&kwmb.dir, &dir) || !stralloc_0(&kwmb.dir)) die_nomem();
  --kwmb.dir.len;
  if (s->cfg.keywords) kw_load(&kwmb);
  if (flags && !flags_parse(s, flags, &fl, &kw, &kwmb, 1)) { r = reply_bad(s, "Invalid flag"); goto free_kw; }
  const char *why;
  if (s->cfg.outbox && canon.len > 6 && !strcmp(canon.s + 6, s->cfg.outbox) &&
      outbox_send(s, arg_str(s, a), a->len, &why) < 0) {
    r = reply_no(s, why);
    goto free_kw;
  }
  long uid = append_message(s, dir.s, arg_str(s, a), a->len, fl, kw, idate, &why);
  if (uid < 0) { r = reply_no(s, why); goto free_kw; }
  struct uidlist_head h;
  uidlist_header(dir.s, &h);
  unsigned v = h.validity;
  if (uid > 0) {
    char text[96];
    snprintf(text, sizeof text, "[APPENDUID %u %ld] APPEND completed", v, uid);
    r = reply_ok(s, text);
  } else {
    r = reply_ok(s, "APPEND completed");
  }
free_kw:
  for (int k = 0; k < KW_MAX; ++k) stralloc_free(&kwmb.kwnames[k]);
  stralloc_free(&kwmb.dir);
out:
  stralloc_free(&dir);
  stralloc_free(&canon);
  return r;
}
