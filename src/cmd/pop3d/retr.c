/* RETR and TOP: the message with CRLF line ends and dot-stuffing, read
 * through one mapping, so a 20 MB message costs no more memory than a
 * 3 KB one. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "die.h"
#include "pop3d.h"

/* Octets the client will receive (before dot-stuffing): bare LFs
 * become CRLF, and a last line without LF gets one. */
static unsigned long long crlf_size(const char *p, size_t n)
{
  unsigned long long size = n;
  const char *end = p + n, *q = p;
  while ((q = memchr(q, '\n', (size_t)(end - q)))) {
    if (q == p || q[-1] != '\r') ++size;
    ++q;
  }
  if (n && p[n - 1] != '\n') size += p[n - 1] == '\r' ? 1 : 2;   /* a last line "x\r" is sent "x\r\n" */
  return size;
}

/* Sends lines; with lines >= 0 only the header, the blank line and
 * that many body lines (TOP). */
static void send_lines(struct out *o, const char *p, size_t n, long long lines)
{
  const char *end = p + n;
  int in_header = 1;
  while (p < end && !o->failed) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *stop = nl ? nl : end;
    if (lines >= 0 && !in_header && lines-- == 0) break;
    size_t len = (size_t)(stop - p);
    if (len && stop[-1] == '\r') --len;
    if (in_header && len == 0) in_header = 0;
    if (*p == '.') out_put(o, ".", 1);
    out_put(o, p, len);
    out_put(o, "\r\n", 2);
    p = stop + (nl ? 1 : 0);
  }
}

/* O_NONBLOCK: a FIFO planted in cur/ must not hang the session. A
 * message found gone is remembered, so asking for it again does not
 * read the whole of cur/ again. */
static int open_msg(struct pop3d *s, unsigned long i)
{
  const int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY;
  if (s->mb.m[i].gone) { errno = ENOENT; return -1; }
  int fd = openat(s->mb.cur, mailbox_name(&s->mb, i), flags);
  if (fd < 0 && errno == ENOENT && mailbox_relocate(&s->mb, i))
    fd = openat(s->mb.cur, mailbox_name(&s->mb, i), flags);
  if (fd < 0 && errno == ENOENT) s->mb.m[i].gone = 1;
  return fd;
}

void retr_send(struct pop3d *s, unsigned long i, long long lines)
{
  int fd = open_msg(s, i);
  if (fd < 0) {
    if (errno == ENOENT) out_puts(&s->out, "-ERR Message removed by another session.\r\n");
    else { warn_sys("unable to open cur/", mailbox_name(&s->mb, i)); out_puts(&s->out, "-ERR [SYS/TEMP] Unable to read the message.\r\n"); }
    return;
  }
  struct stat st;
  const char *map = "";
  size_t n = 0;
  if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
    warn("not a regular file: cur/", mailbox_name(&s->mb, i));
    close(fd);
    out_puts(&s->out, "-ERR [SYS/TEMP] Unable to read the message.\r\n");
    return;
  }
  if (st.st_size > 0) {
    n = (size_t)st.st_size;
    map = mmap(0, n, PROT_READ, MAP_PRIVATE, fd, 0);
    if (map == MAP_FAILED) {
      warn_sys("unable to map cur/", mailbox_name(&s->mb, i));
      close(fd);
      out_puts(&s->out, "-ERR [SYS/TEMP] Unable to read the message.\r\n");
      return;
    }
    if (n > (1 << 20)) madvise((void *)map, n, MADV_SEQUENTIAL);
  }
  close(fd);
  if (lines < 0) {
    out_puts(&s->out, "+OK ");
    out_ulong(&s->out, crlf_size(map, n));
    out_puts(&s->out, " octets follow.\r\n");
    s->mb.m[i].seen = 1;
    ++s->retrieved;
  } else {
    out_puts(&s->out, "+OK Top of message follows.\r\n");
    ++s->topped;
  }
  send_lines(&s->out, map, n, lines);
  out_put(&s->out, ".\r\n", 3);
  if (n) munmap((void *)map, n);
}
