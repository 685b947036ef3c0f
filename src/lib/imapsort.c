#include <stdlib.h>
#include <string.h>
#include "imapsort.h"
#include "imapsearch.h"
#include "mime.h"
#include "mime_int.h"

/* Keys are extracted once per message into the pool as NUL-terminated
 * strings; sorting then compares offsets into one buffer. */

struct first { stralloc *pool; int display; int done; };

/* RFC 5051 i;unicode-casemap compares titlecased text: after folding,
 * ASCII letters go back to capitals so "[x]" sorts after "Meeting". */
static int upper_ascii(stralloc *sa, size_t from)
{
  size_t i;
  for (i = from; i < sa->len; ++i)
    if (sa->s[i] >= 'a' && sa->s[i] <= 'z') sa->s[i] -= 32;
  return 0;
}

/* Latin-1 letters decomposed (base letter + combining mark), as the
 * canonical decomposition in i;unicode-casemap does: "Émile" sorts
 * among the E's. Index: code point - 0xE0 (folded text is small). */
static const char base_of[] = "aaaaaa\0ceeeeiiii\0nooooo\0\0uuuuy\0y";
static const unsigned char mark_of[] = {
  0x80, 0x81, 0x82, 0x83, 0x88, 0x8a, 0, 0xa7, 0x80, 0x81, 0x82, 0x88, 0x80, 0x81, 0x82, 0x88,
  0, 0x83, 0x80, 0x81, 0x82, 0x83, 0x88, 0, 0, 0x80, 0x81, 0x82, 0x88, 0x81, 0, 0x88
};

static int decompose(stralloc *pool, size_t from)
{
  stralloc t = {0};
  size_t i;
  int r = 0;
  for (i = from; i + 1 < pool->len; ++i)
    if ((unsigned char)pool->s[i] == 0xc3 && (unsigned char)pool->s[i + 1] >= 0xa0 && (unsigned char)pool->s[i + 1] <= 0xbf) break;
  if (i + 1 >= pool->len) return 0;                 /* nothing to do: the usual case */
  if (!stralloc_copyb(&t, pool->s + from, pool->len - from)) return -1;
  pool->len = from;
  for (i = 0; i < t.len && r == 0; ++i) {
    unsigned char c = (unsigned char)t.s[i];
    if (c == 0xc3 && i + 1 < t.len && (unsigned char)t.s[i + 1] >= 0xa0 && (unsigned char)t.s[i + 1] <= 0xbf && base_of[(unsigned char)t.s[i + 1] - 0xa0]) {
      unsigned int k = (unsigned char)t.s[i + 1] - 0xa0;
      char seq[3] = { base_of[k], (char)0xcc, (char)mark_of[k] };
      if (!stralloc_catb(pool, seq, 3)) r = -1;
      ++i;
    } else if (!stralloc_append(pool, t.s + i)) r = -1;
  }
  stralloc_free(&t);
  return r;
}

static int sort_key_text(stralloc *pool, const char *s, size_t len)
{
  size_t from = pool->len;
  if (search_fold(pool, s, len) < 0 || decompose(pool, from) < 0) return -1;
  upper_ascii(pool, from);
  return 1;
}

/* The first address's mailbox (or display name / addr-spec), folded. */
static int first_addr(void *ctx, const struct mime_addr *a)
{
  struct first *f = ctx;
  stralloc t = {0};
  int r = -1;
  if (!a->mailbox) return 0;              /* a group's end; its start counts by name */
  if (f->display && a->name) {
    if (mime_decode_words(&t, a->name, a->namelen) < 0) goto done;
  } else {
    if (!stralloc_catb(&t, a->mailbox, a->mailboxlen)) goto done;
    if (f->display && a->host && (!stralloc_cats(&t, "@") || !stralloc_catb(&t, a->host, a->hostlen))) goto done;
  }
  r = sort_key_text(f->pool, t.s, t.len);
  f->done = 1;
done:
  stralloc_free(&t);
  return r;
}

static int addr_key(struct sort_set *s, size_t *at, const char *hdr, size_t len, const char *name, int display)
{
  struct first f = { &s->pool, display, 0 };
  struct mime_field fl;
  *at = s->pool.len;
  if (mime_field_find(hdr, len, name, &fl) && mime_addr_each(fl.value, fl.valuelen, first_addr, &f) < 0) return -1;
  return stralloc_0(&s->pool) ? 0 : -1;
}

/* Message-IDs "<...>" of a value, space-separated, appended to the pool;
 * only the first when one is set. */
static int ids(stralloc *pool, const char *v, size_t len, int one)
{
  size_t i = 0, n = 0;
  while (i < len) {
    const char *lt = memchr(v + i, '<', len - i), *gt;
    if (!lt) break;
    gt = memchr(lt, '>', (size_t)(v + len - lt));
    if (!gt) break;
    if (gt - lt > 1) {
      const char *c;
      if (n++ && !stralloc_cats(pool, " ")) return -1;
      /* whitespace inside an id (folding) is dropped: ids are space-separated here */
      for (c = lt; c <= gt; ++c)
        if (*c != ' ' && *c != '\t' && *c != '\r' && *c != '\n' && *c && !stralloc_append(pool, c)) return -1;
      if (one) break;
    }
    i = (size_t)(gt - v) + 1;
  }
  return 0;
}

