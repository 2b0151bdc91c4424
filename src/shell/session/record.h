/* record.h - the session written as a transcript (record FILE, --record
 * FILE), one statement at a time. */
#ifndef SOCKSHELL_RECORD_H
#define SOCKSHELL_RECORD_H

#include <stddef.h>
#include <stdio.h>
#include "../strbuf.h"

struct shell;

/* Record the session from now on in PATH, opened with fopen MODE ("wx"
 * makes a new file, "w" replaces, "a" appends), ending any recording
 * before. Returns 0, or -1 with *CAUSE (malloc'd) saying why, the file
 * being left alone: it exists, cannot be opened, or the shell makes no
 * system calls (the fuzzers' mode). */
int record_open(struct shell *sh, const char *path, const char *mode,
                char **cause);
void record_close(struct shell *sh);

/* Bracket one statement: record_begin starts copying the output to OUT
 * and returns the recording (NULL when there is none); record_stmt then
 * writes statement TEXT (LEN bytes) with it and frees OUT. */
FILE *record_begin(struct shell *sh, struct strbuf *out);
void record_stmt(struct shell *sh, FILE *rec, struct strbuf *out,
                 const char *text, size_t len);

/* Lines printed outside a statement (a watched socket's arrivals), kept
 * in the recording as prose, "# " before each line of TEXT, so that it
 * still replays. */
void record_note(struct shell *sh, const char *text);

/* LINE gives a line (with its newline) that a new recording starts with,
 * or NULL: the wire lab's "# wire", which the replay needs. The module
 * that knows the line sets it (NULL: none), so this one need not know
 * that module. */
void record_set_header(const char *(*line)(void));

/* Lines printed after a statement had run (the wire's late frames, above
 * the prompt) go into the recording as more of its output. B holds
 * whole lines. */
void record_more(struct shell *sh, const struct strbuf *b);

/* The word after TAG on a header line before the first prompt ("" for
 * TAG alone), copied into BUF (N bytes); NULL when there is none. */
const char *record_header(const char *text, size_t len, const char *tag,
                          char *buf, size_t n);

/* The locale a recording notes on a "# locale: NAME" line before its
 * first prompt, copied into BUF (N bytes); NULL when there is none. */
const char *record_locale(const char *text, size_t len, char *buf, size_t n);

#endif
