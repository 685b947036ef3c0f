#ifndef AUTHKEY_H
#define AUTHKEY_H

#include <stddef.h>

/* authcheck's secret (doc/INTERFACES.md section 4): 32 random bytes in
 * var/authcheck/key, owned by the effective user of authcheck (root
 * when installed setuid) and readable by it alone. It authenticates
 * what authcheck itself, or tlsd while it is still root, handed out:
 * challenges and certificate logins. */

enum { AUTHKEY_LEN = 32, AUTHKEY_MAC_HEX = 32 };

struct authkey { unsigned char k[AUTHKEY_LEN]; };

/* var/authcheck must be a directory of the effective user, mode 700,
 * in a var/ nobody else may write to; otherwise -1 (EPERM). 1 ok,
 * -1 with errno. With create, makes the directory when missing. */
int authkey_dir(int create);

/* Reads the key, making it first when missing and create is set:
 * 1 ok, 0 no key (and !create), -1 with errno (EPERM: a key or
 * directory another user could have written or read). */
int authkey_load(struct authkey *k, int create);

/* hex = the first 16 bytes of HMAC-SHA256(key, data), in lower-case
 * hex, NUL-terminated (AUTHKEY_MAC_HEX + 1 bytes). */
void authkey_mac(const struct authkey *k, const char *data, size_t len, char *hex);

/* 1 when the AUTHKEY_MAC_HEX characters at a and b are equal, in time
 * that does not depend on where they differ. */
int authkey_mac_equal(const char *a, const char *b);

#endif
