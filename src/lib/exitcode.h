#ifndef EXITCODE_H
#define EXITCODE_H

/* The qmail exit conventions every postern program follows. */
enum {
  EXIT_DONE = 0,        /* success */
  EXIT_STOP = 99,       /* delivery programs: success, skip later instructions */
  EXIT_PERM = 100,      /* permanent failure: do not retry, bounce */
  EXIT_TEMP = 111       /* temporary failure: retry later */
};

#endif
