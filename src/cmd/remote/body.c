#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "remote.h"

int body_load(struct body *b, const char *path, int downgrade, int peer_8bitmime)
{
  memset(b, 0, sizeof *b);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  struct stat st;
  if (fstat(fd, &st) < 0) { close(fd); return -1; }
  b->len = (size_t)st.st_size;
  if (b->len) {
    void *map = mmap(0, b->len, PROT_READ, MAP_PRIVATE, fd, 0);
    if (map == MAP_FAILED) { close(fd); return -1; }
    b->data = map;
  } else b->data = "";
  close(fd);
  for (size_t i = 0; i < b->len; ++i)
    if ((unsigned char)b->data[i] > 127) { b->eightbit = 1; break; }
  if (b->eightbit && downgrade && !peer_8bitmime) {
    if (downgrade_8bit(&b->converted, b->data, b->len) < 0) return -1;
  }
  return 0;
}

static void view(const struct body *b, const char **data, size_t *len)
{
  if (b->converted.len) { *data = b->converted.s; *len = b->converted.len; }
  else { *data = b->data; *len = b->len; }
}

unsigned long body_wire_size(const struct body *b)
{
  const char *d;
  size_t n, extra = 0;
  view(b, &d, &n);
  for (size_t i = 0; i < n; ++i)
    if (d[i] == '\n' && (i == 0 || d[i - 1] != '\r')) ++extra;
  if (n && d[n - 1] != '\n') extra += 2;
  return (unsigned long)(n + extra);
}

/* LF to CRLF (bare CR left alone), a final line end added, and for DATA
 * a '.' doubled at the start of a line and the terminating ".". */
int body_send(struct conn *c, const struct body *b, int dot_stuff)
{
  const char *d;
  size_t n;
  view(b, &d, &n);
  size_t start = 0;
  int line_start = 1;
  for (size_t i = 0; i < n; ++i) {
    if (line_start && dot_stuff && d[i] == '.') { conn_put(c, d + start, i - start); conn_put(c, ".", 1); start = i; }
    line_start = 0;
    if (d[i] == '\n') {
      size_t end = (i > start && d[i - 1] == '\r') ? i - 1 : i;
      conn_put(c, d + start, end - start);
      conn_put(c, "\r\n", 2);
      start = i + 1;
      line_start = 1;
      if (c->out.len > 65536 && conn_flush(c) < 0) return -1;
    }
  }
  if (start < n) { conn_put(c, d + start, n - start); conn_put(c, "\r\n", 2); }
  if (dot_stuff) conn_put(c, ".\r\n", 3);
  return 0;
}

void body_free(struct body *b)
{
  if (b->len && b->data) munmap((void *)b->data, b->len);
  stralloc_free(&b->converted);
  memset(b, 0, sizeof *b);
}
