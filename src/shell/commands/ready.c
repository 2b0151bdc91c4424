/* ready.c - `ready` and `watch`: readiness as poll(2) reports it, with
 * the reason UNP section 6.3 gives, and arrivals shown at the prompt. */
#include <errno.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/ready.h"
#include "../../core/sock.h"
#include "../session/table.h"
#include "../session/watch.h"
#include "common.h"

static bool is_tcp(const struct sockobj *s)
{
	return (s->family == AF_INET || s->family == AF_INET6) &&
	       s->type == SOCK_STREAM;
}

static void add_reason(struct strbuf *b, const char *text)
{
	if (b->len)
		sb_adds(b, "; ");
	sb_adds(b, text);
}

static void listen_reason(struct strbuf *b, const struct sk_readiness *r)
{
	char text[160];
	if (!(r->revents & POLLIN))
		add_reason(b, _("not readable: no connection waits (accept would block)"));
	else if (r->waiting > 1) {
		snprintf(text, sizeof text,
		         _("readable: %d connections wait (accept will not block)"),
		         r->waiting);
		add_reason(b, text);
	} else
		add_reason(b, _("readable: a connection waits (accept will not block)"));
}

static void read_reason(struct strbuf *b, const struct sockobj *s,
                        const struct sk_readiness *r)
{
	char text[160];
	bool dgram = s->type == SOCK_DGRAM;
	if (!(r->revents & POLLIN) || (r->revents & POLLERR)) {
		if (!(r->revents & (POLLHUP | POLLERR)))
			add_reason(b, _("not readable: recv would block"));
		return;
	}
	if (r->inq > 0) {
		snprintf(text, sizeof text,
		         dgram ? _("readable: a %d-byte datagram queued")
		               : _("readable: %d bytes queued"), r->inq);
		add_reason(b, text);
	} else if (dgram)
		add_reason(b, _("readable: an empty datagram queued"));
	if (watch_fin(s, r))
		add_reason(b, r->inq > 0
		                  ? _("then FIN: recv returns b'' after them")
		                  : _("readable: FIN received, recv will return b''"));
}

/* States in which this side has sent its FIN. */
static bool wrote_fin(int st)
{
	return st == TCP_FIN_WAIT1 || st == TCP_FIN_WAIT2 || st == TCP_CLOSING ||
	       st == TCP_TIME_WAIT || st == TCP_LAST_ACK;
}

/* A non-blocking connect that failed, its error read already. */
static bool failed_connect(const struct sockobj *s,
                           const struct sk_readiness *r)
{
	return s->connecting && r->tcp_state == TCP_CLOSE;
}

static void write_reason(struct strbuf *b, const struct sockobj *s,
                         const struct sk_readiness *r)
{
	if (r->revents & POLLERR || failed_connect(s, r))
		return;
	if (!(r->revents & POLLOUT)) {
		add_reason(b, s->connecting ? _("not writable: connect under way (SYN_SENT)")
		                            : _("not writable: the send buffer is full"));
		return;
	}
	if (s->connecting)
		add_reason(b, _("writable: non-blocking connect finished, read SO_ERROR"));
	else if (wrote_fin(r->tcp_state))
		add_reason(b, _("writable: this side shut down, send raises EPIPE"));
	else if (!(r->revents & POLLHUP))
		add_reason(b, _("writable: room in the send buffer"));
}

static void error_reason(struct strbuf *b, const struct sockobj *s,
                         const struct sk_readiness *r)
{
	if (!(r->revents & POLLERR))
		return;
	/* Reading SO_ERROR clears it, so `ready` names where it is instead. */
	add_reason(b, s->connecting
	                  ? _("error pending: the non-blocking connect failed; "
	                      "getsockopt SO_ERROR says why (and clears it)")
	                  : _("error pending: getsockopt SO_ERROR or the next "
	                      "call reports it (and clears it)"));
}

static void hup_reason(struct strbuf *b, const struct sockobj *s,
                       const struct sk_readiness *r)
{
	if (!(r->revents & POLLHUP))
		return;
	if (r->revents & POLLERR)
		add_reason(b, _("hang-up: the connection is gone"));
	else if (failed_connect(s, r))
		add_reason(b, _("hang-up: the connect failed; not connected"));
	else if (watch_fin(s, r))
		add_reason(b, _("hang-up: both directions are shut down"));
	else
		add_reason(b, _("hang-up: not connected"));
}

static const char *yes_no(short revents, short bit)
{
	return revents & bit ? _("yes") : _("no");
}

struct ready_walk {
	struct table t;
	const struct value *only; /* NULL: every socket */
	int err;
};

