/* file.h - the files the shell opens itself: a script to run, source or
 * check, a recording, a file to sendfile, the history, the directories
 * that Tab completes names from. Each call returns 0 or an errno value,
 * EPERM without reaching the kernel while the core refuses system calls
 * (sk_set_forbidden), as the socket calls do. Not traced: strace would
 * show them, but they are the shell's, not the lesson's. Never prints. */
#ifndef SOCKSHELL_FILE_H
#define SOCKSHELL_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* file_open_private's answer for a file that is not a regular file of
 * this user's (a history someone else could have planted). */
#define FILE_ENOTOURS (-1)

/* fopen(3) PATH with MODE into *OUT. */
int file_open(const char *path, const char *mode, FILE **out);

/* fopen(3) PATH with MODE ("w", "wx", "a"), its descriptor then moved to
 * LOW or above (close-on-exec), where no socket of the session reaches;
 * it stays where it is when that fails. */
int file_open_high(const char *path, const char *mode, int low, FILE **out);

/* The highest descriptor the process may open, at most TOP. */
int file_fd_limit(int top);

/* open(PATH, 'rb') as Python does it, for sendfile: *FD and the size of
 * the file in *SIZE; a directory is EISDIR. Close *FD with file_close. */
int file_open_rb(const char *path, int *fd, long long *size);
void file_close(int fd);

/* The size of F when it is a regular file: 0, ESPIPE for a pipe, a
 * terminal or anything else that has none, EBADF for a stream with no
 * descriptor (fmemopen), or fstat's errno. Not refused while system calls
 * are: it asks about a file the shell has open already. */
int file_size(FILE *f, long long *size);

/* PATH for reading when it is a regular file of this user's that is no
 * symbolic link: 0, ELOOP for a link, FILE_ENOTOURS, or another errno. */
int file_open_private(const char *path, FILE **out);

/* LEN bytes of TEXT as the whole of PATH, mode 0600, written beside it and
 * renamed over it, so that a crash part way leaves the old file whole. */
int file_write_private(const char *path, const char *text, size_t len);

/* mkdir -p DIR, each new level mode 0700: 0 when DIR is then a real
 * directory of this user's that only they can write to, else FILE_ENOTOURS
 * (a planted symbolic link, say) or EPERM. */
int file_make_private_dir(const char *dir);

/* FN(CTX, NAME) for each entry of the directory DIR but . and .. */
int file_list_dir(const char *dir, void (*fn)(void *ctx, const char *name),
                  void *ctx);
/* Is PATH a directory (after links)? */
bool file_is_dir(const char *path);

#endif
