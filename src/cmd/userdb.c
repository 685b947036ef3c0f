/* userdb: edits the userdb text source (userdb(8)):
 *   userdb [-f file] address set name=value ...   (name alone: value from stdin)
 *   userdb [-f file] address unset name ...
 *   userdb [-f file] address del
 *   userdb [-f file] -show [address]
 * When etc/userdb is a directory, address is "file/address". */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "buffer.h"
#include "conf.h"
#include "die.h"
#include "exitcode.h"
#include "home.h"
#include "userdb_rec.h"
#include "userdb_src.h"

#define USAGE "userdb [-f file] address set|unset|del [name[=value] ...] | userdb [-f file] -show [address]"

struct target {
  stralloc file;
  const char *addr;
};

/* The file to edit and the address in it. */
static void resolve(struct target *t, const char *file, const char *arg)
{
  t->addr = arg;
  if (file) { if (!stralloc_copys(&t->file, file) || !stralloc_0(&t->file)) die_nomem(); return; }
  if (!home_path(&t->file, "etc/userdb")) die_nomem();
  struct stat st;
  if (stat(t->file.s, &st) < 0 || !S_ISDIR(st.st_mode)) return;
  const char *slash = strchr(arg, '/');
  if (!slash || slash == arg || slash[1] == 0 || arg[0] == '.')
    die(EXIT_PERM, t->file.s, " is a directory: name the file, as in file/", arg);
  if (!stralloc_append(&t->file, "/") || !stralloc_catb(&t->file, arg, (size_t)(slash - arg))
      || !stralloc_0(&t->file)) die_nomem();
  t->addr = slash + 1;
}

static int valid_name(const char *s, size_t n)
{
  if (!n) return 0;
  for (size_t i = 0; i < n; ++i)
    if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')
          || (s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '_')) return 0;
  return 1;
}

/* "name" alone takes its value from the first line of standard input. */
static void stdin_value(stralloc *args)
{
  char buf[4096];
  size_t n = 0;
  for (;;) {
    ssize_t r = read(0, buf + n, 1);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) die_sys(EXIT_TEMP, "unable to read standard input");
    if (r == 0 || buf[n] == '\n') break;
    if (++n == sizeof buf) die(EXIT_PERM, "value on standard input too long");
  }
  if (n && buf[n - 1] == '\r') --n;
  if (!stralloc_catb(args, buf, n)) die_nomem();
}

static void field_args(stralloc *args, int set, char **argv)
{
  for (; *argv; ++argv) {
    const char *eq = strchr(*argv, '=');
    size_t n = eq ? (size_t)(eq - *argv) : strlen(*argv);
    if (!valid_name(*argv, n)) die(EXIT_PERM, "bad field name: ", *argv);
    if (!set && eq) die(EXIT_PERM, "unset takes field names only: ", *argv);
    if (!stralloc_cats(args, *argv)) die_nomem();
    if (set && !eq) {
      if (!stralloc_append(args, "=")) die_nomem();
      stdin_value(args);
    }
    if (!stralloc_0(args)) die_nomem();
  }
  for (size_t i = 0; i < args->len; ++i)
    if (args->s[i] == '|' || args->s[i] == '\n') die(EXIT_PERM, "field values may not contain '|' or newlines");
}

static int show_line(void *ctx, const char *file, unsigned long lineno, const char *line, size_t len)
{
  const char *want = ctx, *addr, *fields;
  size_t alen, flen, pos = 0, nlen, vlen;
  const char *n, *v;
  (void)file; (void)lineno;
  if (!userdb_line(line, len, &addr, &alen, &fields, &flen)) return 0;
  if (!want) { buffer_put(buffer_1, addr, alen); buffer_puts(buffer_1, "\n"); return 0; }
  if (alen != strlen(want) || memcmp(addr, want, alen)) return 0;
  while (userdb_field_next(fields, flen, &pos, &n, &nlen, &v, &vlen)) {
    buffer_put(buffer_1, n, (size_t)(v + vlen - n));
    buffer_puts(buffer_1, "\n");
  }
  return 1;
}

static int show(const char *file, char **argv)
{
  stralloc src = {0};
  struct target t = {0};
  const char *addr = argv[0];
  if (addr && argv[1]) die_usage(USAGE);
  if (addr) resolve(&t, file, addr);
  else if (file) { if (!stralloc_copys(&src, file) || !stralloc_0(&src)) die_nomem(); }
  else if (!home_path(&src, "etc/userdb")) die_nomem();
  const char *path = addr ? t.file.s : src.s;
  int r = conf_each_line(path, show_line, addr ? (void *)t.addr : 0);
  if (r < 0) die_sys(errno == ENOENT ? EXIT_PERM : EXIT_TEMP, "unable to read ", path);
  if (buffer_flush(buffer_1) < 0) die_sys(EXIT_TEMP, "unable to write output");
  if (addr && r == 0) die(EXIT_PERM, t.addr, " not found in ", path);
  free(src.s);
  free(t.file.s);
  return 0;
}

int main(int argc, char **argv)
{
  PROG = "userdb";
  const char *file = 0;
  ++argv; --argc;
  if (argc >= 2 && !strcmp(argv[0], "-f")) { file = argv[1]; argv += 2; argc -= 2; }
  if (argc >= 1 && !strcmp(argv[0], "-show")) return show(file, argv + 1);
  if (argc < 2) die_usage(USAGE);
  struct target t = {0};
  resolve(&t, file, argv[0]);
  if (!*t.addr || strpbrk(t.addr, " \t|")) die(EXIT_PERM, "bad address: ", t.addr);
  enum userdb_op op;
  if (!strcmp(argv[1], "set") && argc > 2) op = USERDB_SET;
  else if (!strcmp(argv[1], "unset") && argc > 2) op = USERDB_UNSET;
  else if (!strcmp(argv[1], "del") && argc == 2) op = USERDB_DELETE;
  else die_usage(USAGE);
  stralloc args = {0};
  field_args(&args, op == USERDB_SET, argv + 2);
  if (userdb_lock() < 0) die_sys(EXIT_TEMP, "unable to lock etc/userdb.lock");
  int r = userdb_edit(t.file.s, t.addr, op, args.s, args.len);
  if (r < 0) die_sys(EXIT_TEMP, "unable to update ", t.file.s);
  if (r == 0) die(EXIT_PERM, t.addr, " not found in ", t.file.s);
  free(t.file.s);
  free(args.s);
  return 0;
}
