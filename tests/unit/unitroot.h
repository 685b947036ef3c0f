#ifndef UNITROOT_H
#define UNITROOT_H

/* A temporary POSTERN_HOME with an etc/, for unit tests that run the
 * real authcheck (from POSTERN_COMMAND_DIR, else ./command). */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* root: a mkdtemp template, made in place. */
static void unit_root(char *root)
{
  char path[512], cwd[400];
  if (!mkdtemp(root)) exit(111);
  chmod(root, 0755);
  snprintf(path, sizeof path, "%s/etc", root);
  mkdir(path, 0755);
  setenv("POSTERN_HOME", root, 1);
  if (!getenv("POSTERN_COMMAND_DIR") && getcwd(cwd, sizeof cwd)) {
    snprintf(path, sizeof path, "%s/command", cwd);
    setenv("POSTERN_COMMAND_DIR", path, 1);
  }
}

#endif
