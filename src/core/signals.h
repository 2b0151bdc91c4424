/* signals.h - signal handlers and the one interval timer. SIGALRM serves
 * three clocks, one at a time: --check's statement deadline (child.c), the
 * watchdog of SOCKSHELL_STMT_TIMEOUT and the terminal's "waiting" notice;
 * SIGINT, SIGTERM and SIGWINCH are the shell's. Never prints. */
#ifndef SOCKSHELL_SIGNALS_H
#define SOCKSHELL_SIGNALS_H

/* FN for SIG (SIG_DFL, SIG_IGN too), with sigaction FLAGS: SA_RESTART when
 * the interrupted call should go on, 0 when it must come back with EINTR. */
void sig_handle(int sig, void (*fn)(int), int flags);

/* SIGALRM once, SECONDS from now (ITIMER_REAL); 0 disarms it. */
void sig_alarm(double seconds);

#endif
