/* child.h - a function run in a forked child process that is killed past
 * a time limit, and a deadline for each statement inside it: how --check
 * replays each transcript with a fresh shell, so no socket or variable
 * leaks from one file to the next and a file that hangs stops only itself.
 * Never prints. */
#ifndef SOCKSHELL_CHILD_H
#define SOCKSHELL_CHILD_H

#include <stdbool.h>

enum child_end {
	CHILD_EXITED,    /* code: its exit status */
	CHILD_SIGNALLED, /* code: the signal that killed it */
	CHILD_TIMED_OUT, /* killed past the time limit */
	CHILD_LOST       /* waitpid failed */
};

struct child_status {
	enum child_end end;
	int code;
};

/* Run FN(CTX) in a child whose exit status is what FN returns (FN flushes
 * what it wrote); wait at most TIMEOUT seconds, then kill it. Returns 0
 * with *ST filled, or an errno value (of fork; EPERM while the core
 * refuses system calls). */
int child_run(int (*fn)(void *ctx), void *ctx, int timeout,
              struct child_status *st);

/* Arm the statement deadline: past SECONDS a blocking call is interrupted
 * (sk_interrupted) and child_deadline_passed() turns true; 0 disarms it
 * and leaves child_deadline_passed() as it was. */
void child_deadline(double seconds);
bool child_deadline_passed(void);

#endif
