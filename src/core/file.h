/* file.h - the files the shell opens itself: a script to source or check,
 * a recording, a file to sendfile. Each call returns 0 or an errno value,
 * EPERM without reaching the kernel while the core refuses system calls
 * (sk_set_forbidden), as the socket calls do. Not traced: strace would
 * show them, but they are the shell's, not the lesson's. Never prints. */
#ifndef SOCKSHELL_FILE_H
#define SOCKSHELL_FILE_H

#include <stdio.h>

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

/* The size of F when it is a regular file: 0, or ESPIPE for a pipe, a
 * terminal or anything else that has none. */
int file_size(FILE *f, long long *size);

#endif
