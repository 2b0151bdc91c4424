/* transcript.h - reading transcripts, matching output against them, and
 * the unified diff shown when they differ. Pure text: no I/O. */
#ifndef SOCKSHELL_TRANSCRIPT_H
#define SOCKSHELL_TRANSCRIPT_H

#include <stdbool.h>
#include <stddef.h>

#define TRANSCRIPT_PROMPT "sock> "

struct tr_case {
	char *stmt;      /* the text after the prompt, without newline */
	int line;        /* 1-based line number of the prompt line */
	char **expected; /* expected output lines, <BLANKLINE> already "" */
	size_t nexpected;
};

struct transcript {
	struct tr_case *cases;
	size_t ncases;
	char **lines; /* the whole file, split into lines (no newlines) */
	size_t nlines;
};

/* Parse TEXT (LEN bytes, may hold NULs and CRLF). Returns 0, or -1 when
 * out of memory. */
int transcript_parse(const char *text, size_t len, struct transcript *out);
void transcript_free(struct transcript *t);

/* Does ACTUAL match EXPECTED? In an expected line "..." matches any text;
 * a line that is only "..." matches any number of lines. */
bool transcript_match(char *const *expected, size_t ne, char *const *actual,
                      size_t na);

/* A unified diff (---/+++ headers with the labels, @@ hunks, 3 lines of
 * context) from A to B, malloc'd; "" when equal. */
char *unified_diff(const char *label_a, char *const *a, size_t na,
                   const char *label_b, char *const *b, size_t nb);

#endif
