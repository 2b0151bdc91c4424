/* watch.c - the watched sockets. Between keys the line editor polls them
 * with the terminal (no threads); each look compares a socket's
 * readiness with what was last reported, so one arrival prints once. A
 * socket with something still to read would wake poll at once and for
 * ever: it is left out of the wait (muted) and looked at again twice a
 * second instead. */
#include "watch.h"

#include <netinet/tcp.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/sock.h"
#include "../lang/format.h"
#include "../../core/i18n.h"
#include "lineedit.h"
#include "record.h"
#include "state.h"
#include "../lang/sockaddr.h"

#define RECHECK_MS 500 /* how often muted sockets are looked at */
#define PEEK_MAX 4096  /* bytes peeked for the arrival line */
#define SHOW_MAX 48    /* bytes of an arrival shown */

struct watched {
	char *name;
	int fd;                   /* the socket last seen under NAME */
	struct sk_readiness last; /* what was reported */
	bool muted;
};

static struct shell *watch_sh;
static struct watched *list;
static size_t nlist;

bool watch_fin(const struct sockobj *s, const struct sk_readiness *r)
{
	/* A reset or a refused connect also says POLLRDHUP. */
	if (r->revents & POLLERR || (s->connecting && r->tcp_state == TCP_CLOSE))
		return false;
	if (r->revents & POLLRDHUP)
		return true;
	return s->type == SOCK_STREAM && !r->listening && r->inq == 0 &&
	       (r->revents & (POLLIN | POLLERR)) == POLLIN;
}

/* The socket NAME holds now, or NULL. */
static const struct sockobj *lookup(const char *name)
{
	const struct value *v = vars_get(&watch_sh->vars, name);
	if (!v || v->type != T_SOCKET || v->u.sock.fd < 0)
		return NULL;
	return &v->u.sock;
}

static short wanted(const struct sockobj *s)
{
	return POLLIN | POLLRDHUP | (s->connecting ? POLLOUT : 0);
}

/* Fill P with the sockets worth waiting for; *TIMEOUT_MS gets how long
 * the wait may last before muted ones are looked at again. */
static size_t watch_fds(struct pollfd *p, size_t max, int *timeout_ms)
{
	size_t n = 0;
	*timeout_ms = -1;
	for (size_t i = 0; i < nlist; i++) {
		const struct sockobj *s = lookup(list[i].name);
		if (!s)
			continue;
		if (list[i].muted) {
			*timeout_ms = RECHECK_MS;
			continue;
		}
		if (n < max)
			p[n++] = (struct pollfd){.fd = s->fd, .events = wanted(s)};
	}
	return n;
}

/* The bytes queued on S from offset SKIP, peeked, as Python's repr,
 * with the sender for a datagram. */
static void peek_text(struct strbuf *b, const struct sockobj *s, int skip,
                      struct value **from)
{
	static unsigned char buf[PEEK_MAX];
	struct sk_addr a = {.len = sizeof a.ss};
	size_t got = 0;
	if (sk_recv(s->fd, buf, sizeof buf, MSG_PEEK | MSG_DONTWAIT, 0, &a, &got))
		got = 0;
	size_t start = (size_t)skip < got ? (size_t)skip : got;
	size_t shown = got - start > SHOW_MAX ? SHOW_MAX : got - start;
	fmt_bytes_repr(b, buf + start, shown);
	if (got - start > shown)
		sb_adds(b, "...");
	if (from)
		*from = sockaddr_value(&a);
}

static void datagram_line(struct strbuf *b, const char *name,
                          const struct sockobj *s)
{
	struct strbuf data = {0}, who = {0};
	struct value *from = NULL;
	peek_text(&data, s, 0, &from);
	fmt_repr(&who, from);
	v_unref(from);
	sb_printf(b, _("[%s] datagram from %s: %s\n"), name, who.p, data.p);
	sb_free(&data);
	sb_free(&who);
}

static void arrival_line(struct strbuf *b, const char *name,
                         const struct sockobj *s, int before, int now)
{
	struct strbuf data = {0};
	peek_text(&data, s, before, NULL);
	if (before > 0)
		sb_printf(b, _("[%s] %d more bytes arrived (%d queued): %s\n"), name,
		          now - before, now, data.p);
	else
		sb_printf(b, _("[%s] %d bytes arrived: %s\n"), name, now, data.p);
	sb_free(&data);
}

