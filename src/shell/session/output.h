/* output.h - the one writer: all output goes through here so tests and
 * transcripts can capture it and recordings copy it. */
#ifndef SOCKSHELL_OUTPUT_H
#define SOCKSHELL_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "../strbuf.h"

/* A writer's state, held in struct shell (as SQLite's shell holds its
 * ShellState.out): where the output goes, what copies it, how it looks. */
struct output {
	FILE *to;               /* NULL: stdout */
	struct strbuf *capture; /* instead of TO: --check, the tests */
	struct strbuf *tee;     /* a copy: the statement being recorded */
	bool color;             /* an error's "error:" in red on the screen */
	bool unflushed;         /* written to TO since the last out_flush */
	struct output *outer;   /* the writer in use before this one */
};

/* Make O the writer the out_* functions use (its OUTER the one in use
 * until now), or give back its OUTER when O is in use. A shell does this
 * in shell_init and shell_free; before any shell, out_* write to stdout. */
void out_push(struct output *o);
void out_pop(struct output *o);

/* The out_* functions write through the writer in use: callers
 * everywhere print without a shell at hand. */
void out_write(const char *p, size_t n);
/* Hand what was written to the terminal, pipe or file now. */
void out_flush(void);
void out_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Send output to B instead of stdout until out_capture(NULL). */
void out_capture(struct strbuf *b);
/* Also copy all output to B (a recording) until out_tee(NULL). */
void out_tee(struct strbuf *b);
/* Text for the screen only, which the recording does not copy (the caret
 * under a line typed: the replay has no terminal to show it on). */
void out_write_screen(const char *p, size_t n);
/* Write the error line LINE (LEN bytes, "error:" at AT) in colour when
 * the writer has it; the tee gets it plain. */
void out_error_line(const char *line, size_t len, size_t at);

#endif
