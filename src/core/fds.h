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

#endif
