/* module.c - the socket module's functions that make sockets, select and
 * the buffers; byte order and address texts are in inet.c, name look-ups
 * in names.c. */
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <netdb.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../../core/errors.h"
#include "../../core/resolve.h"
#include "../../core/sock.h"
#include "../lang/args.h"
#include "../lang/eval.h"
#include "../lang/format.h"
#include "../lang/sockaddr.h"
#include "common.h"

/* socket(fileno=N) adopts a descriptor: ask the kernel what it is. */
static int adopt_fd(struct cmd_call *c, int fd, int *family, int *type,
                    int *proto)
{
	int v[3];
	int opts[3] = {SO_DOMAIN, SO_TYPE, SO_PROTOCOL};
	for (int i = 0; i < 3; i++) {
		socklen_t len = sizeof v[i];
		int e = sk_getsockopt(fd, SOL_SOCKET, opts[i], &v[i], &len);
		if (e)
			return cmd_errno(c, e), -1;
	}
	*family = v[0];
	*type = v[1];
	*proto = v[2];
	return 0;
}

/* Argument K of socket() was given: not left out, and not -1, which
 * Python 3.11 takes as "the default" (or "ask the descriptor"). */
static bool socket_arg_given(const struct cmd_call *c, int k)
{
	return c->argv[k] && arg_int(c, k, -1) != -1;
}

static enum cmd_status do_socket(struct cmd_call *c)
{
	int family, type, proto, fd;
	if (arg_c_int(c, 0, -1, &family) || arg_c_int(c, 1, -1, &type) ||
	    arg_c_int(c, 2, -1, &proto))
		return CMD_ERROR;
	family = socket_arg_given(c, 0) ? family : AF_INET;
	type = socket_arg_given(c, 1) ? type : SOCK_STREAM;
	proto = socket_arg_given(c, 2) ? proto : 0;
	if (c->argv[3] && c->argv[3]->type != T_NONE) {
		struct value *from = c->argv[3];
		if (from->type != T_SOCKET && !v_is_int(from))
			return cmd_fail(c, _("argument 4 (fileno): expected an "
			                     "integer or a socket, got %s"),
			                v_type_name(from));
		fd = from->type == T_SOCKET ? from->u.sock.fd : (int)v_int_of(from);
		if (fd < 0)
			return cmd_fail(c, _("negative file descriptor"));
		int kf, kt, kp;
		if (adopt_fd(c, fd, &kf, &kt, &kp))
			return CMD_ERROR;
		/* As Python: what the caller gave wins, the rest is asked. */
		family = socket_arg_given(c, 0) ? family : kf;
		type = socket_arg_given(c, 1) ? type : kt;
		proto = socket_arg_given(c, 2) ? proto : kp;
		/* A socket given as fileno hands its descriptor over (as
		 * detach would), so one descriptor never has two owners. */
		if (from->type == T_SOCKET)
			from->u.sock.fd = -1;
		c->result = new_socket(c->sh, fd, family, type, proto);
		return CMD_OK;
	}
	int e = sk_socket(family, type | SOCK_CLOEXEC, proto, &fd);
	if (e == EPERM && (type & 0xf) == SOCK_RAW) {
		char *why = fmt_errno(e);
		cmd_fail(c, _("%s (SOCK_RAW needs root or CAP_NET_RAW; try it in "
		              "`unshare -n` as root)"), why);
		free(why);
		return CMD_ERROR;
	}
	if (e)
		return cmd_errno(c, e);
	c->result = new_socket(c->sh, fd, family, type, proto);
	return CMD_OK;
}

static enum cmd_status do_socketpair(struct cmd_call *c)
{
	int family = (int)arg_int(c, 0, AF_UNIX);
	int type = (int)arg_int(c, 1, SOCK_STREAM);
	int proto = (int)arg_int(c, 2, 0);
	int fds[2];
	int e = sk_socketpair(family, type | SOCK_CLOEXEC, proto, fds);
	if (e)
		return cmd_errno(c, e);
	c->result = v_tuple(2, new_socket(c->sh, fds[0], family, type, proto),
	                    new_socket(c->sh, fds[1], family, type, proto));
	return CMD_OK;
}

