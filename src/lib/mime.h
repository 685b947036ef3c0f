#ifndef MIME_H
#define MIME_H

#include <stddef.h>
#include "stralloc.h"

/* Message content for IMAP (RFC 5322, RFC 2045-2047, RFC 3501 7.4.2).
 *
 * Every function reads a message held in memory by the caller (usually
 * mmap'd from a Maildir file): the bytes are never written, need no NUL
 * at the end, and stay owned by the caller, who must keep them mapped as
 * long as a struct mime_msg built over them is used.
 *
 * Line ends: a Maildir file may end its lines with bare LF. IMAP always
 * shows CRLF, so every size, line count, offset and text this module
 * produces is in the "CRLF view": each LF not preceded by CR counts and
 * is produced as CR LF. Offsets into the caller's buffer (struct
 * mime_part) are raw; only mime_crlf_* translate.
 *
 * Malformed input never crashes and never fails: missing boundaries end
 * at the end of the enclosing part, a missing blank line means an empty
 * body, unparsable addresses or dates come out as well as they can.
 * Only memory exhaustion returns -1 (with errno ENOMEM).
 *
 * Allocation: results are appended to caller-owned stralloc (never
 * reset: the caller sets .len = 0 to reuse one). A struct mime_msg keeps
 * its arrays between messages; parse the next message into the same
 * struct and nothing is allocated once it has grown. */

/* ---- CRLF view ---------------------------------------------------- */

/* Size of buf[0..len) in the CRLF view (len plus the bare LFs). */
size_t mime_crlf_size(const char *buf, size_t len);
/* Appends the bytes [origin, origin+count) of the CRLF view of
 * buf[0..len) to out; count (size_t)-1 means "to the end". This is
 * BODY[...]<origin.count> over any raw range. 0 ok, -1 ENOMEM. */
int mime_crlf_copy(stralloc *out, const char *buf, size_t len, size_t origin, size_t count);

/* ---- header fields ------------------------------------------------ */

/* Offset of the body: just past the first empty line (LF LF, LF CR LF).
 * len when there is none (all header, empty body). The header block is
 * buf[0..mime_header_end), blank line included. Reads only the header. */
size_t mime_header_end(const char *buf, size_t len);

struct mime_field {
  const char *name;  size_t namelen;   /* without the colon, trailing WSP removed */
  const char *value; size_t valuelen;  /* raw: after the colon, leading WSP skipped,
                                          folding kept, line end excluded */
  const char *raw;   size_t rawlen;    /* whole field, final line end included */
};

/* Iterates the fields of a header block hdr[0..len): *pos starts at 0.
 * Returns 1 and fills f, or 0 at the end (blank line or end of block).
 * A line without a colon is returned with namelen 0 (the value is the
 * line) so that HEADER.FIELDS.NOT can keep it; lookups skip it. */
int mime_field_next(const char *hdr, size_t len, size_t *pos, struct mime_field *f);
/* The first field named name (ASCII case-insensitive). 1 found, 0 not. */
int mime_field_find(const char *hdr, size_t len, const char *name, struct mime_field *f);
/* Appends the value with folding removed (each CR/LF dropped, the WSP
 * after it kept; NULs become spaces). This is what ENVELOPE shows. */
int mime_unfold(stralloc *out, const char *value, size_t len);

/* ---- decoding to UTF-8 (for SEARCH, SORT, THREAD) ------------------- */

/* Converts s[0..len) from charset (MIME name, any case; NULL or empty
 * means US-ASCII/UTF-8 passthrough) to UTF-8 with iconv, appending to
 * out. Unknown charsets and invalid bytes are kept as they are when
 * they are valid UTF-8 and replaced with U+FFFD otherwise. */
int mime_to_utf8(stralloc *out, const char *charset, size_t cslen, const char *s, size_t len);
/* Decodes RFC 2047 encoded words (B and Q, any charset, RFC 2231
 * language suffix ignored) in an unfolded header value and appends
 * UTF-8; whitespace between adjacent encoded words is dropped. Text
 * outside encoded words is taken as UTF-8 (8-bit headers) . */
int mime_decode_words(stralloc *out, const char *s, size_t len);
/* Decodes a body by its Content-Transfer-Encoding value (enc, any case:
 * "base64", "quoted-printable"; anything else copies) and appends the
 * octets. Broken base64/QP is decoded as far as it goes. */
int mime_decode_body(stralloc *out, const char *enc, size_t enclen, const char *s, size_t len);

