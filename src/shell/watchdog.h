/* watchdog.h - SOCKSHELL_STMT_TIMEOUT for scripts and -c: a statement
 * that runs longer fails the shell instead of hanging it (and the test
 * that started it). */
#ifndef SOCKSHELL_WATCHDOG_H
#define SOCKSHELL_WATCHDOG_H

#include <stdbool.h>

/* Status of a shell whose statement timed out, as timeout(1)'s. */
#define WATCHDOG_STATUS 124

/* Read SOCKSHELL_STMT_TIMEOUT (seconds, > 0): without it, or invalid, the
 * watchdog stays off (returns false) and arm/disarm do nothing. On, it
 * takes SIGALRM and the real-time timer from the first statement: the
 * waiting notice (waiting.c) must stay off meanwhile. */
bool watchdog_init(void);
/* Bracket one top-level statement (nested ones run under their parent's
 * watch). Past the limit the blocking call is interrupted; a statement
 * that still runs a second later ends the process with WATCHDOG_STATUS.
 * disarm returns the limit in seconds when it ran out, else 0. */
void watchdog_arm(void);
double watchdog_disarm(void);
/* No limit from now on: the interactive prompt, where a person waits
 * (and the waiting notice may take SIGALRM back). */
void watchdog_stop(void);

#endif