static enum cmd_status do_fromfd(struct cmd_call *c)
{
	int fd, type;
	socklen_t len = sizeof type;
	/* Python's fromfd refuses what is not a socket (ENOTSOCK). */
	int e = sk_getsockopt((int)arg_int(c, 0, -1), SOL_SOCKET, SO_TYPE, &type, &len);
	if (!e)
		e = sk_dup((int)arg_int(c, 0, -1), &fd);
	if (e)
		return cmd_errno(c, e);
	c->result = new_socket(c->sh, fd, (int)arg_int(c, 1, 0),
	                       (int)arg_int(c, 2, 0), (int)arg_int(c, 3, 0));
	return CMD_OK;
}

static enum cmd_status do_getdefaulttimeout(struct cmd_call *c)
{
	double t = c->sh->default_timeout;
	c->result = t < 0 ? NULL : v_float(t);
	return CMD_OK;
}

static enum cmd_status do_setdefaulttimeout(struct cmd_call *c)
{
	c->sh->default_timeout = arg_timeout(c, 0, -1);
	return CMD_OK;
}

/* (host, port) of create_connection, as Python unpacks it. */
static int unpack_pair(struct cmd_call *c, const struct value *a)
{
	size_t n = v_is_seq(a) ? a->u.seq.n : 0;
	if (!v_is_seq(a))
		return cmd_fail(c, _("cannot unpack non-iterable %s object"),
		                v_type_name(a)), -1;
	if (n > 2)
		return cmd_fail(c, _("too many values to unpack (expected 2)")), -1;
	if (n < 2)
		return cmd_fail(c, _("not enough values to unpack (expected 2, got %zu)"),
		                n), -1;
	return 0;
}

/* Python's settimeout on a new socket. */
static int apply_timeout(struct sockobj *s, double t)
{
	s->timeout = t;
	return sk_set_nonblock(s->fd, t >= 0);
}

/* One getaddrinfo answer of create_connection: socket, timeout, bind,
 * connect. Returns 0 with *OUT set, an errno, or -1 when c->cause says why
 * (a source address that is not an address). */
static int try_connect(struct cmd_call *c, const struct addrinfo *ai,
                       struct value **out)
{
	int fd;
	int e = sk_socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC,
	                  ai->ai_protocol, &fd);
	if (e)
		return e;
	struct value *v = new_socket(c->sh, fd, ai->ai_family, ai->ai_socktype,
	                             ai->ai_protocol);
	struct sockobj *s = &v->u.sock;
	const struct value *src = c->argv[2];
	struct sk_addr a;
	if (c->argv[1])
		e = apply_timeout(s, arg_timeout(c, 1, -1));
	if (!e && src && v_truthy(src)) {
		if (arg_sockaddr(c, s, src, &a)) {
			v_unref(v);
			return -1;
		}
		e = sk_bind(s->fd, &a);
	}
	if (!e) {
		memcpy(&a.ss, ai->ai_addr, ai->ai_addrlen);
		a.len = ai->ai_addrlen;
		e = sk_connect(s->fd, &a, s->timeout);
	}
	if (e)
		v_unref(v);
	else
		*out = v;
	return e;
}

/* One failure of create_connection, for all_errors: "; "-separated. */
static void add_sub_error(struct strbuf *all, size_t *n, int e)
{
	char *why = fmt_errno(e);
	sb_printf(all, "%s%s", (*n)++ ? "; " : "", why);
	free(why);
}

static enum cmd_status do_create_connection(struct cmd_call *c)
{
	const struct value *a = c->argv[0];
	if (unpack_pair(c, a))
		return CMD_ERROR;
	char port[32];
	const struct value *h = a->u.seq.items[0];
	struct addrinfo hints = {.ai_socktype = SOCK_STREAM}, *res;
	int g = res_getaddrinfo(h->type == T_STR ? h->u.s.p : NULL,
	                        arg_service(a->u.seq.items[1], port, sizeof port),
	                        &hints, &res);
	if (g)
		return cmd_gai(c, g);
	/* Python raises the last error once every address has failed, or
	 * with all_errors=True every one (an ExceptionGroup). */
	int e = -2;
	struct strbuf all = {0};
	size_t nerr = 0;
	for (struct addrinfo *ai = res; ai && e; ai = ai->ai_next) {
		e = try_connect(c, ai, &c->result);
		if (e == -1 || e == CORE_EINTERRUPTED)
			break;
		if (e)
			add_sub_error(&all, &nerr, e);
	}
	res_freeaddrinfo(res);
	if (e > 0 && e != CORE_EINTERRUPTED && c->argv[3] && v_truthy(c->argv[3]))
		cmd_fail(c, ngettext("create_connection failed (%zu sub-exception): %s",
		                     "create_connection failed (%zu sub-exceptions): %s",
		                     nerr),
		         nerr, all.p);
	else if (e > 0)
		cmd_errno(c, e);
	sb_free(&all);
	if (e == -2)
		return cmd_fail(c, _("getaddrinfo returns an empty list"));
	return e ? CMD_ERROR : CMD_OK;
}