static void ready_row(void *ctx, const char *name, const struct value *v)
{
	struct ready_walk *w = ctx;
	const struct sockobj *s = &v->u.sock;
	if ((w->only && v != w->only) || s->fd < 0)
		return;
	struct sk_readiness r;
	int e = sk_readiness(s->fd, is_tcp(s), &r);
	if (e) {
		w->err = e;
		return;
	}
	char fd[16];
	snprintf(fd, sizeof fd, "%d", s->fd);
	struct strbuf why = {0};
	if (r.listening)
		listen_reason(&why, &r);
	else
		read_reason(&why, s, &r);
	if (!r.listening)
		write_reason(&why, s, &r);
	error_reason(&why, s, &r);
	hup_reason(&why, s, &r);
	table_row(&w->t, name, fd, yes_no(r.revents, POLLIN),
	          yes_no(r.revents, POLLOUT), yes_no(r.revents, POLLERR),
	          yes_no(r.revents, POLLHUP), why.p ? why.p : "");
	sb_free(&why);
}

static enum cmd_status do_ready(struct cmd_call *c)
{
	struct ready_walk w = {.only = c->argv[0]};
	if (w.only && w.only->u.sock.fd < 0)
		return cmd_errno(c, EBADF);
	/* TRANSLATORS: the headers of the table `ready` prints. */
	table_init(&w.t, 7, _("name"), _("fd"), _("readable"), _("writable"),
	           _("error"), _("hang-up"), _("why"));
	walk_sockets(c->sh, ready_row, &w);
	if (w.only && w.t.nrows == 0)
		ready_row(&w, "-", w.only);
	if (w.err) {
		table_free(&w.t);
		return cmd_errno(c, w.err);
	}
	if (w.t.nrows == 0)
		out_printf(_("no sockets\n"));
	else
		table_print(&w.t);
	table_free(&w.t);
	return CMD_OK;
}

static enum cmd_status watch_list(void)
{
	char *names = watch_names();
	if (*names)
		out_printf(_("watching: %s\n"), names);
	else
		out_printf(_("nothing is watched\n"));
	free(names);
	return CMD_OK;
}

static enum cmd_status do_watch(struct cmd_call *c)
{
	if (c->nrest == 0)
		return watch_list();
	if (c->nrest == 1 && !strcmp(c->restsrc[0], "off")) {
		watch_off();
		return CMD_OK;
	}
	for (size_t i = 0; i < c->nrest; i++)
		if (!watch_add(c->sh, c->restsrc[i]))
			return cmd_fail(c, _("'%s' is not a variable holding an open socket"),
			                c->restsrc[i]);
	return CMD_OK;
}

const struct cmd_entry cmd_ready_table[] = {
	{.name = "ready", .group = "shell", .params = {{"socket", P_SOCK, PF_OPT}},
	 .exec = do_ready, .usage = "[SOCK]",
	 .summary = N_("is each socket readable, writable, in error, hung up, "
	               "and why; nothing is read"),
	 .notes = N_("From poll with a zero timeout, FIONREAD and TCP_INFO. "
	             "The reasons are UNP's (section 6.3):\n"
	             "  readable   bytes queued; FIN received (recv returns "
	             "b''); a connection waits (accept will not block)\n"
	             "  writable   room in the send buffer; a non-blocking "
	             "connect finished (read SO_ERROR)\n"
	             "  error      an error is pending: SO_ERROR holds it until "
	             "read\n"
	             "  hang-up    not connected, or both directions shut down"),
	 .python = "select.select([s], [s], [s], 0)", .c_call = "poll(2), ioctl(2) FIONREAD",
	 .errors = N_("EBADF: the socket is closed\n"),
	 .example = "ready c"},
	{.name = "watch", .group = "shell", .params = {{"name", P_RAW, PF_REST}},
	 .exec = do_watch, .usage = "[NAME...] | off",
	 .summary = N_("while the prompt waits, print arrivals, FIN, resets and "
	               "waiting connections on these sockets"),
	 .notes = N_("One line above the prompt for each event, once; the typed "
	             "line stays. Data is peeked (MSG_PEEK): recv still gets it.\n"
	             "  [c] 5 bytes arrived: b'hello'\n"
	             "  [c] peer closed (FIN): recv will return b''\n"
	             "  [c] reset by peer (ECONNRESET)\n"
	             "  [srv] a connection is waiting\n"
	             "  [u] datagram from ('127.0.0.1', 40000): b'hi'\n"
	             "Without NAME, the names watched; `watch off` stops. A "
	             "recording keeps these lines as # comments."),
	 .python = N_("(none: a loop over select.poll)"),
	 .c_call = "ppoll(2) on stdin and the sockets, recv(2) MSG_PEEK",
	 .errors = N_("NAME is not a variable holding an open socket\n"),
	 .example = "watch conn srv"},
	{.name = NULL},
};
