/* signals.c - sigaction and setitimer for the shell's handlers and
 * clocks. */
#include "signals.h"

#include <signal.h>
#include <sys/time.h>
#include <time.h>

void sig_handle(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa = {.sa_handler = fn, .sa_flags = flags};
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

void sig_alarm(double seconds)
{
	struct itimerval it = {{0, 0}, {0, 0}};
	it.it_value.tv_sec = (time_t)seconds;
	it.it_value.tv_usec =
		(suseconds_t)((seconds - (double)(time_t)seconds) * 1e6);
	setitimer(ITIMER_REAL, &it, NULL);
}