static bool has_dualstack_ipv6(void)
{
	int fd, off = 0;
	if (sk_socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0, &fd))
		return false;
	int e = sk_setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off);
	sk_close(fd);
	return e == 0;
}

static enum cmd_status do_has_dualstack_ipv6(struct cmd_call *c)
{
	c->result = v_bool(has_dualstack_ipv6());
	return CMD_OK;
}

static int set_int_opt(const struct sockobj *s, int level, int opt, int v)
{
	return sk_setsockopt(s->fd, level, opt, &v, sizeof v);
}

/* create_server's bind; resolver and system errors name the address. */
static int server_bind(struct cmd_call *c, const struct sockobj *s)
{
	struct sk_addr a;
	char *r = v_repr(c->argv[0]);
	int e = 0;
	if (arg_sockaddr(c, s, c->argv[0], &a)) {
		if (!strncmp(c->cause, "EAI_", 4))
			cmd_fail(c, _("%s (while attempting to bind on address %s)"),
			         c->cause, r);
		e = -1;
	} else if ((e = sk_bind(s->fd, &a))) {
		char *why = fmt_errno(e);
		cmd_fail(c, _("%s (while attempting to bind on address %s)"), why, r);
		free(why);
	}
	free(r);
	return e;
}

/* The options create_server sets before bind, as Python sets them. */
static int server_options(const struct sockobj *s, bool reuse_port,
                          bool dualstack)
{
	set_int_opt(s, SOL_SOCKET, SO_REUSEADDR, 1); /* failures show at bind */
	int e = reuse_port ? set_int_opt(s, SOL_SOCKET, SO_REUSEPORT, 1) : 0;
	if (!e && s->family == AF_INET6)
		e = set_int_opt(s, IPPROTO_IPV6, IPV6_V6ONLY, !dualstack);
	return e;
}

static enum cmd_status do_create_server(struct cmd_call *c)
{
	int family = (int)arg_int(c, 1, AF_INET);
	const struct value *bl = c->argv[2];
	if (bl && bl->type != T_NONE && !v_is_int(bl))
		return cmd_fail(c, _("'%s' object cannot be interpreted as an integer"),
		                v_type_name(bl));
	const char *over = bl && v_is_int(bl) ? c_int_overflow(v_int_of(bl), false)
	                                      : NULL;
	if (over)
		return cmd_fail(c, "%s", over); /* listen(backlog)'s */
	bool dualstack = c->argv[4] && v_truthy(c->argv[4]);
	if (dualstack && !has_dualstack_ipv6())
		return cmd_fail(c, _("dualstack_ipv6 not supported on this platform"));
	if (dualstack && family != AF_INET6)
		return cmd_fail(c, _("dualstack_ipv6 requires AF_INET6 family"));
	int fd;
	int e = sk_socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0, &fd);
	if (e)
		return cmd_errno(c, e);
	struct value *v = new_socket(c->sh, fd, family, SOCK_STREAM, 0);
	struct sockobj *s = &v->u.sock;
	e = server_options(s, c->argv[3] && v_truthy(c->argv[3]), dualstack);
	if (e)
		cmd_errno(c, e);
	else
		e = server_bind(c, s);
	long long backlog = arg_int(c, 2, SOMAXCONN < 128 ? SOMAXCONN : 128);
	if (!e && (e = sk_listen(s->fd, backlog < 0 ? 0 : (int)backlog)))
		cmd_errno(c, e);
	if (e) {
		v_unref(v);
		return CMD_ERROR;
	}
	c->result = v;
	return CMD_OK;
}

