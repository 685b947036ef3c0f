/* Applying compiled smtpaccess rules, as tcpserver -x does. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "access.h"
#include "cdb.h"

/* 1 found (data read), 0 not found, -1 error. */
static int find(struct cdb *c, const char *key, size_t klen, stralloc *data)
{
  int r = cdb_find(c, (const unsigned char *)key, klen);
  if (r <= 0) return r;
  uint32 n = cdb_datalen(c);
  if (!stralloc_ready(data, n + 1)) { errno = ENOMEM; return -1; }
  if (cdb_read(c, (unsigned char *)data->s, n, cdb_datapos(c)) < 0) return -1;
  data->len = n;
  return 1;
}

/* The address, then shorter prefixes ending in sep, then "". */
static int search(struct cdb *c, const stralloc *key, stralloc *data)
{
  char sep = key->len && key->s[0] == ':' ? ':' : '.';
  int r = find(c, key->s, key->len, data);
  for (size_t n = key->len; r == 0 && n > 1; --n)
    if (key->s[n - 1] == sep && n < key->len) r = find(c, key->s, n, data);
  if (r == 0) r = find(c, "", 0, data);
  return r;
}

/* tcprules' value: instructions ended by NULs: 'D' deny, "+NAME=value". */
static int decode(const stralloc *data, stralloc *vars)
{
  if (data->len && data->s[0] == 'D') return 0;
  for (size_t i = 0; i < data->len; ) {
    const char *end = memchr(data->s + i, 0, data->len - i);
    size_t n = end ? (size_t)(end - (data->s + i)) : data->len - i;
    if (data->s[i] == '+' && memchr(data->s + i, '=', n))
      if (!stralloc_catb(vars, data->s + i + 1, n - 1) || !stralloc_0(vars)) { errno = ENOMEM; return -1; }
    i += n + 1;
  }
  return 1;
}

int access_lookup(const char *cdbpath, const char *ip, stralloc *vars)
{
  stralloc key = {0}, data = {0};
  vars->len = 0;
  int r = ip ? access_ip_key(&key, ip, strlen(ip)) : 0;
  if (r <= 0) { free(key.s); errno = r ? ENOMEM : EINVAL; return -1; }
  int fd = open(cdbpath, O_RDONLY | O_CLOEXEC);
  if (fd < 0) { free(key.s); return -1; }
  struct cdb c = {0};   /* cdb_init frees what an old map field points to */
  cdb_init(&c, fd);
  r = search(&c, &key, &data);
  if (r == 0) r = 1;   /* no rule: allow */
  else if (r == 1) r = decode(&data, vars);
  int e = errno;
  cdb_free(&c);
  close(fd);
  free(key.s);
  free(data.s);
  errno = e;
  return r;
}

int access_setenv(const stralloc *vars)
{
  for (size_t i = 0; i < vars->len; i += strlen(vars->s + i) + 1) {
    char *eq = strchr(vars->s + i, '=');
    if (!eq) continue;
    *eq = 0;
    int r = setenv(vars->s + i, eq + 1, 1);
    *eq = '=';
    if (r < 0) return 0;
  }
  return 1;
}
