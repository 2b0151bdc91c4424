/* fuzz_eval.c - libFuzzer harness: whole statements, one per input line,
 * run by a fresh shell that makes no system calls (sh.no_syscalls: the
 * core layer answers EPERM, resolvers and files are refused). Output is
 * captured and thrown away. A statement that runs long (repeat with a
 * huge count) is stopped the way Ctrl-C stops it, after a CPU budget. */
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/time.h>

#include "core/sock.h"
#include "shell/session/shell.h"

static void on_budget(int sig)
{
	(void)sig;
	sk_interrupted = 1;
}

/* SIGVTALRM counts CPU time and leaves SIGALRM to libFuzzer's -timeout. */
static void start_budget(void)
{
	static bool installed;
	if (!installed) {
		struct sigaction sa = {.sa_handler = on_budget};
		sigemptyset(&sa.sa_mask);
		sa.sa_flags = SA_RESTART;
		sigaction(SIGVTALRM, &sa, NULL);
		installed = true;
	}
	struct itimerval it = {.it_value = {0, 300 * 1000}};
	setitimer(ITIMER_VIRTUAL, &it, NULL);
}

static void stop_budget(void)
{
	struct itimerval it = {{0, 0}, {0, 0}};
	setitimer(ITIMER_VIRTUAL, &it, NULL);
	sk_interrupted = 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size;
	struct shell sh;
	shell_init(&sh);
	sh.no_syscalls = true;
	struct strbuf out = {0};
	out_capture(&out);
	start_budget();
	while (p < end && !sh.exiting) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		sh.line++;
		shell_run_line(&sh, p, n);
		p += n + (nl ? 1 : 0);
		/* Keep the captured output from growing without bound. */
		out.len = 0;
	}
	stop_budget();
	out_capture(NULL);
	sb_free(&out);
	shell_set_trace(&sh, false);
	shell_free(&sh);
	return 0;
}
