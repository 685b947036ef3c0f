#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include "authkey.h"
#include "textcode.h"
#include "home.h"
#include "stralloc.h"

/* Nobody but the effective user (or root) may have made or swapped it. */
static int private_dir(const struct stat *st, int strict)
{
  if (!S_ISDIR(st->st_mode)) return 0;
  if (st->st_uid != geteuid() && (strict || st->st_uid != 0)) return 0;
  return !(st->st_mode & (strict ? 077 : 022));
}

int authkey_dir(int create)
{
  stralloc var = {0}, dir = {0};
  struct stat st;
  int r = -1;
  if (!home_path(&var, "var") || !home_path(&dir, "var/authcheck")) { errno = ENOMEM; goto out; }
  if (create && mkdir(var.s, 0755) < 0 && errno != EEXIST) goto out;
  if (lstat(var.s, &st) < 0) goto out;
  if (!private_dir(&st, 0)) { errno = EPERM; goto out; }
  if (create && mkdir(dir.s, 0700) < 0 && errno != EEXIST) goto out;
  if (lstat(dir.s, &st) < 0) goto out;
  if (!private_dir(&st, 1)) { errno = EPERM; goto out; }
  r = 1;
out:
  free(var.s);
  free(dir.s);
  return r;
}

static int read_key(struct authkey *k, int fd)
{
  struct stat st;
  if (fstat(fd, &st) < 0) return -1;
  if (!S_ISREG(st.st_mode) || st.st_uid != geteuid() || (st.st_mode & 077) || st.st_size != AUTHKEY_LEN) {
    errno = EPERM;
    return -1;
  }
  size_t got = 0;
  while (got < AUTHKEY_LEN) {
    ssize_t r = read(fd, k->k + got, AUTHKEY_LEN - got);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) { if (r == 0) errno = EPERM; return -1; }
    got += (size_t)r;
  }
  return 1;
}

/* A new key goes in under a temporary name and is linked into place,
 * so two first users agree on one key. */
static int make_key(const char *path)
{
  unsigned char k[AUTHKEY_LEN];
  char tmp[4096];
  if (getrandom(k, sizeof k, 0) != (ssize_t)sizeof k) return -1;
  snprintf(tmp, sizeof tmp, "%s.%ld", path, (long)getpid());
  unlink(tmp);
  int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) return -1;
  int ok = write(fd, k, sizeof k) == (ssize_t)sizeof k && fsync(fd) == 0;
  explicit_bzero(k, sizeof k);
  if (close(fd) < 0) ok = 0;
  if (ok && link(tmp, path) < 0 && errno != EEXIST) ok = 0;
  int e = errno;
  unlink(tmp);
  errno = e;
  return ok ? 1 : -1;
}

int authkey_load(struct authkey *k, int create)
{
  stralloc path = {0};
  int r = -1;
  if (authkey_dir(create) < 0) {
    if (errno == ENOENT && !create) r = 0;
    return r;
  }
  if (!home_path(&path, "var/authcheck/key")) { errno = ENOMEM; return -1; }
  int fd = open(path.s, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0 && errno == ENOENT) {
    if (!create) { r = 0; goto out; }
    if (make_key(path.s) < 0) goto out;
    fd = open(path.s, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  }
  if (fd < 0) goto out;
  r = read_key(k, fd);
  close(fd);
out:
  free(path.s);
  return r;
}

void authkey_mac(const struct authkey *k, const char *data, size_t len, char *hex)
{
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int mdlen = 0;
  HMAC(EVP_sha256(), k->k, AUTHKEY_LEN, (const unsigned char *)data, len, md, &mdlen);
  fmt_hexdump(hex, (const char *)md, AUTHKEY_MAC_HEX / 2);
  hex[AUTHKEY_MAC_HEX] = 0;
}

int authkey_mac_equal(const char *a, const char *b)
{
  return CRYPTO_memcmp(a, b, AUTHKEY_MAC_HEX) == 0;
}
