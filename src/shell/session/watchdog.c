/* watchdog.c - a per-statement time limit outside --check (which has its
 * own in core/child.c), so a test script that runs the shell fails on a
 * statement that blocks instead of hanging make check. Off unless
 * SOCKSHELL_STMT_TIMEOUT is set. It times with a POSIX timer and the
 * signal SIGRTMIN, not SIGALRM: the waiting notice (waiting.c) has the
 * real-time itimer, and a statement under the limit on a terminal gets
 * both. */
#include "watchdog.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../../core/signals.h"
#include "../../core/sock.h"
#include "../../core/timer.h"

/* A statement that ignores the interruption (a loop in the shell itself)
 * gets this long before the process ends. */
#define GRACE_SECONDS 1.0

static double limit; /* 0: off */
static int depth;
static volatile sig_atomic_t fired;
static timer_t timer;

static void on_expiry(int sig)
{
	(void)sig;
	if (fired) {
		static const char msg[] = "sockshell: statement still running after "
		                          "SOCKSHELL_STMT_TIMEOUT: killed\n";
		ssize_t r = write(STDERR_FILENO, msg, sizeof msg - 1);
		(void)r;
		_exit(WATCHDOG_STATUS);
	}
	fired = 1;
	sk_interrupted = 1;
	sk_timer_start(timer, GRACE_SECONDS);
}

double watchdog_env_limit(void)
{
	const char *s = getenv("SOCKSHELL_STMT_TIMEOUT");
	if (!s || !*s)
		return 0;
	char *end;
	double t = strtod(s, &end);
	return *end || !(t > 0 && t <= 86400) ? 0 : t;
}

void watchdog_init(void)
{
	double t = watchdog_env_limit();
	if (!t || sk_timer_open(SIGRTMIN, &timer))
		return;
	/* No SA_RESTART: the blocking call must come back with EINTR. */
	sig_handle(SIGRTMIN, on_expiry, 0);
	limit = t;
}

void watchdog_arm(void)
{
	if (limit > 0 && depth++ == 0) {
		fired = 0;
		sk_timer_start(timer, limit);
	}
}

double watchdog_disarm(void)
{
	if (limit <= 0 || --depth > 0)
		return 0;
	sk_timer_start(timer, 0);
	if (!fired)
		return 0;
	sk_interrupted = 0;
	return limit;
}

void watchdog_stop(void)
{
	limit = 0;
	depth = 0;
}
