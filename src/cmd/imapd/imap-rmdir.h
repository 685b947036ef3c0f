#ifndef IMAP_RMDIR_H
#define IMAP_RMDIR_H

struct session;
/* Deletes a folder directory: 0 ok (it is gone from view), -1 error. */
int folder_remove(struct session *s, const char *dir);

#endif
