/* Arbitrary bytes from a client into tlsd's handshake (tls_accept), the
 * UCSPI-TLS variable lookups and the settings parsers: no crash, no
 * leak, always an answer. */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <openssl/evp.h>
#include <openssl/x509.h>
#include "tls.h"

static SSL_CTX *server_ctx(void)
{
  EVP_PKEY *key = EVP_EC_gen("P-256");
  X509 *x = X509_new();
  SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());
  X509_NAME *name = X509_get_subject_name(x);
  ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
  X509_gmtime_adj(X509_getm_notBefore(x), 0);
  X509_gmtime_adj(X509_getm_notAfter(x), 86400);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, (const unsigned char *)"fuzz", -1, -1, 0);
  X509_set_issuer_name(x, name);
  X509_set_pubkey(x, key);
  X509_sign(x, key, EVP_sha256());
  SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
  SSL_CTX_use_certificate(ctx, x);
  SSL_CTX_use_PrivateKey(ctx, key);
  X509_free(x);
  EVP_PKEY_free(key);
  return ctx;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  static SSL_CTX *ctx;
  char why[TLS_WHYLEN];
  int sp[2], min, max;
  enum tls_verify v;
  stralloc vars = { 0 }, line = { 0 }, s = { 0 };
  SSL *ssl;
  if (!ctx) ctx = server_ctx();
  stralloc_copyb(&s, (const char *)data, size < 64 ? size : 64);
  stralloc_0(&s);
  tls_parse_protocol(s.s, &min, &max);
  tls_parse_verify(s.s, &v);
  stralloc_copyb(&vars, (const char *)data, size);
  if (!vars.len || vars.s[vars.len - 1]) stralloc_0(&vars);
  tls_vars_get(&vars, "SSL_PROTOCOL");
  tls_vars_summary(&line, &vars);
  if (socketpair(AF_UNIX, SOCK_STREAM, 0, sp) < 0) abort();
  if (size && write(sp[1], data, size < 100000 ? size : 100000) < 0) abort();
  shutdown(sp[1], SHUT_WR);
  fcntl(sp[0], F_SETFL, O_NONBLOCK);
  ssl = tls_accept(ctx, sp[0], sp[0], 1, why);
  if (ssl) {
    tls_vars(&vars, ssl, "emailaddress");
    SSL_free(ssl);
  } else if (!why[0]) abort();    /* every failure says why */
  close(sp[0]);
  close(sp[1]);
  stralloc_free(&vars);
  stralloc_free(&line);
  stralloc_free(&s);
  return 0;
}
