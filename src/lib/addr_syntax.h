#ifndef ADDR_SYNTAX_H
#define ADDR_SYNTAX_H

#include <stddef.h>

/* Character classes shared by the address parser and formatter. */

/* RFC 5322 atext (ASCII only; UTF-8 is handled by the callers). */
int addr_atext(unsigned char c);

/* 1 when s is a dot-string (atoms of atext or valid UTF-8 separated by
 * single dots), so it needs no quoting as a local part. */
int addr_is_dot_string(const char *s, size_t len);

/* 1 when s is a host name (labels of letters, digits, hyphens and UTF-8,
 * 1-63 octets, no hyphen at either end), one trailing dot allowed. */
int addr_is_hostname(const char *s, size_t len);

/* 1 when s (with its brackets) is an IPv4 or IPv6: address literal. */
int addr_is_literal(const char *s, size_t len);

#endif
