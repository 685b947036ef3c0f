#ifndef UTF8_H
#define UTF8_H

#include <stddef.h>

/* Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing
 * above U+10FFFF. */

/* The length (1-4) of the valid sequence that starts at s, or 0 when
 * the bytes there are not valid UTF-8. Never reads past len. */
size_t utf8_char(const char *s, size_t len);

/* 1 when all of s is valid UTF-8, else 0. */
int utf8_valid(const char *s, size_t len);

#endif
