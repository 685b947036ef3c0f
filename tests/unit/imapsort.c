/* Unit tests for SORT and THREAD: the answers Dovecot gives for the same
 * messages (imapsort_cases.h), and RFC 5256 base subjects. */
#include <stdlib.h>
#include "tap.h"
#include "imapsort.h"
#include "mime.h"
#include "imapsort_cases.h"

#define N(a) (sizeof (a) / sizeof (a)[0])

static const char *const keynames[] = {
  "ARRIVAL", "CC", "DATE", "FROM", "SIZE", "SUBJECT", "TO", "DISPLAYFROM", "DISPLAYTO"
};

static void fill(struct sort_set *s)
{
  size_t i;
  sort_reset(s);
  for (i = 0; i < N(smsgs); ++i) {
    const char *t = smsgs[i].text;
    size_t len = strlen(t);
    sort_add(s, i + 1, smsgs[i].arrival, mime_crlf_size(t, len), t, mime_header_end(t, len), 0);
  }
}

/* "SORT REVERSE SIZE CC" into criteria. */
static size_t criteria(const char *cmd, struct sort_crit *c)
{
  char buf[200], *w, *save;
  size_t n = 0, k;
  int rev = 0;
  snprintf(buf, sizeof buf, "%s", cmd + 5);
  for (w = strtok_r(buf, " ", &save); w; w = strtok_r(0, " ", &save)) {
    if (!strcmp(w, "REVERSE")) { rev = 1; continue; }
    for (k = 0; k < N(keynames); ++k)
      if (!strcmp(w, keynames[k])) { c[n].key = (enum sort_key)k; c[n].reverse = rev; ++n; }
    rev = 0;
  }
  return n;
}

static void dovecot(void)
{
  struct sort_set s = {0};
  stralloc o = {0};
  unsigned long ids[N(smsgs)];
  size_t i, j;
  for (i = 0; i < N(sexps); ++i) {
    o.len = 0;
    fill(&s);
    if (!strncmp(sexps[i].cmd, "THREAD", 6)) {
      thread_run(&s, strstr(sexps[i].cmd, "REFERENCES") ? THREAD_REFERENCES : THREAD_ORDEREDSUBJECT, &o);
    } else {
      struct sort_crit c[8];
      sort_run(&s, c, criteria(sexps[i].cmd, c), ids);
      for (j = 0; j < s.n; ++j) {
        char n[24];
        snprintf(n, sizeof n, "%s%lu", j ? " " : "", ids[j]);
        stralloc_cats(&o, n);
      }
    }
    stralloc_0(&o);
    is_str(o.s, sexps[i].want, sexps[i].cmd);
  }
  sort_free(&s);
  stralloc_free(&o);
}

static const struct { const char *in, *want; int reply; } subjects[] = {
  { "Meeting", "meeting", 0 },
  { "Re: Meeting", "meeting", 1 },
  { "RE:  re: Fwd:Meeting", "meeting", 1 },
  { "[list] Re: Meeting (fwd)", "meeting", 1 },
  { "Re[2]: Topic", "topic", 1 },
  { "[fwd: Meeting]", "meeting", 1 },
  { "[x]", "[x]", 0 },
  { "[x] [y] topic", "topic", 0 },
  { "Re: [list] [fwd: Re: Plan]  (fwd) ", "plan", 1 },
  { "=?UTF-8?Q?R=C3=A9sum=C3=A9?=\r\n =?UTF-8?Q?_du_jour?=", "r\xc3\xa9sum\xc3\xa9 du jour", 0 },
  { "Other  thing\t here", "other thing here", 0 },
  { "Re:", "", 1 },
  { "", "", 0 },
};

static void base(void)
{
  stralloc o = {0};
  size_t i;
  for (i = 0; i < N(subjects); ++i) {
    int reply = -1;
    char name[120];
    o.len = 0;
    sort_base_subject(&o, subjects[i].in, strlen(subjects[i].in), &reply);
    stralloc_0(&o);
    snprintf(name, sizeof name, "base subject of '%s'", subjects[i].in);
    for (char *c = name; *c; ++c) if (*c == '\r' || *c == '\n') *c = ' ';
    is_str(o.s, subjects[i].want, name);
    is_int(reply, subjects[i].reply, "and whether it is a reply");
  }
  stralloc_free(&o);
}

static void empty(void)
{
  struct sort_set s = {0};
  stralloc o = {0};
  unsigned long id;
  ok(sort_run(&s, &(struct sort_crit){ SORT_DATE, 0 }, 1, &id) == 0, "sorting nothing");
  ok(thread_run(&s, THREAD_REFERENCES, &o) == 0 && o.len == 0, "threading nothing");
  sort_add(&s, 7, 0, 10, "References: <a@b>\n", 18, SORT_NEED_THREAD);
  sort_add(&s, 8, 1, 10, "Message-ID: <a@b>\nReferences: <b@c> <a@b>\n", 42, SORT_NEED_THREAD);
  thread_run(&s, THREAD_REFERENCES, &o);
  stralloc_0(&o);
  is_str(o.s, "(8 7)", "a reference loop is broken");
  sort_free(&s);
  stralloc_free(&o);
}

int main(void)
{
  dovecot();
  base();
  empty();
  return done_testing();
}
