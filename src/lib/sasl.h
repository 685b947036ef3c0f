#ifndef SASL_H
#define SASL_H

#include <stddef.h>
#include "stralloc.h"

/* The server side of the SASL mechanisms smtpd, pop3-login and
 * imap-login offer: PLAIN (RFC 4616), LOGIN, CRAM-MD5 (RFC 2195). Only
 * decoding lives here; CRAM-MD5's challenge and the check itself are
 * authcheck's (authcall.h). */

/* Base64 of len bytes appended to out: 1 ok, 0 no memory. */
int sasl_b64_encode(stralloc *out, const char *data, size_t len);
/* Decodes base64 (no whitespace, padding required except '=' alone for
 * an empty response): 1 ok, 0 malformed or no memory. */
int sasl_b64_decode(stralloc *out, const char *b64, size_t len);

/* PLAIN: "authzid\0login\0password" decoded from base64. An authzid
 * other than empty or equal to login is refused. 1 ok, 0 malformed. */
int sasl_plain(const char *b64, size_t len, stralloc *login, stralloc *password);

/* The client's decoded answer "login hexdigest": 1 ok, 0 malformed. */
int sasl_cram_answer(const char *b64, size_t len, stralloc *login, stralloc *hexdigest);

#endif
