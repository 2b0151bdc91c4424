/* poll.c - Python's select.poll and select.epoll objects: registrations
 * and waits as Python has them, in both forms (p.register(b, POLLIN) and
 * p.register b POLLIN). */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>

#include "../../core/errors.h"
#include "../../core/sock.h"
#include "../session/table.h"
#include "../session/trace.h"
#include "common.h"

#define EPOLL_MAXEVENTS 1023 /* Python's default: FD_SETSIZE - 1 */

#define POBJ(c) ((c)->argv[0]->u.poll)

/* The descriptor of a register() argument: an int, a socket, or a file
 * (which has fileno()), as Python's PyObject_AsFileDescriptor takes. */
static int fd_of(struct cmd_call *c, const struct value *v, int *fd)
{
	if (v->type == T_FILE)
		v = v->u.file->sock;
	if (v->type == T_SOCKET)
		*fd = v->u.sock.fd;
	else if (v_is_int(v))
		*fd = (int)v_int_of(v);
	else {
		cmd_fail(c, _("argument must be an int, or have a fileno() method."));
		return -1;
	}
	if (*fd < 0) {
		cmd_fail(c, _("file descriptor cannot be a negative integer (%d)"), *fd);
		return -1;
	}
	return 0;
}

static struct pollreg *find_reg(struct pollobj *p, int fd)
{
	for (size_t i = 0; i < p->nregs; i++)
		if (p->regs[i].fd == fd)
			return &p->regs[i];
	return NULL;
}

static void set_reg(struct pollobj *p, int fd, unsigned events)
{
	struct pollreg *r = find_reg(p, fd);
	if (!r) {
		p->regs = xgrow(p->regs, p->nregs, sizeof *p->regs);
		r = &p->regs[p->nregs++];
		r->fd = fd;
	}
	r->events = events;
}

static void drop_reg(struct pollobj *p, int fd)
{
	struct pollreg *r = find_reg(p, fd);
	if (r)
		*r = p->regs[--p->nregs];
}

static enum cmd_status closed_epoll(struct cmd_call *c)
{
	return cmd_fail(c, _("I/O operation on closed epoll object"));
}

static enum cmd_status do_poll_new(struct cmd_call *c)
{
	c->result = v_poll(false, -1);
	return CMD_OK;
}

static enum cmd_status do_epoll_new(struct cmd_call *c)
{
	int fd;
	int e = sk_epoll_create(&fd);
	if (e)
		return cmd_errno(c, e);
	c->result = v_poll(true, fd);
	return CMD_OK;
}

/* register and modify: OP is EPOLL_CTL_ADD or EPOLL_CTL_MOD. */
static enum cmd_status change(struct cmd_call *c, int op)
{
	struct pollobj *p = POBJ(c);
	int fd;
	if (fd_of(c, c->argv[1], &fd))
		return CMD_ERROR;
	unsigned dflt = p->epoll ? EPOLLIN | EPOLLPRI | EPOLLOUT
	                         : POLLIN | POLLPRI | POLLOUT;
	unsigned events = (unsigned)arg_int(c, 2, dflt);
	if (p->epoll) {
		if (p->epfd < 0)
			return closed_epoll(c);
		int e = sk_epoll_ctl(p->epfd, op, fd, events);
		if (e)
			return cmd_errno(c, e);
	} else if (op == EPOLL_CTL_MOD && !find_reg(p, fd))
		return cmd_errno(c, ENOENT);
	set_reg(p, fd, events);
	return CMD_OK;
}

static enum cmd_status do_register(struct cmd_call *c)
{
	return change(c, EPOLL_CTL_ADD);
}

static enum cmd_status do_modify(struct cmd_call *c)
{
	return change(c, EPOLL_CTL_MOD);
}

static enum cmd_status do_unregister(struct cmd_call *c)
{
	struct pollobj *p = POBJ(c);
	int fd;
	if (fd_of(c, c->argv[1], &fd))
		return CMD_ERROR;
	if (p->epoll) {
		if (p->epfd < 0)
			return closed_epoll(c);
		int e = sk_epoll_ctl(p->epfd, EPOLL_CTL_DEL, fd, 0);
		if (e)
			return cmd_errno(c, e);
	} else if (!find_reg(p, fd))
		return cmd_fail(c, "KeyError: %d", fd);
	drop_reg(p, fd);
	return CMD_OK;
}

static struct value *event_pair(int fd, unsigned events)
{
	return v_tuple(2, v_int(fd), v_int(events));
}

