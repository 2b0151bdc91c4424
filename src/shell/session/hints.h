/* hints.h - the likely cause of a failed call, for the end of its error
 * line, computed from what the shell knows in one table (hints.c). */
#ifndef SOCKSHELL_HINTS_H
#define SOCKSHELL_HINTS_H

#include "../commands/cmd.h"

/* The cause of ERR from the call C (its arguments bound), malloc'd, or
 * NULL when the shell knows none. */
char *error_hint(const struct cmd_call *c, int err);

#endif
