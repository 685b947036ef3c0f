#include "imap-quota.h"
#include "quota.h"

void out_quota(struct session *s)
{
  struct quota q = { 0 };
  long long bytes = 0, count = 0;
  if (!s->cfg.quota || !quota_parse(&q, s->cfg.quota) || (!q.max_bytes && !q.max_count)) {
    out_s(s, "* QUOTA \"\" ()\r\n");
    return;
  }
  quota_usage(s->maildir.s, s->cfg.quota, &bytes, &count);
  out_s(s, "* QUOTA \"\" (");
  if (q.max_bytes) {
    out_s(s, "STORAGE ");
    out_u(s, (unsigned long long)(bytes + 1023) / 1024);
    out_s(s, " ");
    out_u(s, (unsigned long long)q.max_bytes / 1024);
  }
  if (q.max_count) {
    out_s(s, q.max_bytes ? " MESSAGE " : "MESSAGE ");
    out_u(s, (unsigned long long)count);
    out_s(s, " ");
    out_u(s, (unsigned long long)q.max_count);
  }
  out_s(s, ")\r\n");
}
