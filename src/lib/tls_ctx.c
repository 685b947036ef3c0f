#include <ctype.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include "die.h"
#include "tls.h"

void tls_why_openssl(char *why, const char *dflt)
{
  unsigned long e = ERR_peek_error();
  const char *r = e ? ERR_reason_error_string(e) : 0;
  if (!r) r = dflt;
  strncpy(why, r, TLS_WHYLEN - 1);
  why[TLS_WHYLEN - 1] = 0;
  ERR_clear_error();
}

static void why_file(char *why, const char *what, const char *path)
{
  char r[TLS_WHYLEN];
  tls_why_openssl(r, "unreadable");
  /* A long path is cut short: the line stays readable. */
  if (snprintf(why, TLS_WHYLEN, "unable to load %s %s: %s", what, path, r) >= TLS_WHYLEN)
    why[TLS_WHYLEN - 1] = 0;
}

/* Settings both sides share: protocol floor, ciphers, no compression
 * and no renegotiation (both old attack surfaces). */
static SSL_CTX *ctx_common(const SSL_METHOD *m, const struct tls_conf *c, char *why)
{
  SSL_CTX *ctx = SSL_CTX_new(m);
  if (!ctx) { tls_why_openssl(why, "out of memory"); return 0; }
  /* Most mail clients close without close_notify: that is an end of
   * file, not an attack (the protocols above frame their own data). */
  /* CLEANSE_PLAINTEXT: OpenSSL zeroes its record buffers' plaintext
   * once handed over, as tls_pump does with its own (passwords). */
  SSL_CTX_set_options(ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION
                      | SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_IGNORE_UNEXPECTED_EOF
                      | SSL_OP_CLEANSE_PLAINTEXT);
  SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);
  if (!SSL_CTX_set_min_proto_version(ctx, c->min_version > TLS1_2_VERSION ? c->min_version : TLS1_2_VERSION)
      || (c->max_version && !SSL_CTX_set_max_proto_version(ctx, c->max_version))) {
    tls_why_openssl(why, "bad protocol version");
    SSL_CTX_free(ctx);
    return 0;
  }
  if (c->ciphers && !SSL_CTX_set_cipher_list(ctx, c->ciphers)) {
    snprintf(why, TLS_WHYLEN, "no usable cipher in TLS_CIPHER_LIST %s", c->ciphers);
    ERR_clear_error();
    SSL_CTX_free(ctx);
    return 0;
  }
  return ctx;
}

static int load_keypair(SSL_CTX *ctx, const char *file, char *why)
{
  if (SSL_CTX_use_certificate_chain_file(ctx, file) != 1) { why_file(why, "certificate", file); return 0; }
  if (SSL_CTX_use_PrivateKey_file(ctx, file, SSL_FILETYPE_PEM) != 1) { why_file(why, "private key", file); return 0; }
  if (SSL_CTX_check_private_key(ctx) != 1) { why_file(why, "matching key", file); return 0; }
  return 1;
}

static int load_dh(SSL_CTX *ctx, const char *file, char *why)
{
  EVP_PKEY *dh = 0;
  BIO *b;
  if (file && access(file, F_OK) != 0 && errno == ENOENT) {
    /* mkdhparams writes these same RFC 7919 groups: nothing is lost,
     * and a missing file must not stop every TLS session. */
    warn("TLS_DHPARAMS ", file, " does not exist: using the built-in groups (run mkdhparams)");
    file = 0;
  }
  if (!file) return SSL_CTX_set_dh_auto(ctx, 1) == 1;
  b = BIO_new_file(file, "r");
  if (b) { dh = PEM_read_bio_Parameters(b, 0); BIO_free(b); }
  if (!dh || SSL_CTX_set0_tmp_dh_pkey(ctx, dh) != 1) {
    EVP_PKEY_free(dh);
    why_file(why, "DH parameters", file);
    return 0;
  }
  return 1;
}

static int load_trust(SSL_CTX *ctx, const char *path, int server, char *why)
{
  struct stat st;
  int isdir;
  if (!path) return SSL_CTX_set_default_verify_paths(ctx) == 1;
  isdir = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
  if (SSL_CTX_load_verify_locations(ctx, isdir ? 0 : path, isdir ? path : 0) != 1) {
    why_file(why, "trusted certificates", path);
    return 0;
  }
  if (server && !isdir) {
    /* Tell clients which CAs we accept, so they pick the right certificate. */
    STACK_OF(X509_NAME) *names = SSL_load_client_CA_file(path);
    if (names) SSL_CTX_set_client_CA_list(ctx, names);
    ERR_clear_error();
  }
  return 1;
}

