/* watchdog.c - a per-statement time limit outside --check (which has its
 * own in core/child.c), so a test script that runs the shell fails on a
 * statement that blocks instead of hanging make check. Off unless
 * SOCKSHELL_STMT_TIMEOUT is set. */
#include "watchdog.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/signals.h"
#include "../core/sock.h"

/* A statement that ignores the interruption (a loop in the shell itself)
 * gets this long before the process ends. */
#define GRACE_SECONDS 1.0

static double limit; /* 0: off */
static int depth;
static volatile sig_atomic_t fired;

static void on_alarm(int sig)
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
	sig_alarm(GRACE_SECONDS);
}

bool watchdog_init(void)
{
	const char *s = getenv("SOCKSHELL_STMT_TIMEOUT");
	if (!s || !*s)
		return false;
	char *end;
	double t = strtod(s, &end);
	if (*end || !(t > 0 && t <= 86400))
		return false;
	limit = t;
	return true;
}

void watchdog_arm(void)
{
	static bool handling;
	if (limit > 0 && !handling) {
		/* No SA_RESTART: the blocking call must come back with EINTR.
		 * Taken at the first statement, after waiting.c let SIGALRM go. */
		sig_handle(SIGALRM, on_alarm, 0);
		handling = true;
	}
	if (limit > 0 && depth++ == 0) {
		fired = 0;
		sig_alarm(limit);
	}
}

double watchdog_disarm(void)
{
	if (limit <= 0 || --depth > 0)
		return 0;
	sig_alarm(0);
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
