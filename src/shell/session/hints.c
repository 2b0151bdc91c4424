/* hints.c - the likely cause of a failed call, said at the end of its
 * error line: `(call listen first)`. Every hint is computed here, from
 * what the shell knows (the call, the errno, the socket, the address
 * argument), through one table, so the causes live in one place. */
#include "hints.h"

#include <errno.h>
#include <netinet/tcp.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/sock.h"
#include "../../core/i18n.h"
#include "../strbuf.h"

struct hint_ctx {
	const struct sockobj *sock; /* the socket called, or NULL */
	const struct value *addr;   /* the address argument, or NULL */
	const char *text;           /* the rule's text, translated */
};

/* ---- what the shell knows ---- */

/* The socket of the call: its first argument, or the file's socket. */
static const struct sockobj *call_socket(const struct cmd_call *c)
{
	const struct value *v = c->argv[0];
	if (v && v->type == T_FILE && v->u.file->sock)
		v = v->u.file->sock;
	return v && v->type == T_SOCKET && v->u.sock.fd >= 0 ? &v->u.sock : NULL;
}

/* The argument that is an address, if the call takes one. */
static const struct value *call_address(const struct cmd_call *c)
{
	for (size_t k = 0; k < CMD_MAXARGS && c->cmd->params[k].name; k++) {
		enum ptype t = c->cmd->params[k].type;
		if ((t == P_ADDR || t == P_HOSTPORT) && c->argv[k])
			return c->argv[k];
	}
	return NULL;
}

static bool is_str(const struct value *v)
{
	return v && (v->type == T_STR || v_is_bytes_like(v));
}

/* An AF_UNIX address as the user writes it: a path, or @name. */
static char *path_text(const char *p, size_t len)
{
	if (len && (p[0] == '\0' || p[0] == '@'))
		return xasprintf("@%.*s", (int)len - 1, p + 1);
	return xasprintf("%.*s", (int)len, p);
}

/* "127.0.0.1 port 80" for (host, port); the path of an AF_UNIX one. */
static char *value_addr_text(const struct value *a, int family)
{
	if (is_str(a))
		return path_text(a->u.s.p, a->u.s.len);
	if (!v_is_seq(a) || a->u.seq.n < 2 || !is_str(a->u.seq.items[0]) ||
	    !v_is_int(a->u.seq.items[1]))
		return NULL;
	const char *host = a->u.seq.items[0]->u.s.p;
	if (!*host)
		host = family == AF_INET6 ? "::" : "0.0.0.0";
	return xasprintf(_("%s port %lld"), host, v_int_of(a->u.seq.items[1]));
}

/* The peer's address, asked of the kernel without tracing: the hint's
 * calls are not the statement's. */
static char *peer_text(const struct sockobj *s)
{
	struct sk_addr a;
	struct addr_parts p;
	sk_trace_pause(true);
	int e = sk_getpeername(s->fd, &a);
	sk_trace_pause(false);
	if (e || addr_decode((struct sockaddr *)&a.ss, a.len, &p))
		return NULL;
	if (p.family == AF_UNIX)
		return p.pathlen ? path_text((char *)p.path, p.pathlen) : NULL;
	return xasprintf(_("%s port %d"), p.host, p.port);
}

static char *addr_text(const struct hint_ctx *h)
{
	int family = h->sock ? h->sock->family : AF_INET;
	if (h->addr)
		return value_addr_text(h->addr, family);
	return h->sock ? peer_text(h->sock) : NULL;
}

static long addr_port(const struct hint_ctx *h)
{
	const struct value *a = h->addr;
	if (!a || !v_is_seq(a) || a->u.seq.n < 2 || !v_is_int(a->u.seq.items[1]))
		return -1;
	return (long)v_int_of(a->u.seq.items[1]);
}

static bool is_tcp(const struct sockobj *s)
{
	return s && (s->family == AF_INET || s->family == AF_INET6) &&
	       s->type == SOCK_STREAM;
}

/* TCP_INFO, untraced: the state, and whether a peer ever answered. */
static bool tcp_info_of(const struct sockobj *s, struct tcp_info *ti)
{
	socklen_t len = sizeof *ti;
	memset(ti, 0, sizeof *ti);
	sk_trace_pause(true);
	int e = sk_getsockopt(s->fd, IPPROTO_TCP, TCP_INFO, ti, &len);
	sk_trace_pause(false);
	return !e;
}

static bool listening(const struct sockobj *s)
{
	int on = 0;
	socklen_t len = sizeof on;
	sk_trace_pause(true);
	sk_getsockopt(s->fd, SOL_SOCKET, SO_ACCEPTCONN, &on, &len);
	sk_trace_pause(false);
	return on;
}

/* ---- the hints ---- */

static char *h_text(const struct hint_ctx *h)
{
	return xstrdup(h->text);
}

/* The rule's text about the address: "127.0.0.1 port 1: ...". */
static char *h_at_address(const struct hint_ctx *h)
{
	char *a = addr_text(h);
	if (!a)
		return NULL;
	char *r = xasprintf("%s: %s", a, h->text);
	free(a);
	return r;
}