/* A host name fit to end a file name: letters, digits, '-' and inner dots. */
static int sni_name(char *out, size_t size, const char *name)
{
  size_t n = strlen(name);
  if (!n || n >= size || n > 253 || name[0] == '.' || strstr(name, "..")) return 0;
  for (size_t i = 0; i <= n; ++i) {
    unsigned char ch = (unsigned char)name[i];
    if (ch && !isalnum(ch) && ch != '-' && ch != '.') return 0;
    out[i] = (char)tolower(ch);
  }
  return 1;
}

/* As Courier: a client asking for NAME by SNI gets TLS_CERTFILE.NAME
 * when that file exists, else TLS_CERTFILE. */
static int sni_switch(SSL *ssl, int *alert, void *certfile)
{
  const char *asked = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
  char name[256], path[4096], why[TLS_WHYLEN];
  SSL_CTX *alt;
  (void)alert;
  if (!asked || !sni_name(name, sizeof name, asked)) return SSL_TLSEXT_ERR_OK;
  if (snprintf(path, sizeof path, "%s.%s", (const char *)certfile, name) >= (int)sizeof path
      || access(path, F_OK) != 0)
    return SSL_TLSEXT_ERR_OK;
  alt = SSL_CTX_new(TLS_server_method());
  if (alt && load_keypair(alt, path, why)) SSL_set_SSL_CTX(ssl, alt);
  else warn("SNI ", name, ": ", alt ? why : "out of memory", ": using the default certificate");
  SSL_CTX_free(alt);
  return SSL_TLSEXT_ERR_OK;
}

SSL_CTX *tls_ctx_server(const struct tls_conf *c, char *why)
{
  SSL_CTX *ctx;
  int mode = SSL_VERIFY_NONE;
  static const unsigned char sid[] = "postern";
  if (!c->certfile) { snprintf(why, TLS_WHYLEN, "TLS_CERTFILE is not set"); return 0; }
  if (c->verify != TLS_VERIFY_NONE && !c->trustcerts) {
    snprintf(why, TLS_WHYLEN, "TLS_VERIFYPEER needs TLS_TRUSTCERTS");
    return 0;
  }
  ctx = ctx_common(TLS_server_method(), c, why);
  if (!ctx) return 0;
  /* One process per connection: a session cache or tickets would
   * only cost time, nothing could ever resume them. */
  SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_OFF);
  SSL_CTX_set_options(ctx, SSL_OP_NO_TICKET);
  SSL_CTX_set_num_tickets(ctx, 0);
  SSL_CTX_set_session_id_context(ctx, sid, sizeof sid - 1);
  if (!load_keypair(ctx, c->certfile, why) || !load_dh(ctx, c->dhparams, why)) goto fail;
  SSL_CTX_set_tlsext_servername_callback(ctx, sni_switch);
  SSL_CTX_set_tlsext_servername_arg(ctx, (void *)c->certfile);
  if (c->verify != TLS_VERIFY_NONE) {
    if (!load_trust(ctx, c->trustcerts, 1, why)) goto fail;
    mode = SSL_VERIFY_PEER | SSL_VERIFY_CLIENT_ONCE;
    if (c->verify == TLS_VERIFY_REQUIRE) mode |= SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
  }
  SSL_CTX_set_verify(ctx, mode, 0);
  return ctx;
fail:
  SSL_CTX_free(ctx);
  return 0;
}

SSL_CTX *tls_ctx_client(const struct tls_conf *c, char *why)
{
  SSL_CTX *ctx = ctx_common(TLS_client_method(), c, why);
  if (!ctx) return 0;
  if (c->certfile && !load_keypair(ctx, c->certfile, why)) goto fail;
  if (!load_trust(ctx, c->trustcerts, 0, why)) goto fail;
  SSL_CTX_set_verify(ctx, c->verify == TLS_VERIFY_NONE ? SSL_VERIFY_NONE : SSL_VERIFY_PEER, 0);
  return ctx;
fail:
  SSL_CTX_free(ctx);
  return 0;
}
