/* CAPABILITY: a table, pruned by configuration. IMAP_CAPABILITY (when
 * set) lists what the administrator allows; OUTBOX adds XCOURIEROUTBOX. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "imapd.h"

static const char *const caps[] = {
  "LITERAL+", "ID", "ENABLE", "IDLE", "NAMESPACE", "UIDPLUS", "CHILDREN", "UNSELECT",
  "MOVE", "SPECIAL-USE", "QUOTA", "SORT", "THREAD=ORDEREDSUBJECT", "THREAD=REFERENCES",
  "ESEARCH", "CONDSTORE",
};

/* Whether word appears in the space-separated list (case-insensitive). */
static int in_list(const char *list, const char *word)
{
  size_t wl = strlen(word);
  for (const char *p = list; *p;) {
    while (*p == ' ') ++p;
    size_t n = strcspn(p, " ");
    if (n == wl && !strncasecmp(p, word, n)) return 1;
    p += n;
  }
  return 0;
}

void out_capability(struct session *s)
{
  out_s(s, "IMAP4rev1");
  for (size_t i = 0; i < sizeof caps / sizeof caps[0]; ++i) {
    if (s->cfg.capability && !in_list(s->cfg.capability, caps[i])) continue;
    out_s(s, " ");
    out_s(s, caps[i]);
  }
  if (s->cfg.outbox) {
    out_s(s, " XCOURIEROUTBOX=INBOX.");
    out_s(s, s->cfg.outbox);
  }
}

CMD(capability)
{
  if (args) return reply_bad(s, "CAPABILITY takes no arguments");
  out_s(s, "* CAPABILITY ");
  out_capability(s);
  out_s(s, "\r\n");
  return reply_ok(s, "CAPABILITY completed");
}
