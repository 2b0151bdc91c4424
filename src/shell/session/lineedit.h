/* lineedit.h - the line editor behind three small wrappers: GNU Readline,
 * libedit, or a plain reader when neither was built in (or stdin is not a
 * terminal). All three keep the same history file and answer Ctrl-C,
 * Ctrl-D and SIGTERM the same way. */
#ifndef SOCKSHELL_LINEEDIT_H
#define SOCKSHELL_LINEEDIT_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

struct shell;

/* Set by the signal handlers in main.c, acted on between keys: SIGINT
 * abandons the line, SIGWINCH resizes it, SIGTERM or SIGHUP (the number
 * is kept) ends the input as Ctrl-D does. */
extern volatile sig_atomic_t le_sigint, le_sigwinch, le_sigterm;

/* Set up editing, completion against SH, and history from HISTFILE (may
 * be NULL: no history file). */
void le_init(struct shell *sh, const char *histfile);
/* One line without its newline, malloc'd; NULL at end of input or when
 * le_sigterm is set. PROMPT may hold Readline's \001...\002 markers
 * around escape sequences. */
char *le_readline(const char *prompt);
/* Remember LINE in the history (not blank ones, not the same twice in a
 * row). */
void le_add_history(const char *line);
/* Write the history back (atomically) and free everything. */
void le_finish(void);
/* Sockets polled with the terminal while a line is read (`watch`). FDS
 * fills up to MAX entries and sets *TIMEOUT_MS (-1: none) after which
 * CHECK runs anyway; CHECK runs when the prompt appears, when one of the
 * descriptors is ready and after the timeout, and prints what it found
 * between le_hide and le_show. */
struct pollfd;
struct le_watcher {
	size_t (*fds)(struct pollfd *p, size_t max, int *timeout_ms);
	void (*check)(void);
};
/* W stays in use until removed; `watch` and the wire lab's capture each
 * add one. Adding one twice keeps it once. */
void le_add_watcher(const struct le_watcher *w);
void le_remove_watcher(const struct le_watcher *w);
/* Take the prompt and the typed line off the screen, so a line can be
 * printed in their place; le_show puts them back, cursor where it was. */
void le_hide(void);
void le_show(void);
/* "readline", "libedit" or "plain": the editor built in. */
const char *le_name(void);

#endif
