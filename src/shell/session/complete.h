/* complete.h - Tab completion that knows the grammar. */
#ifndef SOCKSHELL_COMPLETE_H
#define SOCKSHELL_COMPLETE_H

#include <stddef.h>

struct shell;

/* Where a completed word starts: after one of these. Not '.', so "s.re"
 * is completed whole and its methods found; '|' is, so the flag after it
 * is completed alone. */
#define COMPLETE_BREAKS " \t\n;(,=[+*|"

void complete_init(struct shell *sh);
/* Readline's attempted-completion hook (also libedit's). */
char **complete_attempt(const char *text, int start, int end);
/* The candidates for TEXT, the word ending at END in LINE, each the whole
 * word (for tests): a sorted NULL-terminated malloc'd array of malloc'd
 * strings, or NULL when there is none. */
char **complete_candidates(const char *line, size_t end, const char *text);
/* Where the word ending at END starts (after a COMPLETE_BREAKS char). */
size_t complete_word_start(const char *line, size_t end);

#endif
