/* Arrival order without extra memory: an in-place heapsort, and a
 * comparison that never converts numbers (it runs ~140,000 times for
 * 10,000 messages). */
#include <string.h>
#include "pop3d.h"

/* Digit runs compare as numbers (longer without leading zeros is
 * larger), everything else byte by byte, up to the info: the leading
 * seconds first, then M<microseconds> within a second, so messages
 * delivered in one second keep their order. */
static int cmp_names(const char *x, const char *y)
{
  for (;;) {
    int dx = *x >= '0' && *x <= '9', dy = *y >= '0' && *y <= '9';
    if (dx && dy) {
      while (*x == '0') ++x;
      while (*y == '0') ++y;
      size_t nx = strspn(x, "0123456789"), ny = strspn(y, "0123456789");
      if (nx != ny) return nx < ny ? -1 : 1;
      int r = memcmp(x, y, nx);
      if (r) return r;
      x += nx;
      y += ny;
      continue;
    }
    unsigned char cx = (*x == ':') ? 0 : (unsigned char)*x, cy = (*y == ':') ? 0 : (unsigned char)*y;
    if (cx != cy || !cx) return (cx > cy) - (cx < cy);
    ++x;
    ++y;
  }
}

static int less(const struct mailbox *mb, unsigned long a, unsigned long b)
{
  return cmp_names(mb->names.s + mb->m[a].name, mb->names.s + mb->m[b].name) < 0;
}

static void swap(struct msg *m, unsigned long a, unsigned long b)
{
  struct msg t = m[a];
  m[a] = m[b];
  m[b] = t;
}

static void sift(struct mailbox *mb, unsigned long root, unsigned long n)
{
  for (;;) {
    unsigned long child = 2 * root + 1;
    if (child >= n) return;
    if (child + 1 < n && less(mb, child, child + 1)) ++child;
    if (!less(mb, root, child)) return;
    swap(mb->m, root, child);
    root = child;
  }
}

void mailbox_sort(struct mailbox *mb)
{
  unsigned long n = mb->n;
  for (unsigned long i = n / 2; i-- > 0; ) sift(mb, i, n);
  for (unsigned long end = n; end > 1; --end) {
    swap(mb->m, 0, end - 1);
    sift(mb, 0, end - 1);
  }
}
