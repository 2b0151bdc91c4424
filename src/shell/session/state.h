/* state.h - what the interpreter holds between statements (struct shell),
 * and its error line. Modules below the runner (shell.c) include this,
 * not shell.h: the runner calls them, so their including it back would
 * make an include circle (tests/include-cycles.sh). */
#ifndef SOCKSHELL_STATE_H
#define SOCKSHELL_STATE_H

#include <stdbool.h>
#include <stdio.h>
#include "vars.h"
#include "output.h"
#include "../lang/parsecache.h"
#include "../strbuf.h"
#include "../lang/value.h"

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
	/* Caret errors: on a terminal the line typed is on the screen just
	 * above its error, so the error points into it (shell_error). */
	int caret_col;           /* the line's column after the prompt; 0: none */
	const char *src;         /* the line running, which node spans index */
	size_t err_from, err_to; /* the span the pending error is about */
};

/* Print "error: MSG" with the FILE:LINE: prefix in scripts; on a terminal
 * (caret_col), a caret line under the span the error is about. */
void shell_error(struct shell *sh, const char *msg);
/* The pending error is about [FROM, TO) of the line running, unless an
 * inner part of it was named already. */
void shell_error_at(struct shell *sh, size_t from, size_t to);

#endif
