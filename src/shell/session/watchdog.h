/* watchdog.h - SOCKSHELL_STMT_TIMEOUT for scripts and -c: a statement
 * that runs longer fails the shell instead of hanging it (and the test
 * that started it). */
#ifndef SOCKSHELL_WATCHDOG_H
#define SOCKSHELL_WATCHDOG_H

#include <stdbool.h>

/* Status of a shell whose statement timed out, as timeout(1)'s. */
#define WATCHDOG_STATUS 124

/* Read SOCKSHELL_STMT_TIMEOUT (seconds, > 0): without it, or invalid, the
 * watchdog stays off and arm/disarm do nothing. On, it takes SIGRTMIN and
 * a timer of its own, so the waiting notice (SIGALRM, waiting.c) still
 * says when a call waits. */
void watchdog_init(void);
/* SOCKSHELL_STMT_TIMEOUT in seconds, or 0 when unset or not a number of
 * seconds in (0, 86400]; --check (check.c) reads its limit here too. */
double watchdog_env_limit(void);
/* Bracket one top-level statement (nested ones run under their parent's
 * watch). Past the limit the blocking call is interrupted; a statement
 * that still runs a second later ends the process with WATCHDOG_STATUS.
 * disarm returns the limit in seconds when it ran out, else 0. */
void watchdog_arm(void);
double watchdog_disarm(void);
/* No limit from now on: the interactive prompt, where a person waits. */
void watchdog_stop(void);

#endif
