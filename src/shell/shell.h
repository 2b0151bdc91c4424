/* shell.h - the interpreter's state and its entry points. */
#ifndef SOCKSHELL_SHELL_H
#define SOCKSHELL_SHELL_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include "handles.h"
#include "output.h"
#include "parsecache.h"
#include "strbuf.h"
#include "value.h"

struct shell {
	struct vartab vars;
	struct value *last; /* _ */
	bool trace, xtrace, errexit, interactive;
	struct output out; /* the writer: capture, tee, colour, flushing */
	const char *file; /* script being run, for FILE:LINE: */
	int line;
	double default_timeout; /* < 0: None */
	FILE *record;
	char *record_path;
	bool record_switched; /* the statement running opened or closed one */
	int last_errno;
	int exit_code;
	int last_status; /* of the last statement: exit without N uses it */
	bool exiting;
	bool interrupted; /* a Ctrl-C stopped the statement running */
	int source_depth;
	char *err; /* the pending error, "CALL: cause" */
	bool err_reported; /* the failure was printed already */
	bool no_syscalls; /* for fuzzing: refuse every call that reaches the kernel */
	struct parsecache parsed; /* lines parsed already */
};

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
