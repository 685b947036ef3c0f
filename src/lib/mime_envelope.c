#include <string.h>
#include "mime.h"
#include "mime_int.h"

static const char *const env_names[] = {
  "date", "subject", "from", "sender", "reply-to", "to", "cc", "bcc",
  "in-reply-to", "message-id"
};
enum { E_DATE, E_SUBJECT, E_FROM, E_SENDER, E_REPLYTO, E_TO, E_CC, E_BCC, E_IRT, E_MSGID, E_N };

static int text(stralloc *out, stralloc *tmp, const char *v, size_t len)
{
  if (!v) return stralloc_cats(out, "NIL") ? 0 : -1;
  tmp->len = 0;
  if (mime_unfold(tmp, v, len) < 0) return -1;
  return mime_imap_string(out, tmp->s ? tmp->s : "", tmp->len);
}

#define MAXREP 8

struct env {
  const char *val[E_N][MAXREP];
  size_t len[E_N][MAXREP];
  unsigned int n[E_N];
};

static void collect(struct env *e, const char *hdr, size_t len)
{
  size_t pos = 0;
  struct mime_field f;
  int i;
  while (mime_field_next(hdr, len, &pos, &f)) {
    if (!f.namelen || f.namelen > 11) continue;
    for (i = 0; i < E_N; ++i)
      if (mime_ieq(f.name, f.namelen, env_names[i])) {
        /* address fields given more than once add up; others: the first */
        if (e->n[i] < (i >= E_FROM && i <= E_BCC ? MAXREP : 1)) {
          e->val[i][e->n[i]] = f.value;
          e->len[i][e->n[i]++] = f.valuelen;
        }
        break;
      }
  }
}

static int addresses(stralloc *out, const struct env *e, int i)
{
  size_t at = out->len;
  if (mime_addr_list(out, e->val[i], e->len[i], e->n[i]) < 0) return -1;
  /* Sender and Reply-To without an address are From's */
  if ((i == E_SENDER || i == E_REPLYTO) && out->len - at == 3 && !memcmp(out->s + at, "NIL", 3)) {
    out->len = at;
    return mime_addr_list(out, e->val[E_FROM], e->len[E_FROM], e->n[E_FROM]);
  }
  return 0;
}

int mime_envelope(stralloc *out, const char *hdr, size_t len)
{
  struct env e;
  stralloc tmp = {0};
  int i, r = -1;
  memset(e.n, 0, sizeof e.n);
  collect(&e, hdr, len);
  if (!stralloc_cats(out, "(")) goto done;
  for (i = 0; i < E_N; ++i) {
    const char *v = e.n[i] ? e.val[i][0] : 0;
    size_t vl = e.n[i] ? e.len[i][0] : 0;
    if (i && !stralloc_cats(out, " ")) goto done;
    if (i >= E_FROM && i <= E_BCC) {
      if (addresses(out, &e, i) < 0) goto done;
    } else if (i == E_SUBJECT && v) {
      if (mime_imap_human(out, &tmp, v, vl) < 0) goto done;
    } else if (text(out, &tmp, v, vl) < 0) goto done;
  }
  r = stralloc_cats(out, ")") ? 0 : -1;
done:
  stralloc_free(&tmp);
  return r;
}
