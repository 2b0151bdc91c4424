/* complete.h - Tab completion that knows the grammar. */
#ifndef SOCKSHELL_COMPLETE_H
#define SOCKSHELL_COMPLETE_H

#include <stddef.h>

struct shell;

void complete_init(struct shell *sh);
/* Readline's attempted-completion hook. */
char **complete_attempt(const char *text, int start, int end);
/* The candidates for the word ending at END in LINE (for tests):
 * a NULL-terminated malloc'd array of malloc'd strings. */
char **complete_candidates(const char *line, size_t end, const char *text);

#endif
