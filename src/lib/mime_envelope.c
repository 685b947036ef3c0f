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

int mime_envelope(stralloc *out, const char *hdr, size_t len)
{
  const char *val[E_N] = {0};
  size_t vlen[E_N] = {0}, pos = 0;
  struct mime_field f;
  stralloc tmp = {0};
  int i, r = -1, found = 0;
  while (found < E_N && mime_field_next(hdr, len, &pos, &f)) {
    if (!f.namelen || f.namelen > 11) continue;
    for (i = 0; i < E_N; ++i)
      if (!val[i] && mime_ieq(f.name, f.namelen, env_names[i])) {
        val[i] = f.value; vlen[i] = f.valuelen; ++found;
        break;
      }
  }
  for (i = E_SENDER; i <= E_REPLYTO; ++i)
    if (!val[i] || !vlen[i]) { val[i] = val[E_FROM]; vlen[i] = vlen[E_FROM]; }
  if (!stralloc_cats(out, "(")) goto done;
  for (i = 0; i < E_N; ++i) {
    if (i && !stralloc_cats(out, " ")) goto done;
    if (i >= E_FROM && i <= E_BCC) {
      if (mime_addr_list(out, val[i], vlen[i]) < 0) goto done;
    } else if (i == E_SUBJECT && val[i]) {
      if (mime_imap_human(out, &tmp, val[i], vlen[i]) < 0) goto done;
    } else if (text(out, &tmp, val[i], vlen[i]) < 0) goto done;
  }
  r = stralloc_cats(out, ")") ? 0 : -1;
done:
  stralloc_free(&tmp);
  return r;
}
