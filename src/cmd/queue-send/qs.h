#ifndef QS_H
#define QS_H

#include <sys/types.h>
#include "qenv.h"
#include "route.h"
#include "spawnreq.h"
#include "stralloc.h"

/* queue-send's state: one struct, handed to every function. */

struct rstate {
  char state;            /* 0 untried, 'T' deferred, 'D' delivered, 'F' failed */
  unsigned tries;
  unsigned long last;    /* time of the last attempt */
  unsigned long next;    /* earliest next attempt */
  int warned;
  int busy;              /* a delivery is running */
  int local;             /* routed to local delivery (suppression list, concurrency) */
  int held;              /* due, but its transport was full at the last pass */
  int routed_local;      /* resolved to local delivery and not failed since: not resolved again */
  stralloc account;      /* then, for an account: "uid:gid:mailuser:home" (local_routed); empty for an alias */
  stralloc text;
};

struct msg {
  char id[64];
  struct qenv env;
  struct rstate *r;      /* env.nrcpt entries */
  size_t open;           /* recipients not yet D or F */
  int busy;              /* deliveries running */
  stralloc statuslog;    /* records waiting to be appended and fsync'd */
  int unsynced;          /* local-spawn appended records not fsync'd yet: 1 only D, 2 others */
  unsigned long dsn_wait; /* a notification failed: try again then */
};

struct config {
  stralloc me;
  unsigned conc_local, conc_remote;
  unsigned long alpha, beta, gamma, maxdelta;
  unsigned long queuetime, warntime;
  int dsn_to_auth;       /* DSNTOAUTHADDR=1 */
  int block_smtp_dsn;    /* ESMTP_BLOCKBACKSCATTER lists smtp/dsn */
  uid_t mail_uid; gid_t mail_gid;
  stralloc mail_user;
  uid_t daemon_uid; int have_daemon_uid;
  uid_t my_uid;
};

struct slot {              /* one run of local: recipients of one message and account */
  struct msg *m;
  size_t idx[SPAWNREQ_MAX_RCPT];
  unsigned n, left;        /* recipients, and those without a result yet */
  int used;
};

struct rproc;

struct qs {
  struct config cfg;
  struct rproc **rprocs; /* running remote processes, one per domain */
  size_t nrprocs;
  unsigned busy_remote;  /* recipients handed to them */
  struct msg **msgs;
  size_t nmsgs, amsgs;
  struct slot *slots;    /* cfg.conc_local of them */
  unsigned busy_local;
  int spawn_req, spawn_res;
  stralloc resbuf;       /* partial results from the spawner */
  int trigger_fd, trigger_wfd;
  unsigned long now;
  stralloc finished;     /* ids whose env/ is gone, status/ waiting: "id\0id\0" */
  unsigned long finished_since;
  int stopping;
  int flush_all;
};

/* config.c */
void config_load(struct config *c);
unsigned long retry_interval(const struct config *c, unsigned tries);

/* queue.c */
void queue_recover(struct qs *q);
void queue_sweep_remnants(struct qs *q);
void queue_scan_todo(struct qs *q);
struct msg *queue_load(struct qs *q, const char *id);
void queue_finish(struct qs *q, struct msg *m);
void queue_flush_finished(struct qs *q, int force);
void queue_flush_status(struct qs *q);
void queue_record(struct qs *q, struct msg *m, size_t idx, char code, const char *text);
void msg_free(struct msg *m);

/* local.c */
int local_start(struct qs *q, struct msg *m, size_t idx);
void local_routed(struct rstate *r, const struct route *rt);
void local_results(struct qs *q);

/* remote.c */
struct pollfd;
int remote_start(struct qs *q, struct msg *m, size_t idx, const struct route *r);
size_t remote_pollfds(struct qs *q, struct pollfd *pfd, size_t max);
void remote_events(struct qs *q, const struct pollfd *pfd, size_t n);
void remote_stop(struct qs *q);

/* sched.c */
void sched_run(struct qs *q);
void sched_outcome(struct qs *q, struct msg *m, size_t idx, char code, const char *text, int local);
unsigned long sched_next_wake(struct qs *q);
int sched_check_done(struct qs *q, struct msg *m);

/* dsn.c */
enum { DSN_FINAL, DSN_DELAY };
int dsn_send(struct qs *q, struct msg *m, int kind);

/* ctl.c */
void ctl_scan(struct qs *q);

#endif
