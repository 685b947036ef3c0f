#include <ctype.h>
#include <errno.h>
#include <string.h>
#include <openssl/hmac.h>
#include "conf.h"
#include "remote.h"
#include "textcode.h"

/* etc/esmtpauthclient: "host[,port] user password" lines; the host is
 * the name given in esmtproutes, as Courier >= 0.55 matches it. */
struct find {
  const char *key, *host;
  int rank;
  stralloc *user, *pass;
};

static int match(void *ctx, const char *file, unsigned long lineno, const char *line, size_t len)
{
  (void)file; (void)lineno; (void)len;
  struct find *f = ctx;
  const char *p = line;
  while (isspace((unsigned char)*p)) ++p;
  const char *k = p;
  while (*p && !isspace((unsigned char)*p)) ++p;
  size_t klen = (size_t)(p - k);
  int rank = 0;
  if (klen == strlen(f->key) && !strncasecmp(k, f->key, klen)) rank = 2;
  else if (klen == strlen(f->host) && !strncasecmp(k, f->host, klen)) rank = 1;
  if (rank <= f->rank) return 0;
  while (isspace((unsigned char)*p)) ++p;
  const char *u = p;
  while (*p && !isspace((unsigned char)*p)) ++p;
  size_t ulen = (size_t)(p - u);
  while (isspace((unsigned char)*p)) ++p;
  if (!ulen || !*p) return 0;
  f->rank = rank;
  stralloc_copyb(f->user, u, ulen); stralloc_0(f->user); --f->user->len;
  stralloc_copys(f->pass, p); stralloc_0(f->pass); --f->pass->len;
  return 0;
}

int authclient_lookup(const char *path, const char *key, const char *host, stralloc *user, stralloc *pass)
{
  struct find f = { .key = key, .host = host, .user = user, .pass = pass };
  user->len = pass->len = 0;
  if (!*host) return 0;
  if (conf_each_line(path, match, &f) < 0 && errno != ENOENT) return -1;
  return f.rank > 0;
}

static void b64(stralloc *out, const char *s, size_t n)
{
  size_t need = fmt_base64(0, s, n);
  stralloc_readyplus(out, need + 1);
  out->len += fmt_base64(out->s + out->len, s, n);
}

static int step(struct remote *r, const stralloc *line, int want)
{
  stralloc_0((stralloc *)line);
  if (session_command(r, line->s) < 0) return -1;
  return r->reply.code == want ? 0 : 1;
}

static int cram(struct remote *r, stralloc *line)
{
  stralloc challenge = {0};
  const char *c = r->reply.text.s + 4;
  size_t clen = strlen(c);
  stralloc_ready(&challenge, clen + 1);
  size_t used = scan_base64(c, challenge.s, &challenge.len);
  if (used == 0 && clen) { stralloc_free(&challenge); return 1; }
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int maclen = 0;
  HMAC(EVP_md5(), r->auth_pass.s, (int)r->auth_pass.len, (unsigned char *)challenge.s, challenge.len, mac, &maclen);
  stralloc answer = {0};
  stralloc_copy(&answer, &r->auth_user);
  stralloc_cats(&answer, " ");
  static const char hex[] = "0123456789abcdef";
  for (unsigned i = 0; i < maclen; ++i) { stralloc_append(&answer, &hex[mac[i] >> 4]); stralloc_append(&answer, &hex[mac[i] & 15]); }
  line->len = 0;
  b64(line, answer.s, answer.len);
  stralloc_free(&answer);
  stralloc_free(&challenge);
  return step(r, line, 235);
}

int auth_client(struct remote *r, stralloc *why)
{
  stralloc line = {0};
  int result;
  if (strstr(r->caps.auth.s, " CRAM-MD5 ")) {
    stralloc_copys(&line, "AUTH CRAM-MD5");
    result = step(r, &line, 334);
    if (result == 0) result = cram(r, &line);
  } else if (strstr(r->caps.auth.s, " PLAIN ")) {
    stralloc plain = {0};
    stralloc_copyb(&plain, "\0", 1);
    stralloc_cat(&plain, &r->auth_user);
    stralloc_catb(&plain, "\0", 1);
    stralloc_cat(&plain, &r->auth_pass);
    stralloc_copys(&line, "AUTH PLAIN ");
    b64(&line, plain.s, plain.len);
    stralloc_free(&plain);
    result = step(r, &line, 235);
  } else if (strstr(r->caps.auth.s, " LOGIN ")) {
    stralloc_copys(&line, "AUTH LOGIN");
    result = step(r, &line, 334);
    if (!result) { line.len = 0; b64(&line, r->auth_user.s, r->auth_user.len); result = step(r, &line, 334); }
    if (!result) { line.len = 0; b64(&line, r->auth_pass.s, r->auth_pass.len); result = step(r, &line, 235); }
  } else {
    stralloc_copys(why, "no AUTH mechanism in common (PLAIN, LOGIN, CRAM-MD5)");
    stralloc_free(&line);
    return 1;
  }
  if (result) stralloc_copy(why, result < 0 ? &line : &r->reply.text);
  if (result < 0) stralloc_copys(why, "connection lost during AUTH");
  stralloc_free(&line);
  return result ? 1 : 0;
}
