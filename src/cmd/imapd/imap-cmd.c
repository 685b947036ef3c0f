/* The command loop: read, parse, dispatch by name, report changes. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "die.h"
#include "imapd.h"

#define ST_A S_AUTH
#define ST_S S_SELECTED
#define ST_AS (S_AUTH | S_SELECTED)

static const struct command {
  const char *name;
  cmd_fn fn;
  int states;
  int uid_ok;     /* may follow UID */
  int nosync;     /* may not report expunges (RFC 3501 7.4.1) */
} commands[] = {
  { "CAPABILITY", cmd_capability, ST_AS, 0, 0 },
  { "NOOP", cmd_noop, ST_AS, 0, 0 },
  { "LOGOUT", cmd_logout, ST_AS, 0, 0 },
  { "LOGIN", cmd_login, ST_AS, 0, 0 },
  { "AUTHENTICATE", cmd_authenticate, ST_AS, 0, 0 },
  { "STARTTLS", cmd_starttls, ST_AS, 0, 0 },
  { "ID", cmd_id, ST_AS, 0, 0 },
  { "ENABLE", cmd_enable, ST_AS, 0, 0 },
  { "SELECT", cmd_select, ST_AS, 0, 0 },
  { "EXAMINE", cmd_examine, ST_AS, 0, 0 },
  { "CREATE", cmd_create, ST_AS, 0, 0 },
  { "DELETE", cmd_delete, ST_AS, 0, 0 },
  { "RENAME", cmd_rename, ST_AS, 0, 0 },
  { "SUBSCRIBE", cmd_subscribe, ST_AS, 0, 0 },
  { "UNSUBSCRIBE", cmd_unsubscribe, ST_AS, 0, 0 },
  { "LIST", cmd_list, ST_AS, 0, 0 },
  { "LSUB", cmd_lsub, ST_AS, 0, 0 },
  { "STATUS", cmd_status, ST_AS, 0, 0 },
  { "APPEND", cmd_append, ST_AS, 0, 0 },
  { "NAMESPACE", cmd_namespace, ST_AS, 0, 0 },
  { "IDLE", cmd_idle, ST_AS, 0, 0 },
  { "GETQUOTAROOT", cmd_getquotaroot, ST_AS, 0, 0 },
  { "GETQUOTA", cmd_getquota, ST_AS, 0, 0 },
  { "SETQUOTA", cmd_setquota, ST_AS, 0, 0 },
  { "CHECK", cmd_check, ST_S, 0, 0 },
  { "CLOSE", cmd_close, ST_S, 0, 0 },
  { "UNSELECT", cmd_unselect, ST_S, 0, 0 },
  { "EXPUNGE", cmd_expunge, ST_S, 1, 0 },
  { "SEARCH", cmd_search, ST_S, 1, 1 },
  { "FETCH", cmd_fetch, ST_S, 1, 1 },
  { "STORE", cmd_store, ST_S, 1, 1 },
  { "COPY", cmd_copy, ST_S, 1, 1 },
  { "MOVE", cmd_move, ST_S, 1, 1 },
  { "SORT", cmd_sort, ST_S, 1, 1 },
  { "THREAD", cmd_thread, ST_S, 1, 1 },
};

static int cont(void *ctx)
{
  struct session *s = ctx;
  out_s(s, "+ OK\r\n");
  out_flush(s);
  return 0;
}

static const struct command *find(const char *name)
{
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; ++i)
    if (!strcasecmp(commands[i].name, name)) return &commands[i];
  return 0;
}

static void dispatch(struct session *s)
{
  struct imap_arg *a = imap_argp(&s->cmd, s->cmd.first);
  if (!a || a->type != IMAP_ATOM || strpbrk(arg_str(s, a), "*+%")) {
    s->tag = "*";
    out_tagged(s, "BAD", "Missing or invalid tag");
    return;
  }
  s->tag = arg_str(s, a);
  a = arg_next(s, a);
  if (!a || a->type != IMAP_ATOM) { out_tagged(s, "BAD", "Missing command"); return; }
  s->uid = 0;
  if (!strcasecmp(arg_str(s, a), "UID")) {
    s->uid = 1;
    a = arg_next(s, a);
    if (!a || a->type != IMAP_ATOM) { out_tagged(s, "BAD", "Missing command after UID"); return; }
  }
  const struct command *c = find(arg_str(s, a));
  if (!c || (s->uid && !c->uid_ok)) { out_tagged(s, "BAD", "Unknown command"); return; }
  if (!(c->states & s->state)) {
    out_tagged(s, "BAD", s->state == S_AUTH ? "No mailbox selected" : "Wrong state");
    return;
  }
  s->cmdname = c->name;
  /* UID FETCH/STORE/SEARCH may report expunges; the plain ones may not. */
  s->nosync = c->nosync && !s->uid;
  c->fn(s, arg_next(s, a));
  s->nosync = 0;
}

/* A command that could not be read or parsed: answered with the tag it
 * seems to have (why 0: a literal over the limit). */
static void read_failed(struct session *s, const char *why)
{
  stralloc tag = { 0 };
  imap_raw_tag(&s->cmd, &tag);
  s->tag = tag.s;
  if (why) out_tagged(s, "BAD", why);
  else out_tagged(s, "NO", "[TOOBIG] Literal too large");
  s->tag = 0;
  out_flush(s);
  stralloc_free(&tag);
}

void session_run(struct session *s)
{
  for (;;) {
    out_flush(s);
    int r = imap_read_command(&s->in, &s->cmd, &s->lim, cont, s);
    if (r == IMAP_READ_EOF) break;
    if (r == IMAP_READ_FATAL) {
      out_s(s, errno == ETIMEDOUT ? "* BYE Autologout; idle for too long\r\n"
                                  : "* BYE Command too large or connection broken\r\n");
      out_flush(s);
      break;
    }
    if (r != IMAP_READ_OK) {
      read_failed(s, r == IMAP_READ_TOOLONG ? "Command line too long" : 0);
      continue;
    }
    const char *err;
    int p = imap_parse(&s->cmd, s->lim.depth_max, &err);
    if (p < 0) die_nomem();
    if (p == 0) {
      read_failed(s, err);
      continue;
    }
    dispatch(s);
    s->tag = 0;
    if (s->state == S_LOGOUT) break;
  }
  out_flush(s);
  if (s->state == S_SELECTED) mbox_close(&s->mb);
}
