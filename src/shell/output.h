/* output.h - the one writer: all output goes through here so tests and
 * transcripts can capture it and recordings copy it. */
#ifndef SOCKSHELL_OUTPUT_H
#define SOCKSHELL_OUTPUT_H

#include <stddef.h>
#include "strbuf.h"

struct shell;

/* All output goes through here so tests and transcripts can capture it. */
void out_write(const char *p, size_t n);
/* Hand what was written to the terminal, pipe or file now. */
void out_flush(void);
void out_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Send output to B instead of stdout until out_capture(NULL). */
void out_capture(struct strbuf *b);
/* Also copy all output to B (a recording) until out_tee(NULL). */
void out_tee(struct strbuf *b);
/* Print "error: MSG" with the FILE:LINE: prefix in scripts. */
void shell_error(struct shell *sh, const char *msg);

#endif
