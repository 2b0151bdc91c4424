/* waiting.h - what the shell does around a call that may block: flush
 * its output, and on a terminal say that the call waits. */
#ifndef SOCKSHELL_WAITING_H
#define SOCKSHELL_WAITING_H

#include <stdbool.h>

struct shell;

/* Hook the shell SH into the core's calls that may block. */
void waiting_init(struct shell *sh);
/* On a terminal: "  accept(3, ...) waiting; Ctrl-C stops it" (dim when
 * COLORED) once a call has waited half a second. */
void waiting_notice(bool on, bool colored);

#endif
