/* signals.h - the one way a signal handler is set: SIGALRM for --check's
 * statement deadline (child.c) and the terminal's waiting notice, SIGRTMIN
 * for the SOCKSHELL_STMT_TIMEOUT watchdog, SIGINT, SIGTERM, SIGHUP and
 * SIGWINCH for the shell. The timers are timer.h's. Never prints. */
#ifndef SOCKSHELL_SIGNALS_H
#define SOCKSHELL_SIGNALS_H

/* FN for SIG (SIG_DFL, SIG_IGN too), with sigaction FLAGS: SA_RESTART when
 * the interrupted call should go on, 0 when it must come back with EINTR. */
void sig_handle(int sig, void (*fn)(int), int flags);

#endif
