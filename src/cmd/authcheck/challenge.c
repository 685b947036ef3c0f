/* Challenges for CRAM-MD5 and APOP are authcheck's own: minted here
 * ("authcheck -C"), each good for CHALLENGE_WINDOW seconds and for one
 * check, so a caller cannot replay a challenge and response it once saw.
 * Form: <RANDOM.TIME.MAC@HOST>, MAC over "RANDOM.TIME@HOST". */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>
#include "authcheck.h"
#include "fmt.h"
#include "home.h"
#include "scan.h"
#include "stralloc.h"
#include "textcode.h"

enum { FUTURE_SLACK = 30 };

static int host_ok(const char *host)
{
  size_t n = strlen(host);
  if (!n || n > 200) return 0;
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = (unsigned char)host[i];
    if (c <= ' ' || c >= 127 || c == '<' || c == '>' || c == '@') return 0;
  }
  return 1;
}

static int mac_of(const struct authkey *k, const char *body, size_t len, char *hex)
{
  stralloc in = {0};
  if (!stralloc_copyb(&in, "challenge", 10) || !stralloc_catb(&in, body, len)) { free(in.s); return 0; }
  authkey_mac(k, in.s, in.len, hex);
  free(in.s);
  return 1;
}

int challenge_mint(const struct authkey *k, const char *host, time_t now, stralloc *out)
{
  unsigned char rnd[8];
  char hex[2 * sizeof rnd + 1], num[FMT_ULONG], mac[AUTHKEY_MAC_HEX + 1];
  if (!host || !host_ok(host)) host = "localhost";
  if (getrandom(rnd, sizeof rnd, 0) != (ssize_t)sizeof rnd) return -1;
  hex[fmt_hexdump(hex, (const char *)rnd, sizeof rnd)] = 0;
  num[fmt_ulong(num, (unsigned long)now)] = 0;
  stralloc body = {0};
  int ok = stralloc_copys(&body, hex) && stralloc_cats(&body, ".") && stralloc_cats(&body, num)
        && stralloc_cats(&body, "@") && stralloc_cats(&body, host)
        && mac_of(k, body.s, body.len, mac)
        && stralloc_copys(out, "<") && stralloc_cats(out, hex) && stralloc_cats(out, ".")
        && stralloc_cats(out, num) && stralloc_cats(out, ".") && stralloc_cats(out, mac)
        && stralloc_cats(out, "@") && stralloc_cats(out, host) && stralloc_cats(out, ">");
  free(body.s);
  if (!ok) errno = ENOMEM;
  return ok ? 1 : -1;
}

/* Splits <R.T.M@H>: the body "R.T@H" into body, M into mac, T into *t. */
static int parse(const char *c, size_t len, stralloc *body, char *mac, unsigned long *t)
{
  if (len < 2 + AUTHKEY_MAC_HEX + 4 || c[0] != '<' || c[len - 1] != '>') return 0;
  const char *at = memchr(c, '@', len);
  if (!at || at - c < AUTHKEY_MAC_HEX + 4 || at[-AUTHKEY_MAC_HEX - 1] != '.') return 0;
  const char *m = at - AUTHKEY_MAC_HEX;
  memcpy(mac, m, AUTHKEY_MAC_HEX);
  mac[AUTHKEY_MAC_HEX] = 0;
  const char *r = c + 1, *dot = memchr(r, '.', (size_t)(m - 1 - r));
  if (!dot) return 0;
  size_t tl = (size_t)(m - 1 - (dot + 1));
  if (!tl || scan_ulong(dot + 1, t) != tl) return 0;
  return stralloc_copyb(body, r, (size_t)(m - 1 - r))
      && stralloc_catb(body, at, (size_t)(c + len - 1 - at));
}

/* Drops the records of challenges that have expired anyway. */
static void prune(int dirfd, time_t now)
{
  int fd = dup(dirfd);
  if (fd < 0) return;
  DIR *d = fdopendir(fd);
  if (!d) { close(fd); return; }
  struct dirent *e;
  struct stat st;
  while ((e = readdir(d)))
    if (e->d_name[0] != '.' && fstatat(dirfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0
        && st.st_mtime + CHALLENGE_WINDOW + FUTURE_SLACK < now)
      unlinkat(dirfd, e->d_name, 0);
  closedir(d);
}

/* Records the challenge as used: 1 first use, 0 used before, -1. */
static int consume(const char *mac, time_t now)
{
  stralloc path = {0};
  struct stat st;
  int r = -1;
  if (authkey_dir(1) < 0 || !home_path(&path, "var/authcheck/used")) goto out;
  if (mkdir(path.s, 0700) < 0 && errno != EEXIST) goto out;
  int dirfd = open(path.s, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (dirfd < 0) goto out;
  if (fstat(dirfd, &st) < 0 || st.st_uid != geteuid() || (st.st_mode & 077)) {
    errno = EPERM;
  } else {
    int fd = openat(dirfd, mac, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd >= 0) { close(fd); r = 1; prune(dirfd, now); }
    else if (errno == EEXIST) r = 0;
  }
  close(dirfd);
out:
  free(path.s);
  return r;
}

int challenge_check(const struct authkey *k, const char *c, size_t len, time_t now, const char **why)
{
  stralloc body = {0};
  char mac[AUTHKEY_MAC_HEX + 1], want[AUTHKEY_MAC_HEX + 1];
  unsigned long t = 0;
  int r = 0;
  *why = "reason=forged-challenge";
  if (!parse(c, len, &body, mac, &t) || !mac_of(k, body.s, body.len, want) || !authkey_mac_equal(mac, want))
    goto out;
  *why = "reason=stale-challenge";
  if ((time_t)t > now + FUTURE_SLACK || (time_t)t + CHALLENGE_WINDOW < now) goto out;
  r = 1;
out:
  free(body.s);
  return r;
}

int challenge_use(const char *c, size_t len, time_t now)
{
  /* Checked already: the MAC is the AUTHKEY_MAC_HEX characters before '@'. */
  const char *at = memchr(c, '@', len);
  char mac[AUTHKEY_MAC_HEX + 1];
  if (!at || at - c < AUTHKEY_MAC_HEX) return 0;
  memcpy(mac, at - AUTHKEY_MAC_HEX, AUTHKEY_MAC_HEX);
  mac[AUTHKEY_MAC_HEX] = 0;
  return consume(mac, now);
}
