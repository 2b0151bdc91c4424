/* timer.h - one-shot timers that raise a signal, for the shell's two
 * clocks on a statement: the waiting notice (SIGALRM, the real-time
 * itimer) and the SOCKSHELL_STMT_TIMEOUT watchdog (its own POSIX timer
 * and signal), so that neither stops the other. */
#ifndef SOCKSHELL_TIMER_H
#define SOCKSHELL_TIMER_H

#include <time.h>

/* SIGALRM after SECONDS of real time (ITIMER_REAL); 0 cancels it. */
void sk_alarm(double seconds);

/* A timer of its own on CLOCK_MONOTONIC that raises SIG when it runs
 * out. Returns 0 or an errno value (EAGAIN: the process has too many). */
int sk_timer_open(int sig, timer_t *t);
/* Start T to run out once, SECONDS from now; 0 stops it. */
void sk_timer_start(timer_t t, double seconds);

#endif