/* A path: unlink is the cure only for a socket file. */
static char *h_unix_in_use(const struct value *a)
{
	char *p = path_text(a->u.s.p, a->u.s.len);
	bool sock = false;
	char *r;
	if (p[0] == '@')
		r = xasprintf(_("%s: another socket has that name"), p);
	else if (!sk_is_socket_file(p, &sock) && !sock)
		r = xasprintf(_("%s is a file, not a socket: pick another path"), p);
	else
		r = xasprintf(_("the file %s is left from an earlier bind: unlink "
		                "%s"), p, p);
	free(p);
	return r;
}

/* EADDRINUSE from bind: who holds the address. */
static char *h_in_use(const struct hint_ctx *h)
{
	if (!h->sock)
		return NULL;
	if (h->sock->family == AF_UNIX)
		return is_str(h->addr) ? h_unix_in_use(h->addr) : NULL;
	int state;
	long port = addr_port(h);
	if (port <= 0 || sk_port_holder(h->sock->type, (int)port, &state))
		state = -1;
	const char *why =
		state == TCP_LISTEN ? _("a listening socket holds it; pick another "
		                        "port, or 0 for any free one")
		: state == TCP_TIME_WAIT ? _("a closed connection holds it in "
		                             "TIME_WAIT; a server sets SO_REUSEADDR "
		                             "before bind")
		: is_tcp(h->sock) && state > 0 ? _("a connection holds it; a "
		                                   "server sets SO_REUSEADDR "
		                                   "before bind")
		                               : _("another socket is bound to it");
	struct hint_ctx at = *h;
	at.text = why;
	return h_at_address(&at);
}

static char *h_privileged(const struct hint_ctx *h)
{
	long port = addr_port(h);
	return port > 0 && port < 1024 ? h_text(h) : NULL;
}

/* EPIPE: on TCP the state tells who ended the sending. */
static char *h_pipe(const struct hint_ctx *h)
{
	struct tcp_info ti;
	if (!is_tcp(h->sock) || !tcp_info_of(h->sock, &ti))
		return h_text(h);
	if (ti.tcpi_state == TCP_CLOSE && ti.tcpi_rcv_mss == 0)
		return xstrdup(_("the socket is not connected: Linux says EPIPE "
		                 "here, not ENOTCONN"));
	if (ti.tcpi_state == TCP_CLOSE)
		return xstrdup(_("the peer closed the connection and reset it: "
		                 "nothing more goes to it"));
	return xstrdup(_("this side shut down writing: shutdown SHUT_WR ends "
	                 "sending"));
}

static char *h_not_connected(const struct hint_ctx *h)
{
	if (h->sock && listening(h->sock))
		return xstrdup(_("a listening socket only accepts: use the socket "
		                 "accept returns"));
	return h_text(h);
}

/* One row per cause. CALLS: the calls it applies to, space-separated
 * (NULL: any); TEXT: the hint, or what FN builds it from. */
static const struct hint_rule {
	const char *calls;
	int err;
	char *(*fn)(const struct hint_ctx *h);
	const char *text;
} rules[] = {
	{"accept", EINVAL, h_text, N_("call listen first")},
	{"accept listen", EOPNOTSUPP, h_text,
	 N_("only SOCK_STREAM and SOCK_SEQPACKET sockets listen and accept")},
	{NULL, ECONNREFUSED, h_at_address, N_("nothing listens there")},
	{NULL, ETIMEDOUT, h_at_address,
	 N_("no answer: the host is down, or a firewall drops the packets")},
	{NULL, EHOSTUNREACH, h_at_address, N_("no route reaches that host")},
	{NULL, ENETUNREACH, h_at_address, N_("no route reaches that network")},
	{"connect sendto sendmsg", ENOENT, h_at_address,
	 N_("no socket file there; a server's bind makes one")},
	{"bind", EADDRINUSE, h_in_use, NULL},
	{"bind", EACCES, h_privileged,
	 N_("ports below 1024 are privileged: use one from 1024 up, or run as "
	    "root")},
	{"bind", EADDRNOTAVAIL, h_at_address,
	 N_("no interface of this machine has that address")},
	{NULL, EPIPE, h_pipe,
	 N_("the peer closed its end, or this side shut down writing")},
	{NULL, ECONNRESET, h_text,
	 N_("the peer reset the connection: it closed with data unread, or "
	    "with SO_LINGER (1, 0)")},
	{"recv recvfrom recv_into recvfrom_into recvmsg send sendall sendmsg "
	 "getpeername shutdown", ENOTCONN, h_not_connected, N_("connect first")},
};

/* NAME is one of the space-separated words of LIST. */
static bool in_list(const char *list, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = list; (p = strstr(p, name)); p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
			return true;
	return false;
}

char *error_hint(const struct cmd_call *c, int err)
{
	for (size_t i = 0; i < sizeof rules / sizeof *rules; i++) {
		const struct hint_rule *r = &rules[i];
		if (r->err != err || (r->calls && !in_list(r->calls, c->callname)))
			continue;
		struct hint_ctx h = {call_socket(c), call_address(c),
		                     r->text ? _(r->text) : NULL};
		return r->fn(&h);
	}
	return NULL;
}
