#ifndef PWHASH_H
#define PWHASH_H

#include <stddef.h>
#include "stralloc.h"

/* Password hashes as Courier's authlib stores them: crypt(3) strings
 * ($1$ MD5, $5$ SHA-256, $6$ SHA-512, $y$ yescrypt, $2b$, DES), and the
 * prefixed forms LDAP and SQL tables use: {CRYPT}, {MD5}, {MD5RAW},
 * {SHA}, {SHA256}, {SHA512}, {SSHA}, {SSHA256}, {SSHA512}. Comparisons
 * run in constant time. */

/* 1 when pw matches hash, 0 otherwise (also for locked or empty hashes). */
int pwhash_check(const char *hash, const char *pw, size_t pwlen);

/* A new crypt(3) hash of pw: method "md5" ($1$), "sha256" ($5$),
 * "sha512" ($6$), or 0 for the system's preferred (yescrypt). 1 ok,
 * 0 failure (errno). */
int pwhash_make(stralloc *out, const char *method, const char *pw);

/* CRAM-MD5 secrets (userdb's hmac-md5pw): the two HMAC-MD5 key states,
 * outer then inner, in hex, so the password itself is never stored. */
int hmacmd5pw_make(stralloc *out, const char *pw, size_t pwlen);
/* 1 when response_hex (32 hex digits) is HMAC-MD5(password, challenge)
 * for the password behind secret_hex. */
int hmacmd5pw_check(const char *secret_hex, const char *challenge, size_t clen,
                    const char *response_hex);

/* APOP (RFC 1939 section 7): 1 when digest_hex (32 hex digits, either
 * case) is MD5(stamp secret). The secret is userdb's apoppw, kept in
 * clear because APOP needs it so; an empty one matches nothing. */
int apoppw_check(const char *secret, size_t slen, const char *stamp, size_t tlen,
                 const char *digest_hex);

#endif
