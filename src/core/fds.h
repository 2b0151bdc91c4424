/* fds.h - the process's own descriptors, kept so that the numbers a
 * session shows (s.fileno(), poll's [(fd, events)]) are the user's. */
#ifndef SOCKSHELL_FDS_H
#define SOCKSHELL_FDS_H

/* Open /dev/null on each of 0, 1 and 2 that is closed, so no socket is
 * ever given one of them (where the shell's output or input would go).
 * Returns 0 or an errno value. */
int fds_keep_std(void);

/* Close every descriptor from 3 up that the process inherited, so a
 * replayed transcript numbers its sockets from 3 wherever it runs.
 * Descriptors at or above the RLIMIT_NOFILE soft limit are left alone:
 * valgrind keeps its own there. Returns 0 or an errno value. */
int fds_close_inherited(void);

/* A copy of FD (close-on-exec) just under the top of what the process
 * may open, where no lesson's sockets reach: the shell's own files (a
 * recording, the wire capture) leave the user's numbers alone, so a
 * replay that has no such file shows the same fd=. Returns the new
 * descriptor, or -1 with errno set. */
int fds_dup_high(int fd);

/* The width of the terminal on FD, or 0 when FD is not one. */
int fds_columns(int fd);

#endif
