#ifndef FSYNC_DIR_H
#define FSYNC_DIR_H

/* fsync the directory holding path, so a rename or link into it is on
 * disk: 0 ok, -1 error (errno). */
int fsync_dir_of(const char *path);
/* fsync a directory by its own name. */
int fsync_dir(const char *dir);

#endif
