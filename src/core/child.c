/* child.c - fork, wait with a time limit, and a statement deadline by
 * SIGALRM, for --check's replay. */
#include "child.h"

#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "signals.h"
#include "sock.h"
#include "timer.h"

/* Wait for PID at most TIMEOUT seconds; kill it past that. */
static void wait_child(pid_t pid, int timeout, struct child_status *st)
{
	time_t end = time(NULL) + timeout;
	int status;
	for (;;) {
		pid_t r = waitpid(pid, &status, WNOHANG);
		if (r == pid)
			break;
		if (r < 0 && errno != EINTR) {
			*st = (struct child_status){CHILD_LOST, errno};
			return;
		}
		if (time(NULL) > end) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			*st = (struct child_status){CHILD_TIMED_OUT, timeout};
			return;
		}
		struct timespec ts = {0, 10 * 1000 * 1000};
		nanosleep(&ts, NULL);
	}
	if (WIFEXITED(status))
		*st = (struct child_status){CHILD_EXITED, WEXITSTATUS(status)};
	else
		*st = (struct child_status){CHILD_SIGNALLED, WTERMSIG(status)};
}

int child_run(int (*fn)(void *ctx), void *ctx, int timeout,
              struct child_status *st)
{
	if (sk_forbidden())
		return EPERM;
	pid_t pid = fork();
	if (pid < 0)
		return errno;
	if (pid == 0)
		_exit(fn(ctx));
	wait_child(pid, timeout, st);
	return 0;
}

static volatile sig_atomic_t deadline_passed;

static void on_alarm(int sig)
{
	(void)sig;
	sk_interrupted = 1;
	deadline_passed = 1;
}

void child_deadline(double seconds)
{
	if (seconds > 0) {
		sig_handle(SIGALRM, on_alarm, 0);
		deadline_passed = 0;
	}
	sk_alarm(seconds);
}

bool child_deadline_passed(void)
{
	return deadline_passed != 0;
}
