/* Feeding the messages a search selected to imapsort: header blocks
 * only, with internal date and size. */
#include "imap-search.h"
#include "imap-sortset.h"
#include "mime.h"

int sortset_fill(struct session *s, struct sort_set *set, unsigned keys)
{
  for (size_t i = 0; i < s->mb.n; ++i) {
    if (!(s->mb.m[i].flags & F_MARK)) continue;
    const char *buf;
    size_t len;
    if (mbox_map(&s->mb, i, &buf, &len) < 0) continue;
    unsigned long id = s->uid ? s->mb.m[i].uid : i + 1;
    long long size = s->mb.m[i].vsize ? (long long)s->mb.m[i].vsize - 1 : (long long)mime_crlf_size(buf, len);
    int r = sort_add(set, id, (long long)mbox_internaldate(&s->mb, i), (unsigned long long)size, buf,
                     mime_header_end(buf, len), keys);
    mbox_unmap(&s->mb, buf, len);
    if (r < 0) return -1;
  }
  return 0;
}

/* "[CHARSET] keys..." after SORT's criteria or THREAD's algorithm:
 * searches and marks. 1 ok, 0 BAD (why), -1 charset. */
int sortset_search(struct session *s, struct imap_arg *a, const char **why)
{
  struct search_prog p;
  if (!imap_is_string(a)) { *why = "Missing charset"; return 0; }
  const char *charset = arg_str(s, a);
  if (search_init(&p) < 0) return 0;
  int r = search_parse(s, &p, arg_next(s, a), charset, why);
  if (r > 0 && search_run(s, &p) < 0) r = 0;
  search_done(&p);
  return r;
}
