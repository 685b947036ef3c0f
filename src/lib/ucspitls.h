#ifndef UCSPITLS_H
#define UCSPITLS_H

#include <sys/types.h>
#include "stralloc.h"

/* The process side of the UCSPI-TLS hand-off (doc/INTERFACES.md section
 * 6), shared by tlsd and tlsc; no TLS code here. */

struct ucspitls_child {
  pid_t pid;
  int ctl;      /* our end of SSLCTLFD, or -1 */
  int app_r;    /* we read what the app writes */
  int app_w;    /* we write what the app reads */
};

/* Implicit TLS: starts argv with its fds rfd and wfd (0/1 for a server,
 * 6/7 for a tcpclient program) being pipes to us, and the NAME=value\0
 * pairs of vars in its environment (inherited SSL_* removed). 1 ok,
 * 0 with errno. */
int ucspitls_spawn_plain(struct ucspitls_child *c, char *const *argv,
                         const stralloc *vars, int rfd, int wfd);
/* STARTTLS: starts argv with its network fds untouched and SSLCTLFD,
 * SSLREADFD, SSLWRITEFD set. 1 ok, 0 with errno. */
int ucspitls_spawn_ctl(struct ucspitls_child *c, char *const *argv);

/* Waits for the app's command on ctl: 'Y' or 'y', 0 when the app
 * closed the control socket (or exited) without asking for TLS, -1 on
 * a read error. */
int ucspitls_wait_command(int ctl);
/* Sends vars and the ending empty pair on ctl, then closes it. */
int ucspitls_send_vars(int ctl, const stralloc *vars);

/* Closes what we hold of the child and waits for it: its exit code
 * (128+signal when killed). */
int ucspitls_finish(struct ucspitls_child *c);

#endif
