/* Mailbox names and Maildir++ folders.
 *
 * The personal namespace is "INBOX." with '.' as separator: INBOX is the
 * Maildir itself and INBOX.a.b the folder directory ".a.b" in it, the
 * name kept in modified UTF-7 (RFC 3501 5.1.3) on disk as Courier does.
 * A name without the INBOX. prefix means the folder under it. "shared."
 * is reserved for shared folders. A name is refused unless every
 * component is non-empty, 7-bit, printable, free of '/' and wildcards,
 * and valid modified UTF-7: nothing can name a path outside the Maildir. */
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include "imapd.h"

int folder_is_inbox(const char *name) { return !strcasecmp(name, "INBOX"); }

static int is_shared(const char *name)
{
  return !strncasecmp(name, "shared", 6) && (name[6] == 0 || name[6] == '.');
}

int folder_canon(const char *name, stralloc *out)
{
  int ok;
  if (folder_is_inbox(name)) ok = stralloc_copys(out, "INBOX");
  else if (!strncasecmp(name, "INBOX.", 6)) ok = stralloc_copys(out, "INBOX.") && stralloc_cats(out, name + 6);
  else if (is_shared(name)) ok = stralloc_copys(out, name);
  else ok = stralloc_copys(out, "INBOX.") && stralloc_cats(out, name);
  if (!ok || !stralloc_0(out)) return 0;
  --out->len;
  return 1;
}

static int b64_char(char c)
{
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == ',';
}

/* Modified UTF-7: '&' starts a base64 run ended by '-'; "&-" is '&'. */
static int mutf7_ok(const char *s)
{
  for (; *s; ++s) {
    unsigned char c = (unsigned char)*s;
    if (c < 0x20 || c >= 0x7f || c == '/' || c == '*' || c == '%' || c == '\\' || c == '"') return 0;
    if (c != '&') continue;
    size_t n = 0;
    while (b64_char(s[1 + n])) ++n;
    if (s[1 + n] != '-' || n % 4 == 1) return 0;
    s += n + 1;
  }
  return 1;
}

int folder_valid(const char *name)
{
  size_t len = strlen(name);
  if (!len || len > 240 || !mutf7_ok(name)) return 0;
  if (name[0] == '.' || name[len - 1] == '.' || strstr(name, "..")) return 0;
  return 1;
}

int folder_dir(struct session *s, const char *name, stralloc *dir)
{
  stralloc canon = { 0 };
  int ok = 0;
  if (!folder_canon(name, &canon) || is_shared(canon.s) || !folder_valid(canon.s)) goto out;
  if (!stralloc_copy(dir, &s->maildir)) goto out;
  if (canon.len > 5 && (!stralloc_cats(dir, "/") || !stralloc_cats(dir, canon.s + 5))) goto out;
  ok = stralloc_0(dir) && (--dir->len, 1);
out:
  stralloc_free(&canon);
  return ok;
}

int folder_exists(struct session *s, const char *name)
{
  stralloc dir = { 0 };
  struct stat st;
  int r = folder_dir(s, name, &dir) && stralloc_cats(&dir, "/cur") && stralloc_0(&dir) &&
          stat(dir.s, &st) == 0 && S_ISDIR(st.st_mode);
  stralloc_free(&dir);
  return r;
}