/* ---- dates ----------------------------------------------------------- */

/* Parses an RFC 5322 date (obsolete forms, missing weekday or seconds,
 * named and numeric zones, two-digit years). 1 ok: *utc = seconds since
 * the epoch, *day = the date as written (days since 1970-01-01, zone
 * ignored, as SENTON wants), *zone = offset in minutes east. 0 bad. */
int mime_date_parse(const char *s, size_t len, long long *utc, long *day, int *zone);
/* Days since 1970-01-01 of a civil date (month 1-12). */
long mime_days(int year, int month, int mday);

/* ---- the MIME tree -------------------------------------------------- */

/* Limits: deeper nesting or more parts turn the rest into plain leaf
 * bodies (the message is still fully shown, just less finely split). */
#define MIME_MAX_DEPTH 64
#define MIME_MAX_PARTS 4096

enum { MIME_LEAF = 0, MIME_MULTIPART = 1, MIME_MESSAGE = 2 };

/* One node. The root (index 0) is the message itself. A multipart node
 * has its parts as children; a message/rfc822 (or message/global) node
 * has exactly one child: the encapsulated message, whose header starts
 * at the parent's body. Offsets are raw, into the caller's buffer. */
struct mime_part {
  size_t hdr;            /* start of the part's header */
  size_t body;           /* start of the body (hdr..body is the header + blank line) */
  size_t end;            /* end of the body: a boundary's leading CRLF is excluded,
                            a multipart keeps its close delimiter's line end */
  size_t hdr_size;       /* CRLF-view size of hdr..body */
  size_t body_size;      /* CRLF-view size of body..end */
  unsigned long lines;   /* CRLF-view line count of body..end */
  int parent, child, next;  /* node indexes, -1 for none */
  unsigned int nchild;
  unsigned char kind;    /* MIME_LEAF, MIME_MULTIPART, MIME_MESSAGE */
  unsigned char depth;   /* 0 for the root */
  unsigned char digest;  /* 1: the parent is multipart/digest (default type message/rfc822) */
};

struct mime_msg {
  const char *buf; size_t len;
  struct mime_part *part; size_t nparts, apart;  /* part[0] is the root */
  stralloc scratch;      /* boundaries and temporary text */
  int limited;           /* 1 when MIME_MAX_DEPTH or MIME_MAX_PARTS was hit */
};

/* Parses the whole structure of buf[0..len) into m, one pass over the
 * bytes. Reuses m's memory; m must start zeroed ({0}). 0 ok, -1 ENOMEM. */
int mime_parse(struct mime_msg *m, const char *buf, size_t len);
/* Frees what m holds (the message bytes are the caller's). */
void mime_free(struct mime_msg *m);

/* ---- IMAP producers (output appended to out, CRLF view) ------------- */

/* ENVELOPE: "(date subject from sender reply-to to cc bcc in-reply-to
 * message-id)" from a header block (e.g. buf[0..mime_header_end]):
 * no need to parse the tree for ENVELOPE alone. Sender and Reply-To
 * default to From when absent or without an address; an address field
 * given several times lists all their addresses. Strings are quoted, or literals ({n}CRLF...) when
 * they hold CR, LF, NUL or 8-bit bytes; absent fields are NIL. As
 * Dovecot does, subjects and display names are cleaned (folding and
 * tabs to one space, trimmed) and then sent as literals if cleaning
 * changed them or they hold '"' or '\\'; addresses without a mailbox
 * or domain show MISSING_MAILBOX / MISSING_DOMAIN; "a@b (Name)" takes
 * the comment as the name. */
int mime_envelope(stralloc *out, const char *hdr, size_t len);

/* BODY (extended 0) or BODYSTRUCTURE (extended 1) of node (0 for the
 * whole message), RFC 3501 7.4.2, byte for byte what Dovecot answers:
 * type, subtype and parameters as the message wrote them, defaults in
 * lower case ("text" "plain" ("charset" "us-ascii"), "7bit"; text/plain
 * with only charset=us-ascii is shown as that default), RFC 2231
 * continuations merged ("title*" "us-ascii'en'..."), id, description,
 * encoding, size, lines for text and message/rfc822 parts, envelope + body
 * for message/rfc822; the extended form adds MD5 (leaves), parameters
 * (multiparts), disposition, language (always a list), location. A
 * multipart without parts shows one empty text/plain part. */
int mime_bodystructure(stralloc *out, const struct mime_msg *m, int node, int extended);

