#ifndef AUTHCONF_H
#define AUTHCONF_H

#include "conf.h"
#include "stralloc.h"

/* etc/authdaemonrc: the list of authentication modules and the
 * settings every module shares. Courier's names where Courier has them
 * (authmodulelist, DEFAULTOPTIONS, DEBUG_LOGIN); postern's own settings
 * name the files the passwd modules read, so a test or a chroot need
 * not use /etc:
 *   AUTHPWD_PASSWD     passwd(5) file for authpwd, authshadow, authpam
 *                      (default: the system's, through getpwnam)
 *   AUTHSHADOW_SHADOW  shadow(5) file for authshadow (default: getspnam)
 *   AUTHPAM_CONFDIR    PAM configuration directory (default: the system's)
 *   AUTHFAILDELAY      seconds authcheck waits before refusing (default 2) */

struct authconf {
  struct conf_env env;
  stralloc modules;        /* module names, each followed by a NUL */
};

/* 1 read (an absent file gives the defaults), 0 error: errno set,
 * EINVAL for a syntax error. */
int authconf_read(struct authconf *c);
/* A setting, or 0 when unset or empty. */
const char *authconf_get(const struct authconf *c, const char *name);
/* Walks the module list: *pos starts at 0; returns the next name or 0. */
const char *authconf_module(const struct authconf *c, size_t *pos);
void authconf_free(struct authconf *c);

#endif
