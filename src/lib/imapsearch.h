#ifndef IMAPSEARCH_H
#define IMAPSEARCH_H

#include <stddef.h>
#include "stralloc.h"
#include "mime.h"

/* A parsed IMAP SEARCH program (RFC 3501 6.4.4) and its evaluation.
 *
 * imapd parses the SEARCH command and builds the tree with search_node
 * below; this module evaluates it against one message at a time. Keys
 * about the message's content (header fields, body text, Date:,
 * size) are evaluated here; keys about mailbox state (flags, keywords,
 * sequence numbers, UIDs, internal dates, MODSEQ) are handed back to
 * imapd through a callback, so their meaning stays in one place.
 *
 * Text keys match a case-insensitive substring (see search_fold) of
 * the decoded text: RFC 2047 words in headers, transfer encodings and
 * charsets in bodies, as RFC 3501 asks. Results are those Dovecot gives
 * for the same messages and keys.
 * The strings a node holds must already be UTF-8: for "SEARCH CHARSET
 * X", imapd converts them with mime_to_utf8 (and answers [BADCHARSET]
 * itself when it does not know X). */

enum search_key {
  /* structure */
  SK_ALL, SK_AND, SK_OR, SK_NOT,
  /* given to the callback (imapd's state): */
  SK_SEQSET, SK_UIDSET,                      /* "1:3,7" / UID 1:*  (node->set is imapd's) */
  SK_ANSWERED, SK_DELETED, SK_DRAFT, SK_FLAGGED, SK_RECENT, SK_SEEN,
  SK_UNANSWERED, SK_UNDELETED, SK_UNDRAFT, SK_UNFLAGGED, SK_UNSEEN,
  SK_NEW, SK_OLD,
  SK_KEYWORD, SK_UNKEYWORD,                  /* str = the keyword */
  SK_BEFORE, SK_ON, SK_SINCE,                /* day = days since 1970 (internal date) */
  SK_MODSEQ,                                 /* num = the mod-sequence (CONDSTORE) */
  SK_CALLBACK_LAST = SK_MODSEQ,
  /* evaluated here: */
  SK_SENTBEFORE, SK_SENTON, SK_SENTSINCE,    /* day vs the Date: header's own date (zone
                                                ignored); no or bad Date: is 1-Jan-1970 */
  SK_LARGER, SK_SMALLER,                     /* num vs RFC822.SIZE */
  SK_HEADER,                                 /* str = field name, str2 = value ("" matches presence) */
  SK_FROM, SK_TO, SK_CC, SK_BCC, SK_SUBJECT, /* str = value */
  SK_BODY, SK_TEXT                           /* str = value; BODY: the decoded text parts;
                                                TEXT: also the message's and parts' headers */
};

struct search_node {
  enum search_key key;
  struct search_node *kids;  /* AND: the list of operands; OR: two; NOT: one */
  struct search_node *next;  /* the next sibling in its parent's list */
  const char *str;  size_t strlen;   /* NUL-terminated copies made by search_node_str */
  const char *str2; size_t str2len;
  const char *fold; size_t foldlen;  /* str (str2 for HEADER) case-folded, made by search_prepare */
  unsigned long long num;    /* LARGER/SMALLER size, MODSEQ */
  long day;                  /* date keys: mime_days() of the date given */
  void *set;                 /* imapd's own (e.g. a parsed sequence set); never touched here */
  int cost;                  /* set by search_prepare: 0 state, 1 size, 2 header, 3 body */
};

/* The program: nodes and strings in one arena freed together. The
 * root is an SK_AND over the top-level keys ("SEARCH A B" = A AND B). */
struct search_prog {
  struct search_node *root;
  struct search_chunk *chunks;  /* nodes, allocated in blocks */
  unsigned int used;         /* nodes used in the current block */
  stralloc allocs;           /* pointers to the blocks of strings, freed together */
  /* per-message state (reset by search_eval) */
  const struct search_cb *cb;
  struct mime_msg msg;
  stralloc body, head, tmp, tmp2;   /* folded decoded body / header text, scratch */
  const char *buf; size_t len; size_t hdrlen;
  int have_buf, have_body, have_head;
};

/* A new empty program: root is an SK_AND without operands (matches all). 0 ok, -1 ENOMEM. */
int search_init(struct search_prog *p);
void search_free(struct search_prog *p);
/* A new zeroed node of the given key, owned by p; NULL when out of memory.
 * Link it with search_add. */
struct search_node *search_node_new(struct search_prog *p, enum search_key key);
/* Appends kid at the end of parent's operand list (AND/OR/NOT). */
void search_add(struct search_node *parent, struct search_node *kid);
/* Copies s[0..len) (UTF-8) into the node's str (which 1) or str2 (which 2). 0 ok, -1 ENOMEM. */
int search_node_str(struct search_prog *p, struct search_node *n, int which, const char *s, size_t len);
/* Parses an IMAP date "1-Feb-1994" / "01-Feb-1994" (quotes already
 * removed) into days since 1970. 1 ok, 0 bad (imapd answers BAD). */
int search_parse_day(const char *s, size_t len, long *day);
/* Once the tree is complete and before the first search_eval: case-folds
 * the strings. 0 ok, -1 ENOMEM. */
int search_prepare(struct search_prog *p);
/* Nesting deeper than this is refused by search_prepare (returns -2):
 * imapd answers BAD, and recursion stays bounded. */
#define SEARCH_MAX_DEPTH 100

struct search_cb {
  void *ctx;
  /* Keys SK_SEQSET..SK_MODSEQ for the current message: 1 matches, 0 not,
   * -1 error (stops the search). Required. */
  int (*state)(void *ctx, const struct search_node *n);
  /* The message bytes (mmap'd, raw as stored). Asked at most once per
   * search_eval, only when a content key has to be looked at. 0 ok,
   * -1 error (e.g. expunged meanwhile: the message does not match). */
  int (*message)(void *ctx, const char **buf, size_t *len);
  /* RFC822.SIZE if imapd knows it cheaply (e.g. cached); NULL or a
   * return of -1 makes the evaluator compute it from the message. */
  long long (*size)(void *ctx);
};

/* Evaluates the program for one message. Cheap keys are tried before
 * content keys inside AND/OR so that most messages are never read;
 * headers are parsed only when header keys need them, the body only
 * for BODY/TEXT. 1 matches, 0 does not, -1 error (callback -1 or ENOMEM). */
int search_eval(struct search_prog *p, const struct search_cb *cb);

/* 1 if the UTF-8 text contains the already-folded needle (search_fold),
 * case-insensitively; -1 ENOMEM. An empty needle always matches. */
int search_contains(const char *text, size_t len, const char *fold, size_t foldlen);
/* Appends s case-folded: ASCII, Latin-1, Latin Extended-A, Greek and
 * Cyrillic capitals to small letters (invalid UTF-8 bytes kept). */
int search_fold(stralloc *out, const char *s, size_t len);

#endif
