/* libFuzzer harness for the message-content module: the MIME tree,
 * ENVELOPE, BODY/BODYSTRUCTURE, BODY[section] with partial ranges,
 * decoding to UTF-8, dates, SEARCH evaluation, and SORT/THREAD over any
 * bytes. The input is copied to a buffer of its exact size so that a
 * read past the message is caught. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "mime.h"
#include "imapsort.h"
#include "imapsearch.h"

static const char *const sections[] = {
  "", "HEADER", "TEXT", "1", "1.MIME", "2", "2.HEADER", "2.TEXT", "1.1", "2.1.2", "3.2.1.MIME",
  "HEADER.FIELDS (From Subject)", "1.HEADER.FIELDS.NOT (To)", "2.1"
};

static void fetch_sections(const struct mime_msg *m, stralloc *o, size_t size)
{
  stralloc store = {0};
  const char *names[4];
  size_t lens[4], i, total;
  struct mime_section sec;
  for (i = 0; i < sizeof sections / sizeof sections[0]; ++i) {
    store.len = 0;
    if (mime_section_parse(&sec, sections[i], strlen(sections[i]), &store, names, lens, 4) != 1) abort();
    o->len = 0;
    mime_section_fetch(o, m, &sec, 0, (size_t)-1, &total);
    if (o->len != total && o->len) abort();
    o->len = 0;
    mime_section_fetch(o, m, &sec, size % 7, size % 13 + 1, &total);
  }
  stralloc_free(&store);
}

struct fmsg { const char *buf; size_t len; };

static int fstate(void *ctx, const struct search_node *n) { (void)ctx; return n->key == SK_SEEN; }

static int fmessage(void *ctx, const char **buf, size_t *len)
{
  struct fmsg *m = ctx;
  *buf = m->buf;
  *len = m->len;
  return 0;
}

/* SEARCH: NOT SEEN (OR TEXT "café" HEADER subject "re") FROM "a" SENTSINCE LARGER BODY */
static void search(const char *buf, size_t size)
{
  struct search_prog p;
  struct search_node *or, *not, *k;
  struct fmsg m = { buf, size };
  struct search_cb cb = { &m, fstate, fmessage, 0 };
  static const enum search_key keys[] = { SK_FROM, SK_SENTSINCE, SK_LARGER, SK_BODY, SK_CC };
  size_t i;
  if (search_init(&p) < 0) return;
  not = search_node_new(&p, SK_NOT);
  search_add(not, search_node_new(&p, SK_SEEN));
  search_add(p.root, not);
  or = search_node_new(&p, SK_OR);
  k = search_node_new(&p, SK_TEXT);
  search_node_str(&p, k, 1, "caf\xc3\xa9", 5);
  search_add(or, k);
  k = search_node_new(&p, SK_HEADER);
  search_node_str(&p, k, 1, "subject", 7);
  search_node_str(&p, k, 2, "RE", 2);
  search_add(or, k);
  search_add(p.root, or);
  for (i = 0; i < sizeof keys / sizeof keys[0]; ++i) {
    k = search_node_new(&p, keys[i]);
    search_node_str(&p, k, 1, "a", 1);
    k->num = 100;
    k->day = 19000;
    not = search_node_new(&p, SK_NOT);
    search_add(not, k);
    or = search_node_new(&p, SK_OR);
    search_add(or, not);
    search_add(or, search_node_new(&p, SK_ALL));
    search_add(p.root, or);
  }
  if (search_prepare(&p) == 0) search_eval(&p, &cb);
  search_free(&p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char *buf = malloc(size ? size : 1);
  struct mime_msg m = {0};
  stralloc o = {0};
  struct sort_set s = {0};
  struct mime_section sec;
  stralloc store = {0};
  const char *names[2];
  size_t lens[2], i;
  if (!buf) return 0;
  memcpy(buf, data, size);
  if (mime_parse(&m, buf, size) == 0) {
    size_t hl = m.part[0].body;
    mime_envelope(&o, buf, hl);
    o.len = 0;
    mime_bodystructure(&o, &m, 0, 1);
    o.len = 0;
    mime_bodystructure(&o, &m, 0, 0);
    for (i = 0; i < m.nparts; ++i) {
      o.len = 0;
      mime_part_text(&o, &m, (int)i);
    }
    fetch_sections(&m, &o, size);
    o.len = 0;
    mime_decode_words(&o, buf, hl);
    sort_add(&s, 1, 0, size, buf, hl, 0);
    sort_add(&s, 2, 1, size, buf, hl, 0);
    o.len = 0;
    thread_run(&s, THREAD_REFERENCES, &o);
  }
  search(buf, size);
  /* the section parser over the input itself */
  mime_section_parse(&sec, buf, size, &store, names, lens, 2);
  sort_free(&s);
  mime_free(&m);
  stralloc_free(&o);
  stralloc_free(&store);
  free(buf);
  return 0;
}