/* The descriptor of a select() list item: a socket or an int. */
static int select_fd(struct cmd_call *c, const struct value *v)
{
	long long fd = v->type == T_SOCKET ? v->u.sock.fd
	               : v_is_int(v)        ? v_int_of(v) : INT_MIN - 1LL;
	if (fd >= 0 && fd <= INT_MAX)
		return (int)fd;
	if (fd < 0 && fd >= INT_MIN) /* a closed socket's is -1 */
		cmd_fail(c, _("file descriptor cannot be a negative integer (%lld)"), fd);
	else
		cmd_fail(c, _("argument must be an int, or have a fileno() method."));
	return -1;
}

static struct value *ready_list(const struct value *list, struct pollfd *p,
                                short mask)
{
	size_t n = list->u.seq.n, k = 0;
	struct value **items = xmalloc(sizeof *items * (n ? n : 1));
	for (size_t i = 0; i < n; i++)
		if (p[i].revents & mask)
			items[k++] = v_ref(list->u.seq.items[i]);
	struct value *v = v_seq(T_LIST, items, k);
	free(items);
	return v;
}

static enum cmd_status do_select(struct cmd_call *c)
{
	const struct value *lists[3] = {c->argv[0], c->argv[1], c->argv[2]};
	static const short ev[3] = {POLLIN, POLLOUT, POLLPRI};
	static const short got[3] = {POLLIN | POLLHUP | POLLERR,
	                             POLLOUT | POLLERR | POLLHUP, POLLPRI};
	size_t total = lists[0]->u.seq.n + lists[1]->u.seq.n + lists[2]->u.seq.n;
	struct pollfd *p = xcalloc(total + 1, sizeof *p);
	size_t k = 0;
	for (int l = 0; l < 3; l++)
		for (size_t i = 0; i < lists[l]->u.seq.n; i++, k++) {
			p[k].fd = select_fd(c, lists[l]->u.seq.items[i]);
			p[k].events = ev[l];
			if (p[k].fd < 0) {
				free(p);
				return CMD_ERROR;
			}
		}
	int nready = 0;
	int e = sk_poll(p, total, arg_timeout(c, 3, -1), &nready);
	/* select(2) refuses a descriptor that is not open; poll marks it. */
	for (size_t i = 0; !e && i < total; i++)
		if (p[i].revents & POLLNVAL)
			e = EBADF;
	if (e) {
		free(p);
		return cmd_errno(c, e);
	}
	struct value *r[3];
	k = 0;
	for (int l = 0; l < 3; l++) {
		r[l] = ready_list(lists[l], p + k, got[l]);
		k += lists[l]->u.seq.n;
	}
	free(p);
	c->result = v_tuple(3, r[0], r[1], r[2]);
	return CMD_OK;
}

static enum cmd_status make_buffer(struct cmd_call *c, bool array)
{
	const struct value *v = c->argv[0];
	/* bytes('x') is Python's TypeError; the shell form's bytes x is
	 * x's UTF-8, as everywhere bytes are expected. */
	bool py_str = c->pyform && v && v->type == T_STR;
	if (c->argv[1] || c->argv[2] || py_str)
		return buffer_from_str(c, array);
	if (!v) {
		c->result = array ? v_bytearray("", 0) : v_bytes("", 0);
		return CMD_OK;
	}
	if (v_is_int(v)) {
		long long n = v_int_of(v);
		if (n < 0)
			return cmd_fail(c, _("negative count"));
		if ((size_t)n > VALUE_MAX)
			return cmd_fail(c, _("size too large (at most 256 MiB)"));
		char *z = xcalloc((size_t)n + 1, 1);
		c->result = array ? v_bytearray(z, (size_t)n) : v_bytes(z, (size_t)n);
		free(z);
		return CMD_OK;
	}
	if (v->type == T_STR || v_is_bytes_like(v)) {
		c->result = array ? v_bytearray(v->u.s.p, v->u.s.len)
		                  : v_bytes(v->u.s.p, v->u.s.len);
		return CMD_OK;
	}
	return cmd_fail(c, _("cannot convert '%s' object to %s"), v_type_name(v),
	                array ? "bytearray" : "bytes");
}

