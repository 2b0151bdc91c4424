/* timer.c - one-shot timers that raise a signal. The real-time itimer
 * is one per process: a second user of SIGALRM would cancel the first,
 * so the watchdog takes a POSIX timer with a signal of its own. */
#include "timer.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <sys/time.h>

static struct timespec timespec_of(double seconds)
{
	double whole = floor(seconds);
	return (struct timespec){.tv_sec = (time_t)whole,
	                         .tv_nsec = (long)((seconds - whole) * 1e9)};
}

void sk_alarm(double seconds)
{
	struct timespec ts = timespec_of(seconds);
	struct itimerval it = {{0, 0}, {ts.tv_sec, (suseconds_t)(ts.tv_nsec / 1000)}};
	setitimer(ITIMER_REAL, &it, NULL);
}

int sk_timer_open(int sig, timer_t *t)
{
	struct sigevent ev = {.sigev_notify = SIGEV_SIGNAL, .sigev_signo = sig};
	return timer_create(CLOCK_MONOTONIC, &ev, t) ? errno : 0;
}

void sk_timer_start(timer_t t, double seconds)
{
	struct itimerspec its = {.it_value = timespec_of(seconds)};
	timer_settime(t, 0, &its, NULL);
}
