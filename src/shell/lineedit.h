/* lineedit.h - the line editor behind three small wrappers: GNU Readline,
 * libedit, or a plain reader when neither was built in. */
#ifndef SOCKSHELL_LINEEDIT_H
#define SOCKSHELL_LINEEDIT_H

#include <stdbool.h>

struct shell;

/* Set up editing, completion against SH, and history from HISTFILE (may
 * be NULL). */
void le_init(struct shell *sh, const char *histfile);
/* One line without its newline, malloc'd; NULL at end of input. */
char *le_readline(const char *prompt);
/* Remember LINE in the history (not empty ones, not repeats). */
void le_add_history(const char *line);
/* Write the history back. */
void le_finish(void);
/* "readline", "libedit" or "plain". */
const char *le_name(void);

#endif