static void listen_line(struct strbuf *b, const char *name,
                        const struct sk_readiness *old,
                        const struct sk_readiness *r)
{
	bool more = r->waiting > old->waiting;
	if (!(r->revents & POLLIN) || (!more && (old->revents & POLLIN)))
		return;
	if (r->waiting > 1)
		sb_printf(b, _("[%s] %d connections are waiting\n"), name, r->waiting);
	else
		sb_printf(b, _("[%s] a connection is waiting\n"), name);
}

static bool newly(const struct sk_readiness *old, const struct sk_readiness *r,
                  short bit)
{
	return (r->revents & bit) && !(old->revents & bit);
}

/* What changed on S since OLD, as lines for the terminal. */
static void change_lines(struct strbuf *b, const char *name,
                         const struct sockobj *s,
                         const struct sk_readiness *old,
                         const struct sk_readiness *r)
{
	if (r->listening) {
		listen_line(b, name, old, r);
		return;
	}
	if (newly(old, r, POLLERR)) {
		if (s->connecting)
			sb_printf(b, _("[%s] connect failed: getsockopt SO_ERROR says why\n"), name);
		else if (s->type == SOCK_STREAM)
			sb_printf(b, _("[%s] reset by peer (ECONNRESET)\n"), name);
		else
			sb_printf(b, _("[%s] error pending: the next call reports it\n"), name);
		return;
	}
	if (s->type != SOCK_STREAM && (r->revents & POLLIN) &&
	    (newly(old, r, POLLIN) || r->inq != old->inq))
		datagram_line(b, name, s);
	else if (s->type == SOCK_STREAM && r->inq > old->inq)
		arrival_line(b, name, s, old->inq, r->inq);
	/* After a reset's error is read, a TCP socket looks shut down: that
	 * was reported as the reset. */
	if (watch_fin(s, r) && !watch_fin(s, old) && !(old->revents & POLLERR))
		sb_printf(b, _("[%s] peer closed (FIN): recv will return b''\n"), name);
	if (s->connecting && newly(old, r, POLLOUT))
		sb_printf(b, _("[%s] connect finished: read SO_ERROR\n"), name);
}

/* Look at one watched socket: its lines go to B. */
static void look(struct watched *w, struct strbuf *b)
{
	const struct sockobj *s = lookup(w->name);
	if (!s)
		return;
	if (s->fd != w->fd) { /* a new socket under the old name */
		memset(&w->last, 0, sizeof w->last);
		w->fd = s->fd;
	}
	struct sk_readiness r;
	bool tcp = s->type == SOCK_STREAM && s->family != AF_UNIX;
	if (sk_readiness(s->fd, tcp, &r))
		return;
	change_lines(b, w->name, s, &w->last, &r);
	w->last = r;
	w->muted = (r.revents & (wanted(s) | POLLERR | POLLHUP | POLLNVAL)) != 0;
}

static void watch_check(void)
{
	struct strbuf b = {0};
	/* The user did not ask for these calls: `trace on` leaves them out. */
	sk_trace_pause(true);
	for (size_t i = 0; i < nlist; i++)
		look(&list[i], &b);
	sk_trace_pause(false);
	if (b.len) {
		le_hide();
		out_write(b.p, b.len);
		out_flush();
		le_show();
		record_note(watch_sh, b.p); /* as prose, so it replays */
	}
	sb_free(&b);
}

static const struct le_watcher watcher = {watch_fds, watch_check};

bool watch_add(struct shell *sh, const char *name)
{
	watch_sh = sh;
	if (!lookup(name))
		return false;
	for (size_t i = 0; i < nlist; i++)
		if (!strcmp(list[i].name, name))
			return true;
	list = xgrow(list, nlist, sizeof *list);
	list[nlist++] = (struct watched){.name = xstrdup(name), .fd = -1};
	le_add_watcher(&watcher);
	return true;
}

void watch_off(void)
{
	for (size_t i = 0; i < nlist; i++)
		free(list[i].name);
	free(list);
	list = NULL;
	nlist = 0;
	le_remove_watcher(&watcher);
}

char *watch_names(void)
{
	struct strbuf b = {0};
	for (size_t i = 0; i < nlist; i++)
		sb_printf(&b, "%s%s", i ? " " : "", list[i].name);
	return b.p ? sb_take(&b) : xstrdup("");
}