/* The wait's answer: the list of the N pairs in ITEMS (freed), or E. */
static enum cmd_status event_list(struct cmd_call *c, struct value **items,
                                  size_t n, int e)
{
	if (!e)
		c->result = v_seq(T_LIST, items, n);
	free(items);
	return e ? cmd_errno(c, e) : CMD_OK;
}

/* poll.poll([timeout]): milliseconds, None or negative for ever. */
static enum cmd_status poll_wait(struct cmd_call *c, struct pollobj *p)
{
	double ms = arg_timeout(c, 1, -1);
	struct pollfd *fds = xcalloc(p->nregs + 1, sizeof *fds);
	for (size_t i = 0; i < p->nregs; i++)
		fds[i] = (struct pollfd){.fd = p->regs[i].fd,
		                         .events = (short)p->regs[i].events};
	int n = 0;
	int e = sk_poll(fds, p->nregs, ms < 0 ? -1 : ms / 1000.0, &n);
	struct value **items = xcalloc((size_t)n + 1, sizeof *items);
	size_t k = 0;
	for (size_t i = 0; !e && i < p->nregs && k < (size_t)n; i++)
		if (fds[i].revents)
			items[k++] = event_pair(fds[i].fd, (unsigned short)fds[i].revents);
	free(fds);
	return event_list(c, items, k, e);
}

/* epoll.poll([timeout [, maxevents]]): seconds, None or negative for
 * ever; maxevents -1 is Python's FD_SETSIZE - 1. */
static enum cmd_status epoll_wait_call(struct cmd_call *c, struct pollobj *p)
{
	if (p->epfd < 0)
		return closed_epoll(c);
	double timeout = arg_timeout(c, 1, -1);
	long long max = arg_int(c, 2, -1);
	if (max == -1)
		max = EPOLL_MAXEVENTS;
	else if (max <= 0 || max > 1 << 20)
		return cmd_fail(c, _("maxevents must be greater than 0, got %lld"), max);
	struct epoll_event *evs = xcalloc((size_t)max, sizeof *evs);
	int n = 0;
	int e = sk_epoll_wait(p->epfd, evs, (int)max, timeout, &n);
	struct value **items = xcalloc((size_t)n + 1, sizeof *items);
	for (int i = 0; !e && i < n; i++)
		items[i] = event_pair((int)evs[i].data.u64, evs[i].events);
	free(evs);
	return event_list(c, items, e ? 0 : (size_t)n, e);
}

static enum cmd_status do_wait(struct cmd_call *c)
{
	struct pollobj *p = POBJ(c);
	if (!p->epoll && c->argv[2])
		return cmd_fail(c, _("poll expected at most 1 argument, got 2"));
	return p->epoll ? epoll_wait_call(c, p) : poll_wait(c, p);
}

/* close and fileno are epoll's alone. */
static bool epoll_only(struct cmd_call *c)
{
	if (POBJ(c)->epoll)
		return true;
	cmd_fail(c, _("'select.poll' object has no attribute '%s'"), c->cmd->name);
	return false;
}

static enum cmd_status do_epoll_close(struct cmd_call *c)
{
	if (!epoll_only(c))
		return CMD_ERROR;
	struct pollobj *p = POBJ(c);
	if (p->epfd < 0)
		return CMD_OK;
	int fd = p->epfd;
	p->epfd = -1;
	p->nregs = 0;
	int e = sk_close(fd);
	return e ? cmd_errno(c, e) : CMD_OK;
}

static enum cmd_status do_epoll_fileno(struct cmd_call *c)
{
	if (!epoll_only(c))
		return CMD_ERROR;
	if (POBJ(c)->epfd < 0)
		return closed_epoll(c);
	c->result = v_int(POBJ(c)->epfd);
	return CMD_OK;
}

/* One row of `handles`' second table: a poll object and its interest. */
static void interest_row(struct table *t, const char *name,
                         const struct pollobj *p)
{
	struct strbuf b = {0};
	for (size_t i = 0; i < p->nregs; i++) {
		sb_printf(&b, "%s%d ", i ? ", " : "", p->regs[i].fd);
		fmt_flags(&b, p->epoll ? CK_EPOLL : CK_POLL, (long)p->regs[i].events);
	}
	char fd[16] = "-";
	if (p->epoll)
		snprintf(fd, sizeof fd, "%d", p->epfd);
	table_row(t, name, p->epoll ? "epoll" : "poll", fd,
	          b.p ? b.p : _("(nothing)"));
	sb_free(&b);
}

