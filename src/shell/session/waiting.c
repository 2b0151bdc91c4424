/* waiting.c - a call that may block: what was printed goes out first (a
 * script piped into tee shows it while the call waits), and on a
 * terminal a call still waiting after WAIT_NOTICE seconds says so, the
 * way strace shows <unfinished ...>: students took the silence for a
 * frozen shell. The line is written from a timer's signal handler while
 * the call sits in the kernel, so it is composed before the call. */
#include "waiting.h"

#include <math.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "../../core/signals.h"
#include "../../core/sock.h"
#include "../../core/i18n.h"
#include "../../core/timer.h"
#include "state.h"
#include "../strbuf.h"

#define WAIT_NOTICE 0.5 /* seconds without an answer before the notice */

static bool enabled, color;
static char notice[512];
static size_t notice_len;

static void on_alarm(int sig)
{
	(void)sig;
	int saved = errno;
	ssize_t r = write(STDOUT_FILENO, notice, notice_len);
	(void)r;
	errno = saved;
}

/* The trace line of the pending call, as strace shows one that has not
 * returned yet: the poll that waits when there is a timeout. */
static void unfinished(struct strbuf *b, const struct sk_block *w)
{
	if (w->fd < 0)
		sb_printf(b, "  %s(<unfinished ...>\n", w->syscall);
	else if (w->timeout > 0)
		sb_printf(b, "  poll([{fd=%d, events=%s}], 1, %.0f <unfinished ...>\n",
		          w->fd, w->writing ? "POLLOUT" : "POLLIN",
		          ceil(w->timeout * 1000));
	else
		sb_printf(b, "  %s(%d, <unfinished ...>\n", w->syscall, w->fd);
}

static void compose(const struct shell *sh, const struct sk_block *w)
{
	struct strbuf b = {0};
	if (sh->trace)
		unfinished(&b, w);
	sb_adds(&b, color ? "\033[2m  " : "  ");
	if (w->fd < 0)
		sb_printf(&b, "%s(...)", w->call);
	else
		sb_printf(&b, "%s(%d, ...)", w->call, w->fd);
	sb_printf(&b, " %s%s\n", _("waiting; Ctrl-C stops it"), color ? "\033[0m" : "");
	notice_len = b.len < sizeof notice ? b.len : sizeof notice;
	memcpy(notice, b.p, notice_len);
	sb_free(&b);
}

static void on_block(void *ctx, const struct sk_block *w, bool begins)
{
	if (!begins) {
		if (enabled)
			sk_alarm(0);
		return;
	}
	out_flush();
	if (!enabled || !w->call || (w->timeout > 0 && w->timeout <= WAIT_NOTICE))
		return;
	compose(ctx, w);
	sk_alarm(WAIT_NOTICE);
}

void waiting_init(struct shell *sh)
{
	sk_set_block_hook(on_block, sh);
}

void waiting_notice(bool on, bool colored)
{
	/* SA_RESTART: the call the notice interrupts goes on waiting. */
	sig_handle(SIGALRM, on ? on_alarm : SIG_DFL, SA_RESTART);
	enabled = on;
	color = colored;
}