static int thread_keys(struct sort_set *s, struct sort_msg *m, const char *hdr, size_t len)
{
  struct mime_field f;
  m->msgid = s->pool.len;
  if (mime_field_find(hdr, len, "message-id", &f) && ids(&s->pool, f.value, f.valuelen, 1) < 0) return -1;
  if (!stralloc_0(&s->pool)) return -1;
  m->refs = s->pool.len;
  if (mime_field_find(hdr, len, "references", &f)) {
    if (ids(&s->pool, f.value, f.valuelen, 0) < 0) return -1;
  } else if (mime_field_find(hdr, len, "in-reply-to", &f) && ids(&s->pool, f.value, f.valuelen, 1) < 0) return -1;
  return stralloc_0(&s->pool) ? 0 : -1;
}

#define WANT(k) (!keys || (keys & (1u << (k))))

int sort_add(struct sort_set *s, unsigned long id, long long arrival, unsigned long long size,
             const char *hdr, size_t hdrlen, unsigned int keys)
{
  struct sort_msg *m;
  struct mime_field f;
  int thread = !keys || (keys & SORT_NEED_THREAD);
  if (!s->pool.len && !stralloc_0(&s->pool)) return -1;   /* offset 0 is "" */
  if (s->n == s->a) {
    size_t a = s->a ? s->a * 2 : 64;
    struct sort_msg *nm = realloc(s->m, a * sizeof *nm);
    if (!nm) return -1;
    s->m = nm; s->a = a;
  }
  m = &s->m[s->n];
  memset(m, 0, sizeof *m);
  m->id = id; m->order = s->n; m->arrival = arrival; m->size = size;
  m->date = arrival;
  if (WANT(SORT_DATE) || thread) {
    long long utc; long day; int zone;
    if (mime_field_find(hdr, hdrlen, "date", &f) && mime_date_parse(f.value, f.valuelen, &utc, &day, &zone))
      m->date = utc;
  }
  if (WANT(SORT_SUBJECT) || thread) {
    m->subject = s->pool.len;
    if (mime_field_find(hdr, hdrlen, "subject", &f) && sort_base_subject(&s->pool, f.value, f.valuelen, &m->is_reply) < 0) return -1;
    if (decompose(&s->pool, m->subject) < 0) return -1;
    upper_ascii(&s->pool, m->subject);
    if (!stralloc_0(&s->pool)) return -1;
  }
  if (WANT(SORT_FROM) && addr_key(s, &m->from, hdr, hdrlen, "from", 0) < 0) return -1;
  if (WANT(SORT_TO) && addr_key(s, &m->to, hdr, hdrlen, "to", 0) < 0) return -1;
  if (WANT(SORT_CC) && addr_key(s, &m->cc, hdr, hdrlen, "cc", 0) < 0) return -1;
  if (WANT(SORT_DISPLAYFROM) && addr_key(s, &m->dfrom, hdr, hdrlen, "from", 1) < 0) return -1;
  if (WANT(SORT_DISPLAYTO) && addr_key(s, &m->dto, hdr, hdrlen, "to", 1) < 0) return -1;
  if (thread && thread_keys(s, m, hdr, hdrlen) < 0) return -1;
  s->n++;
  return 0;
}

void sort_reset(struct sort_set *s)
{
  s->n = 0;
  s->pool.len = 0;
}

void sort_free(struct sort_set *s)
{
  free(s->m);
  s->m = 0;
  s->n = s->a = 0;
  stralloc_free(&s->pool);
}

struct sctx { const struct sort_set *s; const struct sort_crit *c; size_t n; };

static int cmp_num(long long a, long long b) { return a < b ? -1 : a > b; }

static int cmp_key(const struct sort_set *s, const struct sort_msg *a, const struct sort_msg *b, enum sort_key k)
{
  const char *p = s->pool.s;
  switch (k) {
    case SORT_ARRIVAL: return cmp_num(a->arrival, b->arrival);
    case SORT_DATE: return cmp_num(a->date, b->date);
    case SORT_SIZE: return a->size < b->size ? -1 : a->size > b->size;
    case SORT_SUBJECT: return strcmp(p + a->subject, p + b->subject);
    case SORT_FROM: return strcmp(p + a->from, p + b->from);
    case SORT_TO: return strcmp(p + a->to, p + b->to);
    case SORT_CC: return strcmp(p + a->cc, p + b->cc);
    case SORT_DISPLAYFROM: return strcmp(p + a->dfrom, p + b->dfrom);
    case SORT_DISPLAYTO: return strcmp(p + a->dto, p + b->dto);
  }
  return 0;
}

static int cmp(const void *x, const void *y, void *ctx)
{
  const struct sctx *c = ctx;
  const struct sort_msg *a = x, *b = y;
  size_t i;
  for (i = 0; i < c->n; ++i) {
    int r = cmp_key(c->s, a, b, c->c[i].key);
    if (r) return c->c[i].reverse ? -r : r;
  }
  return a->order < b->order ? -1 : a->order > b->order;
}

int sort_run(struct sort_set *s, const struct sort_crit *crit, size_t ncrit, unsigned long *out)
{
  struct sctx c = { s, crit, ncrit };
  size_t i;
  if (!s->pool.len && !stralloc_0(&s->pool)) return -1;
  if (s->n) qsort_r(s->m, s->n, sizeof *s->m, cmp, &c);
  for (i = 0; i < s->n; ++i) out[i] = s->m[i].id;
  return 0;
}