static enum cmd_status do_bytearray(struct cmd_call *c)
{
	return make_buffer(c, true);
}

static enum cmd_status do_bytes(struct cmd_call *c)
{
	return make_buffer(c, false);
}

const struct cmd_entry cmd_module_table[] = {
	{.name = "socket", .group = "sockets",
	 .py = PY_INIT,
	 .params = {{"family", P_FAMILY, PF_OPT}, {"type", P_SOCKTYPE, PF_OPT},
	            {"proto", P_PROTO, PF_OPT}, {"fileno", P_ANY, PF_OPT}},
	 .exec = do_socket, .usage = "[FAMILY [TYPE [PROTO [FILENO]]]]",
	 .summary = N_("create a socket (AF_INET SOCK_STREAM unless told otherwise)"),
	 .python = "s = socket.socket(AF_INET, SOCK_STREAM)",
	 .c_call = "socket(2)",
	 .errors = N_("EAFNOSUPPORT: the kernel does not know that family\n"
	           "EPROTONOSUPPORT: no such protocol for that type\n"
	           "EPERM: SOCK_RAW needs CAP_NET_RAW\n"
	           "EMFILE: too many open descriptors\n"),
	 .example = "s = socket AF_INET SOCK_STREAM"},
	{.name = "socketpair", .group = "sockets",
	 .py = PY_DEF,
	 .params = {{"family", P_FAMILY, PF_OPT}, {"type", P_SOCKTYPE, PF_OPT},
	            {"proto", P_PROTO, PF_OPT}},
	 .exec = do_socketpair, .usage = "[FAMILY [TYPE [PROTO]]]",
	 .summary = N_("two sockets connected to each other (AF_UNIX)"),
	 .python = "a, b = socket.socketpair()", .c_call = "socketpair(2)",
	 .errors = N_("EOPNOTSUPP: only AF_UNIX makes pairs\n"),
	 .example = "a, b = socketpair"},
	{.name = "fromfd", .group = "sockets",
	 .py = PY_DEF,
	 .params = {{"fd", P_INT, 0}, {"family", P_FAMILY, PF_ASINT},
	            {"type", P_SOCKTYPE, PF_ASINT},
	            {"proto", P_PROTO, PF_OPT | PF_ASINT}},
	 .exec = do_fromfd, .usage = "FD FAMILY TYPE [PROTO]",
	 .summary = N_("a socket on a duplicate of descriptor FD"),
	 .python = "s = socket.fromfd(fd, family, type)",
	 .c_call = "fcntl(2) F_DUPFD_CLOEXEC",
	 .errors = N_("EBADF: FD is not open\n"), .example = "s2 = fromfd 3 AF_INET SOCK_STREAM"},
	{.name = "create_connection", .group = "sockets",
	 .py = PY_DEF,
	 .params = {{"address", P_HOSTPORT, 0}, {"timeout", P_TIMEOUT, PF_OPT},
	            {"source_address", P_HOSTPORT, PF_OPT},
	            {"all_errors", P_BOOL, PF_OPT}},
	 .exec = do_create_connection,
	 .usage = "(HOST, PORT) [TIMEOUT [(SRCHOST, SRCPORT) [ALL_ERRORS]]]",
	 .summary = N_("a TCP socket connected to HOST: tries every address "
	            "getaddrinfo gives, in turn; all_errors=True reports every "
	            "address's error, not only the last"),
	 .python = "s = socket.create_connection(('localhost', 80), 5, all_errors=True)",
	 .c_call = "getaddrinfo(3), socket(2), connect(2)",
	 .errors = N_("ECONNREFUSED: nothing listens there (the last address's error)\n"
	           "EAI_NONAME: the name does not resolve\n"
	           "timed out: no answer within TIMEOUT\n"),
	 .example = "c = create_connection localhost:8080 2.5"},
	{.name = "create_server", .group = "sockets",
	 .py = PY_DEF,
	 .params = {{"address", P_HOSTPORT, 0},
	            {"family", P_FAMILY, PF_OPT | PF_KWONLY | PF_ASINT},
	            {"backlog", P_ANY, PF_OPT | PF_KWONLY},
	            {"reuse_port", P_BOOL, PF_OPT | PF_KWONLY | PF_PYANY},
	            {"dualstack_ipv6", P_BOOL, PF_OPT | PF_KWONLY | PF_PYANY}},
	 .exec = do_create_server,
	 .usage = "(HOST, PORT) [FAMILY [BACKLOG [REUSE_PORT [DUALSTACK_IPV6]]]]",
	 .summary = N_("a listening TCP socket: SO_REUSEADDR, bind, listen "
	            "(AF_INET6: IPV6_V6ONLY unless dual-stack)"),
	 .python = "srv = socket.create_server(('', 8080))",
	 .c_call = "socket(2), setsockopt(2), bind(2), listen(2)",
	 .errors = N_("EADDRINUSE: another socket listens on that port\n"
	           "EACCES: ports below 1024 need root\n"
	           "dualstack_ipv6 requires AF_INET6 family\n"),
	 .example = "srv = create_server 127.0.0.1:0"},
	{.name = "has_dualstack_ipv6", .group = "sockets",
	 .exec = do_has_dualstack_ipv6, .usage = "",
	 .summary = N_("whether an AF_INET6 socket can also take IPv4 "
	            "(IPV6_V6ONLY can be turned off): create_server's dual-stack"),
	 .python = "socket.has_dualstack_ipv6()",
	 .c_call = "socket(2), setsockopt(2) IPV6_V6ONLY 0",
	 .errors = "", .example = "has_dualstack_ipv6()"},
	{.name = "getdefaulttimeout", .group = "sockets",
	 .py = PY_NOARGS,
	 .exec = do_getdefaulttimeout, .usage = "",
	 .summary = N_("the timeout new sockets get (None: blocking)"),
	 .python = "socket.getdefaulttimeout()", .c_call = N_("(library state)"),
	 .errors = "", .example = "getdefaulttimeout"},
	{.name = "setdefaulttimeout", .group = "sockets",
	 .py = PY_O,
	 .params = {{"timeout", P_TIMEOUT, 0}},
	 .exec = do_setdefaulttimeout, .usage = "SECONDS|None",
	 .summary = N_("set the timeout new sockets get"),
	 .python = "socket.setdefaulttimeout(5)", .c_call = N_("(library state)"),
	 .errors = N_("Timeout value out of range: negative seconds\n"),
	 .example = "setdefaulttimeout 5"},
	{.name = "select", .group = "sockets", .py = PY_CLINIC,
	 .params = {{"rlist", P_SEQ, 0}, {"wlist", P_SEQ, 0}, {"xlist", P_SEQ, 0},
	            {"timeout", P_TIMEOUT, PF_OPT | PF_PYANY}},
	 .exec = do_select, .usage = "RLIST WLIST XLIST [TIMEOUT]",
	 .summary = N_("wait until sockets are readable or writable: (r, w, x)"),
	 .python = "select.select(r, w, x, timeout)", .c_call = "poll(2)",
	 .errors = N_("EBADF: a closed socket is in a list\n"),
	 .example = "r, w, x = select [srv, c] [] [] 1.0"},
	{.name = "bytearray", .group = "buffers",
	 .py = PY_KW,
	 .params = {{"source", P_ANY, PF_OPT}, {"encoding", P_ANY, PF_OPT},
	            {"errors", P_ANY, PF_OPT}},
	 .exec = do_bytearray, .usage = "[N|BYTES|STR ENCODING [ERRORS]]",
	 .summary = N_("a mutable buffer of N zero bytes, for recv_into"),
	 .python = "bytearray(16)", .c_call = "malloc(3)",
	 .errors = "", .example = "buf = bytearray 16"},
	{.name = "bytes", .group = "buffers",
	 .py = PY_KW,
	 .params = {{"source", P_ANY, PF_OPT}, {"encoding", P_ANY, PF_OPT},
	            {"errors", P_ANY, PF_OPT}},
	 .exec = do_bytes, .usage = "[N|STR [ENCODING [ERRORS]]|BYTEARRAY]",
	 .summary = N_("N zero bytes, the bytes of a bytearray, or a string encoded"),
	 .python = "bytes(16), bytes('hi', 'utf-8')", .c_call = "calloc(3)",
	 .errors = "", .example = "bytes buf"},
	{.name = NULL},
};
