#ifndef SMTPD_CONFIG_H
#define SMTPD_CONFIG_H

#include "stralloc.h"

struct smtp_config;

/* Storage behind the strings of a loaded configuration. */
struct smtp_config_store {
  stralloc me, queue, tmp;
};

void config_load(struct smtp_config *c, struct smtp_config_store *st);

#endif