void print_poll_interest(struct shell *sh)
{
	struct table t;
	/* TRANSLATORS: the headers of the poll objects' table in `handles`. */
	table_init(&t, 4, _("name"), _("object"), _("fd"), _("registered"));
	size_t n;
	const char **names = vars_names(&sh->vars, &n);
	for (size_t i = 0; i < n; i++) {
		const struct value *v = vars_get(&sh->vars, names[i]);
		if (v->type == T_POLL)
			interest_row(&t, names[i], v->u.poll);
	}
	free(names);
	if (t.nrows)
		table_print(&t);
	table_free(&t);
}

#define SELF {"poll", P_ANY, 0}

const struct cmd_entry cmd_poll_table[] = {
	{.name = "poll", .group = "select", .exec = do_poll_new, .usage = "",
	 .summary = N_("a poll object: register sockets, then wait for them all "
	               "at once"),
	 .python = "p = select.poll()", .c_call = N_("(none: poll(2) at each "
	                                              "p.poll)"),
	 .errors = "", .example = "p = poll"},
	{.name = "epoll", .group = "select", .exec = do_epoll_new, .usage = "",
	 .summary = N_("an epoll object: the kernel keeps the registrations"),
	 .python = "ep = select.epoll()", .c_call = "epoll_create1(2)",
	 .errors = N_("EMFILE: too many open files\n"), .example = "ep = epoll"},
	{.name = "register", .group = "select", .flags = CMD_POLL,
	 .params = {SELF, {"fd", P_ANY, 0}, {"eventmask", P_INT, PF_OPT}},
	 .exec = do_register, .usage = "P SOCK|FD [EVENTS]",
	 .summary = N_("watch a socket for EVENTS (default IN|PRI|OUT); poll "
	               "replaces an earlier mask"),
	 .python = "p.register(sock, select.POLLIN)",
	 .c_call = N_("epoll_ctl(2) EPOLL_CTL_ADD (poll: none)"),
	 .errors = N_("EEXIST: epoll has it already (use modify)\n"),
	 .example = "p.register b POLLIN"},
	{.name = "modify", .group = "select", .flags = CMD_POLL,
	 .params = {SELF, {"fd", P_ANY, 0}, {"eventmask", P_INT, 0}},
	 .exec = do_modify, .usage = "P SOCK|FD EVENTS",
	 .summary = N_("change the events a registered socket is watched for"),
	 .python = "p.modify(sock, select.POLLOUT)",
	 .c_call = N_("epoll_ctl(2) EPOLL_CTL_MOD (poll: none)"),
	 .errors = N_("ENOENT: not registered\n"),
	 .example = "ep.modify b EPOLLIN|EPOLLET"},
	{.name = "unregister", .group = "select", .flags = CMD_POLL,
	 .params = {SELF, {"fd", P_ANY, 0}},
	 .exec = do_unregister, .usage = "P SOCK|FD",
	 .summary = N_("stop watching a socket"),
	 .python = "p.unregister(sock)",
	 .c_call = N_("epoll_ctl(2) EPOLL_CTL_DEL (poll: none)"),
	 .errors = N_("KeyError (poll) or ENOENT (epoll): not registered\n"),
	 .example = "p.unregister b"},
	{.name = "poll", .group = "select", .flags = CMD_POLL,
	 .params = {SELF, {"timeout", P_TIMEOUT, PF_OPT},
	            {"maxevents", P_INT, PF_OPT}},
	 .exec = do_wait, .usage = "P [TIMEOUT [MAXEVENTS]]",
	 .summary = N_("wait; the list of (fd, events) ready. poll's TIMEOUT is "
	               "in milliseconds, epoll's in seconds; None waits for ever"),
	 .notes = N_("Level-triggered (the default), a socket with unread data "
	             "is reported at every call; with EPOLLET only when more "
	             "arrives; with EPOLLONESHOT once, until modify re-arms it."),
	 .python = "p.poll(1000); ep.poll(1.0, 10)",
	 .c_call = "poll(2), epoll_wait(2)",
	 .errors = N_("interrupted: Ctrl-C\n"),
	 .example = "p.poll 0"},
	{.name = "close", .group = "select", .flags = CMD_POLL,
	 .params = {SELF}, .exec = do_epoll_close, .usage = "EP",
	 .summary = N_("close an epoll object's descriptor"),
	 .python = "ep.close()", .c_call = "close(2)", .errors = "",
	 .example = "ep.close"},
	{.name = "fileno", .group = "select", .flags = CMD_POLL,
	 .params = {SELF}, .exec = do_epoll_fileno, .usage = "EP",
	 .summary = N_("an epoll object's descriptor"),
	 .python = "ep.fileno()", .c_call = N_("(none)"), .errors = "",
	 .example = "ep.fileno"},
	{.name = NULL},
};