/* BODY[section]: what is inside the brackets, parsed. */
enum {
  MIME_SEC_ALL = 0,        /* BODY[] or BODY[1.2]: whole message / part body */
  MIME_SEC_HEADER,         /* HEADER */
  MIME_SEC_TEXT,           /* TEXT */
  MIME_SEC_MIME,           /* MIME (needs a part number) */
  MIME_SEC_FIELDS,         /* HEADER.FIELDS (list) */
  MIME_SEC_FIELDS_NOT      /* HEADER.FIELDS.NOT (list) */
};
struct mime_section {
  unsigned int part[MIME_MAX_DEPTH]; unsigned int nparts;  /* 1.2.3 -> {1,2,3}, 3 */
  int kind;                                                 /* MIME_SEC_* */
  const char *const *field; const size_t *fieldlen; unsigned int nfields;
                           /* header names for FIELDS/FIELDS_NOT, caller-owned */
};

/* Parses the text between '[' and ']' (e.g. "1.2.HEADER.FIELDS (From
 * \"To\")"). Field names are atoms or quoted strings (no literals: a
 * caller that accepts literals fills struct mime_section itself);
 * names are stored in store (NUL-separated) and the arrays in
 * sec->field point into names/lens, which the caller supplies with room
 * for maxfields. 1 ok, 0 syntax error (BAD), -1 ENOMEM. store must not
 * change while sec is used. */
int mime_section_parse(struct mime_section *sec, const char *s, size_t len,
                       stralloc *store, const char **names, size_t *lens, unsigned int maxfields);

/* Appends the CRLF-view text of sec, limited to [origin, origin+count)
 * (count (size_t)-1: all) for BODY[...]<origin.count>, and sets *total
 * (when not NULL) to the CRLF-view size of the whole section. RFC822,
 * RFC822.HEADER and RFC822.TEXT are BODY[], BODY[HEADER], BODY[TEXT].
 * Part numbers follow RFC 3501 6.4.5: "1" of
 * a single-part message is its body; HEADER/TEXT apply to the message
 * or to a MESSAGE/RFC822 part; MIME to a numbered part. HEADER.FIELDS
 * keeps each matching field whole (folding included) and ends with
 * the blank line (HEADER.FIELDS.NOT: when the header had one; names
 * are matched without regard to case). Returns 1 ok, 0 no such part / section not valid for
 * this part (nothing appended: answer an empty string "" as Dovecot
 * does), -1 ENOMEM. Like Dovecot, "N.1" of a single (non-multipart)
 * part N is that part itself. */
int mime_section_fetch(stralloc *out, const struct mime_msg *m, const struct mime_section *sec,
                       size_t origin, size_t count, size_t *total);

/* Node index for a part number path (the part[]/nparts of a section),
 * or -1 when there is none. For a MESSAGE/RFC822 node, HEADER/TEXT use
 * its child. */
int mime_section_node(const struct mime_msg *m, const unsigned int *part, unsigned int nparts);

/* RFC822.SIZE: mime_crlf_size over the whole message (no tree needed). */
#define mime_rfc822_size(buf, len) mime_crlf_size((buf), (len))

/* Appends the decoded UTF-8 text of a leaf node's body (transfer
 * encoding and charset undone; text/html is kept as it is), for SEARCH
 * BODY/TEXT. Non-text leaves append nothing. */
int mime_part_text(stralloc *out, const struct mime_msg *m, int node);

/* Calls fn for each address of a raw address-list value (From:, To:
 * ...), in order: name (display name or "a@b (comment)"; raw, not
 * RFC 2047-decoded), route, mailbox and host; a group start has host
 * NULL and the group name as mailbox, a group end all NULL; missing
 * parts are MISSING_MAILBOX / MISSING_DOMAIN as in ENVELOPE. Strings
 * are not NUL-terminated and valid only during the call. fn returns 0
 * to go on, 1 to stop (mime_addr_each then returns 0), -1 to fail. */
struct mime_addr {
  const char *name; size_t namelen;      /* NULL when none */
  const char *adl; size_t adllen;
  const char *mailbox; size_t mailboxlen;
  const char *host; size_t hostlen;
};
int mime_addr_each(const char *value, size_t len,
                   int (*fn)(void *ctx, const struct mime_addr *a), void *ctx);

/* Appends an IMAP string for s[0..len): quoted when it can be, else a
 * literal; NIL when s is NULL. Shared with imapd's own responses. */
int mime_imap_string(stralloc *out, const char *s, size_t len);

#endif
