/* Selecting a mailbox, and the untagged updates of the selected one. */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include "imapd.h"
#include "quota.h"

void session_unselect(struct session *s)
{
  mbox_close(&s->mb);
  s->state = S_AUTH;
}

static void report_expunge(void *ctx, size_t seq)
{
  struct session *s = ctx;
  out_s(s, "* ");
  out_u(s, seq);
  out_s(s, " EXPUNGE\r\n");
}

/* A keyword letter beyond what this session knows: another session
 * added a keyword to the file; announce the new list first. */
static int unknown_keywords(const struct mbox *mb, unsigned kw)
{
  unsigned known = mb->nkw >= 32 ? ~0u : (1u << mb->nkw) - 1;
  return (kw & ~known) != 0;
}

static void reload_keywords(struct session *s)
{
  kw_load(&s->mb);
  out_permflags(s);
}

static void report_flags(void *ctx, size_t idx)
{
  struct session *s = ctx;
  struct msg *m = &s->mb.m[idx];
  if (unknown_keywords(&s->mb, m->kw)) reload_keywords(s);
  out_s(s, "* ");
  out_u(s, idx + 1);
  out_s(s, " FETCH (UID ");
  out_u(s, m->uid);
  out_s(s, " FLAGS ");
  out_flags(s, &s->mb, m);
  if (s->condstore) { out_s(s, " MODSEQ ("); out_u(s, m->modseq); out_s(s, ")"); }
  out_s(s, ")\r\n");
}

static void report_counts(struct session *s)
{
  out_s(s, "* ");
  out_u(s, s->mb.n);
  out_s(s, " EXISTS\r\n* ");
  out_u(s, s->mb.recent);
  out_s(s, " RECENT\r\n");
}

static int folder_gone(struct session *s)
{
  stralloc p = { 0 };
  struct stat st;
  int gone = stralloc_copy(&p, &s->mb.dir) && stralloc_cats(&p, "/cur") && stralloc_0(&p) &&
             stat(p.s, &st) < 0 && errno == ENOENT;
  stralloc_free(&p);
  return gone;
}

void report_changes(struct session *s, int force)
{
  struct sync_cb cb = { s, report_expunge, report_flags };
  long r = mbox_sync(&s->mb, force, &cb);
  if (r < 0 && folder_gone(s)) {
    out_s(s, "* BYE The selected mailbox was deleted\r\n");
    s->state = S_LOGOUT;
    return;
  }
  if (r <= 0) return;
  for (size_t i = s->mb.n - (size_t)r; i < s->mb.n; ++i)   /* the new ones */
    if (unknown_keywords(&s->mb, s->mb.m[i].kw)) { reload_keywords(s); break; }
  report_counts(s);
}

/* RFC 3501 7.1: an [ALERT] the user must see, when the Maildir++ quota
 * is 90% used or more. */
static void quota_alert(struct session *s)
{
  struct quota q = { 0 };
  long long bytes = 0, count = 0;
  if (!s->cfg.quota || !quota_parse(&q, s->cfg.quota) ||
      quota_usage(s->maildir.s, s->cfg.quota, &bytes, &count) < 0)
    return;
  long long pb = q.max_bytes ? bytes * 100 / q.max_bytes : 0, pc = q.max_count ? count * 100 / q.max_count : 0;
  long long p = pb > pc ? pb : pc;
  if (p < 90) return;
  out_s(s, "* OK [ALERT] Your mailbox is ");
  out_u(s, (unsigned long long)p);
  out_s(s, "% full\r\n");
}

int session_select(struct session *s, const char *name, int readonly)
{
  stralloc dir = { 0 }, canon = { 0 };
  if (s->state == S_SELECTED) {
    session_unselect(s);
    out_s(s, "* OK [CLOSED] Previous mailbox closed\r\n");
  }
  if (!folder_dir(s, name, &dir) || !folder_canon(name, &canon)) {
    stralloc_free(&dir);
    return reply_no(s, "Invalid mailbox name");
  }
  s->mb.want_watch = 1;
  if (mbox_open(&s->mb, dir.s, canon.s, readonly) < 0) {
    stralloc_free(&dir);
    stralloc_free(&canon);
    return reply_no(s, "Mailbox does not exist");
  }
  stralloc_free(&dir);
  stralloc_free(&canon);
  s->state = S_SELECTED;
  out_permflags(s);
  report_counts(s);
  for (size_t i = 0; i < s->mb.n; ++i)
    if (!(s->mb.m[i].flags & F_SEEN)) {
      out_s(s, "* OK [UNSEEN ");
      out_u(s, i + 1);
      out_s(s, "] First unseen\r\n");
      break;
    }
  quota_alert(s);
  out_s(s, "* OK [UIDVALIDITY ");
  out_u(s, s->mb.uidvalidity);
  out_s(s, "] UIDs valid\r\n* OK [UIDNEXT ");
  out_u(s, s->mb.uidnext);
  out_s(s, "] Predicted next UID\r\n* OK [HIGHESTMODSEQ ");
  out_u(s, s->mb.highestmodseq);
  out_s(s, "] Highest\r\n");
  return reply_ok(s, readonly ? "[READ-ONLY] EXAMINE completed" : "[READ-WRITE] SELECT completed");
}
