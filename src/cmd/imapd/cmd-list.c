#include <string.h>
#include <strings.h>
#include "die.h"
#include "imap-list.h"

#define SEL_SUBSCRIBED 1
#define SEL_SPECIAL 2
#define RET_SUBSCRIBED 4
#define RET_SPECIAL 8

static void out_attr(struct session *s, int *first, const char *attr)
{
  if (!*first) out_s(s, " ");
  *first = 0;
  out_s(s, attr);
}

static void list_one(struct session *s, const struct folders *fl, size_t i, int opts, const stralloc *subs)
{
  const char *name = fl->names.s + fl->f[i].off;
  const char *su = special_use(name);
  int sub = subs_has(subs, name) || folder_is_inbox(name);
  if ((opts & SEL_SUBSCRIBED) && !sub) return;
  if ((opts & SEL_SPECIAL) && !su) return;
  int first = 1;
  out_s(s, "* LIST (");
  if (!fl->f[i].exists) out_attr(s, &first, "\\Noselect");
  out_attr(s, &first, fl->f[i].children ? "\\HasChildren" : "\\HasNoChildren");
  if (su && fl->f[i].exists) out_attr(s, &first, su);
  if (sub && (opts & (SEL_SUBSCRIBED | RET_SUBSCRIBED))) out_attr(s, &first, "\\Subscribed");
  out_s(s, ") \".\" ");
  out_astring(s, name, strlen(name));
  out_s(s, "\r\n");
}

/* LIST-EXTENDED's selection and return options, as far as they go here. */
static int options(struct session *s, struct imap_arg *a, int ret)
{
  int opts = 0;
  for (struct imap_arg *o = imap_argp(&s->cmd, a->child); o; o = arg_next(s, o)) {
    if (imap_atom_is(&s->cmd, o, "SUBSCRIBED")) opts |= ret ? RET_SUBSCRIBED : SEL_SUBSCRIBED;
    else if (imap_atom_is(&s->cmd, o, "SPECIAL-USE")) opts |= ret ? RET_SPECIAL : SEL_SPECIAL;
    else if (imap_atom_is(&s->cmd, o, "CHILDREN") || imap_atom_is(&s->cmd, o, "RECURSIVEMATCH") ||
             imap_atom_is(&s->cmd, o, "REMOTE")) continue;
    else return -1;
  }
  return opts;
}

CMD(list)
{
  int opts = 0;
  if (args && args->type == IMAP_LIST) {
    if ((opts = options(s, args, 0)) < 0) return reply_bad(s, "Unknown LIST option");
    args = arg_next(s, args);
  }
  struct imap_arg *ref = args, *pat = arg_next(s, args), *ret = arg_next(s, pat);
  if (!imap_is_string(ref) || !pat) return reply_bad(s, "LIST takes a reference and a pattern");
  if (ret) {
    struct imap_arg *rl = arg_next(s, ret);
    int r;
    if (!imap_atom_is(&s->cmd, ret, "RETURN") || !rl || rl->type != IMAP_LIST || arg_next(s, rl) ||
        (r = options(s, rl, 1)) < 0)
      return reply_bad(s, "Bad LIST return options");
    opts |= r;
  }
  struct folders fl = { 0 };
  stralloc subs = { 0 }, p = { 0 };
  if (pat->type == IMAP_LIST || !*arg_str(s, pat)) {
    if (pat->type == IMAP_LIST) return reply_bad(s, "Multiple patterns are not supported");
    out_s(s, "* LIST (\\Noselect) \".\" \"\"\r\n");
    return reply_ok(s, "LIST completed");
  }
  if (folders_load(s, &fl) < 0 || subs_load(s, &subs) < 0) {
    folders_free(&fl);
    stralloc_free(&subs);
    return reply_no(s, "Unable to read the folder list");
  }
  if (!list_pattern(arg_str(s, ref), arg_str(s, pat), &p)) die_nomem();
  for (size_t i = 0; i < fl.n; ++i)
    if (list_match(p.s, fl.names.s + fl.f[i].off)) list_one(s, &fl, i, opts, &subs);
  folders_free(&fl);
  stralloc_free(&subs);
  stralloc_free(&p);
  return reply_ok(s, "LIST completed");
}
