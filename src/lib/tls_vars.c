#include <string.h>
#include <strings.h>
#include <openssl/x509v3.h>
#include "fmt.h"
#include "tls.h"

/* A value may reach an environment and a log line: anything with a
 * control character is left out rather than passed on. */
static int add(stralloc *out, const char *name, const char *v, size_t n)
{
  if (!v || !n) return 1;
  for (size_t i = 0; i < n; ++i)
    if ((unsigned char)v[i] < 0x20 || v[i] == 0x7f) return 1;
  return stralloc_cats(out, name) && stralloc_append(out, "=")
      && stralloc_catb(out, v, n) && stralloc_0(out);
}

static int add_str(stralloc *out, const char *name, const char *v)
{
  return add(out, name, v, v ? strlen(v) : 0);
}

static int add_asn1(stralloc *out, const char *name, const ASN1_STRING *a)
{
  unsigned char *u = 0;
  int n = a ? ASN1_STRING_to_UTF8(&u, a) : -1;
  int ok = n < 0 ? 1 : add(out, name, (const char *)u, (size_t)n);
  OPENSSL_free(u);
  return ok;
}

static int add_subject(stralloc *out, X509 *x)
{
  BIO *b = BIO_new(BIO_s_mem());
  char *p;
  long n;
  int ok;
  if (!b) return 0;
  X509_NAME_print_ex(b, X509_get_subject_name(x), 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
  n = BIO_get_mem_data(b, &p);
  ok = add(out, "SSL_PEER_CERT_SUBJECT", p, n > 0 ? (size_t)n : 0);
  BIO_free(b);
  return ok;
}

static int add_hash(stralloc *out, X509 *x)
{
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  char hex[7 + 2 * EVP_MAX_MD_SIZE];
  if (!X509_digest(x, EVP_sha256(), md, &n)) return 1;
  memcpy(hex, "SHA256:", 7);
  for (unsigned int i = 0; i < n; ++i) {
    hex[7 + 2 * i] = "0123456789abcdef"[md[i] >> 4];
    hex[8 + 2 * i] = "0123456789abcdef"[md[i] & 15];
  }
  return add(out, "SSL_PEER_CERT_HASH", hex, 7 + 2 * n);
}

static const ASN1_STRING *subject_field(X509 *x, int nid)
{
  X509_NAME *name = X509_get_subject_name(x);
  int i = X509_NAME_get_index_by_NID(name, nid, -1);
  return i < 0 ? 0 : X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, i));
}

/* The subject's emailAddress, else the first rfc822Name alternative. */
static const ASN1_STRING *email_of(X509 *x, GENERAL_NAMES **alt)
{
  const ASN1_STRING *e = subject_field(x, NID_pkcs9_emailAddress);
  if (e) return e;
  *alt = X509_get_ext_d2i(x, NID_subject_alt_name, 0, 0);
  for (int i = 0; *alt && i < sk_GENERAL_NAME_num(*alt); ++i) {
    GENERAL_NAME *g = sk_GENERAL_NAME_value(*alt, i);
    if (g->type == GEN_EMAIL) return g->d.rfc822Name;
  }
  return 0;
}

/* TLS_EXTERNAL names a subject field as Courier does, in any case. */
static int external_nid(const char *field)
{
  if (!strcasecmp(field, "emailaddress") || !strcasecmp(field, "email")) return NID_pkcs9_emailAddress;
  if (!strcasecmp(field, "cn")) return NID_commonName;
  if (!strcasecmp(field, "uid") || !strcasecmp(field, "userid")) return NID_userId;
  return OBJ_txt2nid(field);
}

static int add_peer(stralloc *out, X509 *x, const char *external)
{
  GENERAL_NAMES *alt = 0;
  const ASN1_STRING *email = email_of(x, &alt);
  int ok = add_subject(out, x) && add_hash(out, x) && add_asn1(out, "SSL_PEER_EMAIL", email);
  if (ok && external) {
    int nid = external_nid(external);
    const ASN1_STRING *login = nid == NID_pkcs9_emailAddress ? email
                             : nid != NID_undef ? subject_field(x, nid) : 0;
    ok = add_asn1(out, "SSL_PEER_LOGIN", login);
  }
  GENERAL_NAMES_free(alt);
  return ok;
}

int tls_vars(stralloc *out, SSL *ssl, const char *external)
{
  X509 *x = SSL_get1_peer_certificate(ssl);
  int ok;
  out->len = 0;
  ok = add_str(out, "SSL_PROTOCOL", SSL_get_version(ssl))
    && add_str(out, "SSL_CIPHER", SSL_CIPHER_get_name(SSL_get_current_cipher(ssl)))
    && add_str(out, "SSL_TLS_SNI_SERVERNAME", SSL_is_server(ssl) ? SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name) : 0);
  /* Only a certificate that verified says who the peer is. */
  if (ok && x && SSL_get_verify_result(ssl) == X509_V_OK
      && (SSL_get_verify_mode(ssl) & SSL_VERIFY_PEER))
    ok = add_peer(out, x, external);
  if (ok) ok = add_str(out, "TLS", SSL_get_version(ssl));
  X509_free(x);
  return ok;
}

const char *tls_vars_get(const stralloc *vars, const char *name)
{
  size_t n = strlen(name);
  for (size_t i = 0; i < vars->len; i += strlen(vars->s + i) + 1)
    if (!strncmp(vars->s + i, name, n) && vars->s[i + n] == '=') return vars->s + i + n + 1;
  return 0;
}

int tls_vars_summary(stralloc *out, const stralloc *vars)
{
  static const char *const show[][2] = {
    { "proto=", "SSL_PROTOCOL" }, { " cipher=", "SSL_CIPHER" },
    { " sni=", "SSL_TLS_SNI_SERVERNAME" }, { " login=", "SSL_PEER_LOGIN" },
    { " peer=", "SSL_PEER_CERT_SUBJECT" },
  };
  out->len = 0;
  for (size_t i = 0; i < sizeof show / sizeof show[0]; ++i) {
    const char *v = tls_vars_get(vars, show[i][1]);
    if (!v) continue;
    if (!stralloc_cats(out, show[i][0]) || !stralloc_cats(out, v)) return 0;
  }
  return stralloc_0(out) ? (out->len--, 1) : 0;
}
