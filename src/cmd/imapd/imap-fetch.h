#ifndef IMAP_FETCH_H
#define IMAP_FETCH_H

#include "imapd.h"
#include "mime.h"

enum {
  FI_UID = 1, FI_FLAGS, FI_INTERNALDATE, FI_SIZE, FI_ENVELOPE, FI_BODY, FI_BODYSTRUCTURE,
  FI_SECTION,       /* BODY[...], BODY.PEEK[...], RFC822, RFC822.HEADER, RFC822.TEXT */
  FI_MODSEQ,
};

#define FETCH_MAX_ITEMS 64
#define FETCH_MAX_FIELDS 64

struct fetch_item {
  int kind;
  int peek;
  int whole;                 /* BODY[] / RFC822: streamed from the file */
  stralloc label;            /* the name echoed in the response */
  struct mime_section sec;
  stralloc store;            /* the field names of sec */
  const char *names[FETCH_MAX_FIELDS];
  size_t lens[FETCH_MAX_FIELDS];
  int partial;
  size_t origin, count;
};

struct fetch {
  struct fetch_item item[FETCH_MAX_ITEMS];
  int n;
  int need_tree;             /* BODY, BODYSTRUCTURE or a section needing parts */
  int need_buf;
  int sets_seen;
  int has_flags, has_uid, has_modseq;
  int changedsince_set;      /* (CHANGEDSINCE n): only messages changed after n */
  unsigned long long changedsince;
  struct mime_msg mime;
  stralloc text;
};

/* Parses the items of FETCH; 1 ok, 0 bad (why set). */
int fetch_parse(struct session *s, struct fetch *f, struct imap_arg *a, const char **why);
/* Writes "* n FETCH (...)" for message idx; 0 ok, -1 the message is gone. */
int fetch_one(struct session *s, struct fetch *f, size_t idx);
void fetch_free(struct fetch *f);

#endif
