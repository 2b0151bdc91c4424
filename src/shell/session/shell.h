/* shell.h - the interpreter's entry points: running lines and files
 * (its state is in state.h). */
#ifndef SOCKSHELL_SHELL_H
#define SOCKSHELL_SHELL_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include "state.h"

/* A script stops at the next statement once this holds a signal number
 * (SIGTERM, SIGHUP, SIGINT), its output flushed; main exits 128+N. */
extern volatile sig_atomic_t shell_signal;

void shell_init(struct shell *sh);
/* Close every socket and free everything. */
void shell_free(struct shell *sh);

/* Run one line (statements separated by ';'). Returns 0 when the last
 * statement succeeded, 1 when one failed; sets sh->exiting on exit. */
int shell_run_line(struct shell *sh, const char *line, size_t len);
/* Run a script or transcript file's statements. Returns the exit status. */
int shell_run_file(struct shell *sh, const char *path, FILE *f);

/* Turn the system call trace on or off. */
void shell_set_trace(struct shell *sh, bool on);

#endif
