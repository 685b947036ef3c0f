/* IDLE (RFC 2177): inotify on the folder's new/ and cur/, so deliveries
 * and other sessions' changes are reported at once; without inotify,
 * a rescan every IMAP_IDLE_TIMEOUT seconds. */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <strings.h>
#include <sys/inotify.h>
#include <unistd.h>
#include "imapd.h"

static int watch(struct session *s)
{
  if (s->state != S_SELECTED || s->mb.watching) return -1;
  int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0) return -1;
  static const char *const subs[] = { "/new", "/cur" };
  stralloc p = { 0 };
  for (int i = 0; i < 2; ++i)
    if (stralloc_copy(&p, &s->mb.dir) && stralloc_cats(&p, subs[i]) && stralloc_0(&p))
      inotify_add_watch(fd, p.s, IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB);
  stralloc_free(&p);
  return fd;
}

static void drain(int fd)
{
  char buf[4096];
  while (read(fd, buf, sizeof buf) > 0) {}
}

/* The client's line ending IDLE: 1 "DONE", 0 anything else, -1 EOF. */
static int read_done(struct session *s)
{
  char line[16];
  size_t n = 0;
  char c;
  for (;;) {
    int r = imap_in_getc(&s->in, &c);
    if (r <= 0) return -1;
    if (c == '\n') break;
    if (n < sizeof line - 1) line[n++] = c;
  }
  if (n && line[n - 1] == '\r') --n;
  line[n] = 0;
  return !strcasecmp(line, "DONE");
}

CMD(idle)
{
  if (args) return reply_bad(s, "IDLE takes no arguments");
  /* Watch first, then look: a change between the two is not lost. */
  int ino = watch(s);
  /* The selected folder's own watch, when it has one: the syncs read its
   * events, so it is polled, never drained here. */
  int pfd = ino >= 0 ? ino : s->state == S_SELECTED && s->mb.watching ? s->mb.ino : -1;
  if (s->state == S_SELECTED) report_changes(s, 0);
  out_s(s, "+ idling\r\n");
  out_flush(s);
  long waited = 0, step = s->cfg.idle_timeout > 0 ? s->cfg.idle_timeout : 60;
  int done;
  for (;;) {
    if (imap_in_pending(&s->in)) { done = read_done(s); break; }
    struct pollfd p[2] = { { .fd = 0, .events = POLLIN }, { .fd = pfd, .events = POLLIN } };
    int r = poll(p, pfd >= 0 ? 2 : 1, (int)step * 1000);
    if (r < 0 && errno != EINTR) { done = -1; break; }
    if (r > 0 && (p[0].revents & (POLLIN | POLLHUP | POLLERR))) { done = read_done(s); break; }
    if (r > 0 && pfd >= 0 && (p[1].revents & POLLIN)) {
      if (ino >= 0) drain(ino);
      waited = 0;
    } else if (r == 0) {
      waited += step;
      if (waited >= s->cfg.autologout) { done = -2; break; }
    }
    if (s->state == S_SELECTED) { report_changes(s, 0); out_flush(s); }
    if (s->state == S_LOGOUT) { done = -1; break; }
  }
  if (ino >= 0) close(ino);
  if (done == -2) {
    out_s(s, "* BYE Autologout; idle for too long\r\n");
    s->state = S_LOGOUT;
    return 0;
  }
  if (done < 0) { s->state = S_LOGOUT; return 0; }
  return done ? reply_ok(s, "IDLE terminated") : reply_bad(s, "Expected DONE");
}
