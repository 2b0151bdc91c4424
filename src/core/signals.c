/* signals.c - sigaction for the shell's handlers. */
#include "signals.h"

#include <signal.h>

void sig_handle(int sig, void (*fn)(int), int flags)
{
	struct sigaction sa = {.sa_handler = fn, .sa_flags = flags};
	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}
