#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "conf.h"
#include "fsync_dir.h"
#include "userdb_rec.h"
#include "userdb_src.h"

/* The argument naming the field (up to '=' or the end), or 0. */
static const char *named(const char *args, size_t argslen, const char *name, size_t nlen)
{
  for (size_t pos = 0; pos < argslen; pos += strlen(args + pos) + 1) {
    const char *a = args + pos;
    if (strcspn(a, "=") == nlen && !memcmp(a, name, nlen)) return a;
  }
  return 0;
}

/* The fields of an edited entry: the old ones in their order, replaced
 * in place or dropped as args say, then the new ones. */
static int edited_fields(stralloc *out, const char *rec, size_t len, enum userdb_op op,
                         const char *args, size_t argslen)
{
  size_t pos = 0, nlen, vlen;
  const char *n, *v;
  out->len = 0;
  while (userdb_field_next(rec, len, &pos, &n, &nlen, &v, &vlen)) {
    const char *arg = named(args, argslen, n, nlen);
    if (arg && op != USERDB_SET) continue;
    if (out->len && !stralloc_append(out, "|")) return 0;
    if (!(arg ? stralloc_cats(out, arg) : stralloc_catb(out, n, (size_t)(v + vlen - n)))) return 0;
  }
  if (op != USERDB_SET) return 1;
  for (pos = 0; pos < argslen; pos += strlen(args + pos) + 1) {
    const char *a = args + pos;
    const char *val;
    size_t vl, alen = strcspn(a, "=");
    char name[256];
    if (alen >= sizeof name) return 0;
    memcpy(name, a, alen);
    name[alen] = 0;
    if (userdb_field(rec, len, name, &val, &vl)) continue;
    if ((out->len && !stralloc_append(out, "|")) || !stralloc_cats(out, a)) return 0;
  }
  return 1;
}

static int write_file(const char *file, const char *data, size_t len, mode_t mode)
{
  stralloc tmp = {0};
  if (!stralloc_copys(&tmp, file) || !stralloc_cats(&tmp, ".tmp") || !stralloc_0(&tmp)) { errno = ENOMEM; return -1; }
  int fd = open(tmp.s, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  int ok = fd >= 0 && fchmod(fd, mode) == 0;
  for (size_t done = 0; ok && done < len;) {
    ssize_t w = write(fd, data + done, len - done);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) ok = 0; else done += (size_t)w;
  }
  ok = ok && fsync(fd) == 0;
  int e = errno;
  if (fd >= 0 && close(fd) < 0 && ok) { ok = 0; e = errno; }
  if (ok && rename(tmp.s, file) < 0) { ok = 0; e = errno; }
  if (ok && fsync_dir_of(file) < 0) { ok = 0; e = errno; }
  if (!ok) unlink(tmp.s);
  free(tmp.s);
  errno = e;
  return ok ? 1 : -1;
}

int userdb_edit(const char *file, const char *addr, enum userdb_op op,
                const char *args, size_t argslen)
{
  stralloc old = {0}, out = {0}, fields = {0};
  struct stat st;
  mode_t mode = stat(file, &st) == 0 ? (st.st_mode & 07777) : 0600;
  int r = conf_slurp(&old, file), found = 0;
  if (r < 0) return -1;
  size_t pos = 0, alen = strlen(addr);
  while (pos < old.len) {
    const char *line = old.s + pos, *nl = memchr(line, '\n', old.len - pos);
    size_t len = nl ? (size_t)(nl - line) : old.len - pos, keep = len;
    pos += len + (nl ? 1 : 0);
    while (len && (line[len - 1] == '\r' || line[len - 1] == ' ' || line[len - 1] == '\t')) --len;
    const char *a, *f;
    size_t al, fl;
    if (!userdb_line(line, len, &a, &al, &f, &fl) || al != alen || memcmp(a, addr, alen) || found) {
      if (!stralloc_catb(&out, line, keep) || !stralloc_append(&out, "\n")) goto nomem;
      continue;
    }
    found = 1;
    if (op == USERDB_DELETE) continue;
    if (!edited_fields(&fields, f, fl, op, args, argslen)) goto nomem;
    if (!stralloc_cats(&out, addr) || !stralloc_append(&out, "\t")
        || !stralloc_cat(&out, &fields) || !stralloc_append(&out, "\n")) goto nomem;
  }
  r = 1;
  if (!found && op != USERDB_SET) r = 0;
  else if (!found) {
    if (!edited_fields(&fields, "", 0, op, args, argslen) || !stralloc_cats(&out, addr)
        || !stralloc_append(&out, "\t") || !stralloc_cat(&out, &fields) || !stralloc_append(&out, "\n")) goto nomem;
  }
  if (r == 1) r = write_file(file, out.s ? out.s : "", out.len, mode);
  free(old.s); free(out.s); free(fields.s);
  return r;
nomem:
  free(old.s); free(out.s); free(fields.s);
  errno = ENOMEM;
  return -1;
}
