/* One FETCH response line per message. */
#include <string.h>
#include "die.h"
#include "imap-fetch.h"

static void out_literal(struct session *s, const char *p, size_t n)
{
  out_s(s, "{");
  out_u(s, n);
  out_s(s, "}\r\n");
  out_b(s, p, n);
}

/* BODY[]<origin.count> straight from the mapped file, LF shown as CRLF,
 * without a copy of the message in memory. */
static void out_whole(struct session *s, const char *buf, size_t len, size_t vsize,
                      size_t origin, size_t count)
{
  if (origin > vsize) origin = vsize;
  if (count > vsize - origin) count = vsize - origin;
  out_s(s, "{");
  out_u(s, count);
  out_s(s, "}\r\n");
  size_t pos = 0;            /* position in the CRLF view */
  size_t start = 0;          /* start of the pending run of buf */
  for (size_t i = 0; i < len && count; ++i) {
    if (buf[i] != '\n' || (i > 0 && buf[i - 1] == '\r')) continue;
    /* Flush buf[start..i) then "\r\n" in place of the bare LF. */
    size_t run = i - start;
    if (pos + run > origin) {
      size_t skip = origin > pos ? origin - pos : 0;
      size_t n = run - skip < count ? run - skip : count;
      out_b(s, buf + start + skip, n);
      count -= n;
    }
    pos += run;
    static const char crlf[] = "\r\n";
    for (int k = 0; k < 2 && count; ++k, ++pos)
      if (pos >= origin) { out_b(s, crlf + k, 1); --count; }
    start = i + 1;
  }
  if (count && start < len) {
    size_t run = len - start;
    size_t skip = origin > pos ? origin - pos : 0;
    if (skip < run) out_b(s, buf + start + skip, run - skip < count ? run - skip : count);
  }
}

static size_t vsize_of(struct session *s, size_t idx, const char *buf, size_t len)
{
  struct msg *m = &s->mb.m[idx];
  if (m->vsize) return m->vsize - 1;
  if (!buf) return (size_t)mbox_vsize(&s->mb, idx);
  size_t v = mime_crlf_size(buf, len);
  if (v < 0xfffffffeu) { m->vsize = (unsigned)v + 1; s->mb.vsize_dirty = 1; }
  return v;
}

static void out_section(struct session *s, struct fetch *f, struct fetch_item *it, size_t idx,
                        const char *buf, size_t len)
{
  out_b(s, it->label.s, it->label.len);
  if (it->partial) { out_s(s, "<"); out_u(s, it->origin); out_s(s, ">"); }
  out_s(s, " ");
  size_t origin = it->partial ? it->origin : 0, count = it->partial ? it->count : (size_t)-1;
  if (it->whole) { out_whole(s, buf, len, vsize_of(s, idx, buf, len), origin, count); return; }
  f->text.len = 0;
  int r = mime_section_fetch(&f->text, &f->mime, &it->sec, origin, count, 0);
  if (r < 0) die_nomem();
  if (r == 0) { out_s(s, "NIL"); return; }
  out_literal(s, f->text.s, f->text.len);
}

static void out_item(struct session *s, struct fetch *f, struct fetch_item *it, size_t idx,
                     const char *buf, size_t len)
{
  struct msg *m = &s->mb.m[idx];
  switch (it->kind) {
  case FI_UID: out_s(s, "UID "); out_u(s, m->uid); break;
  case FI_FLAGS: out_s(s, "FLAGS "); out_flags(s, &s->mb, m); break;
  case FI_INTERNALDATE: out_s(s, "INTERNALDATE "); out_date(s, mbox_internaldate(&s->mb, idx)); break;
  case FI_SIZE: out_s(s, "RFC822.SIZE "); out_u(s, vsize_of(s, idx, buf, len)); break;
  case FI_ENVELOPE:
    f->text.len = 0;
    if (mime_envelope(&f->text, buf, mime_header_end(buf, len)) < 0) die_nomem();
    out_s(s, "ENVELOPE ");
    out_b(s, f->text.s, f->text.len);
    break;
  case FI_BODY: case FI_BODYSTRUCTURE:
    f->text.len = 0;
    if (mime_bodystructure(&f->text, &f->mime, 0, it->kind == FI_BODYSTRUCTURE) < 0) die_nomem();
    out_s(s, it->kind == FI_BODY ? "BODY " : "BODYSTRUCTURE ");
    out_b(s, f->text.s, f->text.len);
    break;
  case FI_SECTION: out_section(s, f, it, idx, buf, len); break;
  case FI_MODSEQ: out_s(s, "MODSEQ ("); out_u(s, m->modseq); out_s(s, ")"); break;
  }
}

int fetch_one(struct session *s, struct fetch *f, size_t idx)
{
  struct mbox *mb = &s->mb;
  const char *buf = 0;
  size_t len = 0;
  if (f->need_buf && mbox_map(mb, idx, &buf, &len) < 0) return -1;
  if (f->need_tree && mime_parse(&f->mime, buf, len) < 0) die_nomem();
  struct msg *m = &mb->m[idx];
  int set_seen = f->sets_seen && !mb->readonly && !(m->flags & F_SEEN);
  if (set_seen) mbox_set_flags(mb, idx, (m->flags & F_LETTERS) | F_SEEN, m->kw);
  out_s(s, "* ");
  out_u(s, idx + 1);
  out_s(s, " FETCH (");
  for (int i = 0; i < f->n; ++i) {
    if (i) out_s(s, " ");
    out_item(s, f, &f->item[i], idx, buf, len);
  }
  if (set_seen && !f->has_flags) {
    out_s(s, f->n ? " FLAGS " : "FLAGS ");
    out_flags(s, mb, m);
  }
  out_s(s, ")\r\n");
  if (buf) mbox_unmap(mb, buf, len);
  return 0;
}
