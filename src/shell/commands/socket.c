/* socket.c - the methods of a socket object, each also a command whose
 * first argument is the socket: s.recv 10 is recv s 10. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "../../core/errors.h"
#include "../../core/file.h"
#include "../../core/sock.h"
#include "../../core/sockopt.h"
#include "../lang/format.h"
#include "../lang/sockaddr.h"
#include "common.h"
#include "ssl.h"

/* Buffers past this are refused rather than exhausting memory. */
#define MAX_BUFSIZE ((long long)VALUE_MAX)

static enum cmd_status do_accept(struct cmd_call *c)
{
	struct sockobj *s = SOCK(c);
	struct sk_addr peer;
	int fd;
	int e = sk_accept(s->fd, s->timeout, SOCK_CLOEXEC, &peer, &fd);
	if (e)
		return cmd_errno(c, e);
	struct value *conn = new_socket(c->sh, fd, s->family, s->type, s->proto);
	if (s->tls && !(conn = ssl_wrap_accepted(c, conn)))
		return CMD_ERROR;
	c->result = v_tuple(2, conn, sockaddr_value(&peer));
	return CMD_OK;
}

static enum cmd_status do_bind(struct cmd_call *c)
{
	struct sk_addr a;
	if (arg_sockaddr(c, SOCK(c), c->argv[1], &a))
		return CMD_ERROR;
	int e = sk_bind(SOCK(c)->fd, &a);
	return e ? cmd_errno(c, e) : CMD_OK;
}

static enum cmd_status do_listen(struct cmd_call *c)
{
	/* Python's default backlog: min(SOMAXCONN, 128). */
	long long backlog = arg_int(c, 1, SOMAXCONN < 128 ? SOMAXCONN : 128);
	if (backlog < 0)
		backlog = 0; /* the binder refused one past a C int (PF_CINT) */
	int e = sk_listen(SOCK(c)->fd, (int)backlog);
	return e ? cmd_errno(c, e) : CMD_OK;
}

static enum cmd_status do_connect(struct cmd_call *c)
{
	struct sk_addr a;
	if (SOCK(c)->tls && ssl_before_connect(c))
		return CMD_ERROR;
	if (arg_sockaddr(c, SOCK(c), c->argv[1], &a))
		return CMD_ERROR;
	int e = sk_connect(SOCK(c)->fd, &a, SOCK(c)->timeout);
	SOCK(c)->connecting = e == EINPROGRESS || e == EALREADY;
	if (e)
		return cmd_errno(c, e);
	return SOCK(c)->tls ? ssl_after_connect(c) : CMD_OK;
}

static enum cmd_status do_connect_ex(struct cmd_call *c)
{
	struct sk_addr a;
	if (arg_sockaddr(c, SOCK(c), c->argv[1], &a))
		return CMD_ERROR;
	int e = sk_connect_ex(SOCK(c)->fd, &a, SOCK(c)->timeout);
	SOCK(c)->connecting = e == EINPROGRESS || e == EALREADY;
	/* Python's connect_ex returns errno, EAGAIN when its timeout runs
	 * out (CPython's SOCK_TIMEOUT_ERR); only Ctrl-C raises. */
	if (e == CORE_EINTERRUPTED)
		return cmd_errno(c, e);
	if (e == CORE_ETIMEOUT)
		e = EAGAIN;
	c->result = v_const(CK_ERRNO, e);
	return CMD_OK;
}

/* A socket variable whose descriptor was closed by number lets go of it,
 * so it cannot close the next socket that gets the same number. */
static void forget_fd(struct shell *sh, int fd)
{
	size_t n;
	const char **names = vars_names(&sh->vars, &n);
	for (size_t i = 0; i < n; i++) {
		struct value *v = vars_get(&sh->vars, names[i]);
		if (v->type == T_SOCKET && v->u.sock.fd == fd) {
			v->u.sock.fd = -1;
			v->u.sock.closed = true;
		}
	}
	free(names);
}

/* socket.close(fd). Only a socket: the shell's own descriptors (the
 * terminal, a transcript, a record file) are not for closing. */
static enum cmd_status close_fd(struct cmd_call *c)
{
	int fd, type;
	if (arg_c_int(c, 0, -1, &fd))
		return CMD_ERROR;
	socklen_t len = sizeof type;
	int e = fd < 0 ? EBADF : sk_getsockopt(fd, SOL_SOCKET, SO_TYPE, &type, &len);
	if (e == ENOTSOCK)
		return cmd_fail(c, _("fd %d is not a socket: sockshell closes only "
		                     "sockets by number"), fd);
	if (!e) {
		forget_fd(c->sh, fd);
		e = sk_close(fd);
	}
	return e && e != ECONNRESET ? cmd_errno(c, e) : CMD_OK;
}

static enum cmd_status do_close(struct cmd_call *c)
{
	const struct value *v = c->argv[0];
	if (v_is_int(v))
		return close_fd(c);
	if (v->type == T_STR && v->u.s.word)
		return cmd_fail(c, _("no socket named '%s'"), v->u.s.p);
	if (v->type != T_SOCKET)
		return cmd_fail(c, _("'%s' object cannot be interpreted as an integer"),
		                v_type_name(v));
	struct sockobj *s = SOCK(c);
	if (s->fd < 0)
		return CMD_OK;
	/* Python keeps the descriptor for the files makefile() made. */
	s->closed = true;
	if (s->io_refs > 0)
		return CMD_OK;
	int fd = s->fd;
	s->fd = -1;
	int e = sk_close(fd);
	/* Python ignores ECONNRESET from close. */
	return e && e != ECONNRESET ? cmd_errno(c, e) : CMD_OK;
}

static enum cmd_status do_detach(struct cmd_call *c)
{
	c->result = v_int(SOCK(c)->fd);
	SOCK(c)->fd = -1;
	return CMD_OK;
}

static enum cmd_status do_dup(struct cmd_call *c)
{
	struct sockobj *s = SOCK(c);
	int fd;
	int e = sk_dup(s->fd, &fd);
	if (e)
		return cmd_errno(c, e);
	c->result = v_socket(fd, s->family, s->type, s->proto, s->timeout);
	if (s->timeout >= 0)
		sk_set_nonblock(fd, true);
	return CMD_OK;
}

static enum cmd_status do_fileno(struct cmd_call *c)
{
	c->result = v_int(SOCK(c)->fd);
	return CMD_OK;
}

static enum cmd_status do_get_inheritable(struct cmd_call *c)
{
	bool cloexec;
	int e = sk_get_cloexec(SOCK(c)->fd, &cloexec);
	if (e)
		return cmd_errno(c, e);
	c->result = v_bool(!cloexec);
	return CMD_OK;
}

static enum cmd_status do_set_inheritable(struct cmd_call *c)
{
	int e = sk_set_cloexec(SOCK(c)->fd, !v_truthy(c->argv[1]));
	return e ? cmd_errno(c, e) : CMD_OK;
}

static enum cmd_status get_name(struct cmd_call *c, bool peer)
{
	struct sk_addr a;
	int e = peer ? sk_getpeername(SOCK(c)->fd, &a)
	             : sk_getsockname(SOCK(c)->fd, &a);
	if (e)
		return cmd_errno(c, e);
	c->result = sockaddr_value(&a);
	return CMD_OK;
}

static enum cmd_status do_getpeername(struct cmd_call *c)
{
	return get_name(c, true);
}

static enum cmd_status do_getsockname(struct cmd_call *c)
{
	return get_name(c, false);
}

static enum cmd_status getsockopt_raw(struct cmd_call *c, int level, int opt,
                                      long long buflen)
{
	if (buflen < 0 || buflen > 1024)
		return cmd_fail(c, _("getsockopt buflen out of range"));
	unsigned char buf[1024];
	socklen_t len = (socklen_t)buflen;
	int e = sk_getsockopt(SOCK(c)->fd, level, opt, buf, &len);
	if (e)
		return cmd_errno(c, e);
	c->result = v_bytes(buf, len);
	return CMD_OK;
}

static enum cmd_status do_getsockopt(struct cmd_call *c)
{
	int level = (int)arg_int(c, 1, 0), opt = (int)arg_int(c, 2, 0);
	if (c->argv[3] && arg_int(c, 3, 0) != 0) /* buflen 0: typed, as Python */
		return getsockopt_raw(c, level, opt, arg_int(c, 3, 0));
	const struct sockopt_desc *d = sockopt_find(level, opt);
	unsigned char buf[1024];
	socklen_t len = d ? (socklen_t)sockopt_size(d) : sizeof(int);
	if (len > sizeof buf)
		len = sizeof buf;
	memset(buf, 0, sizeof buf);
	int e = sk_getsockopt(SOCK(c)->fd, level, opt, buf, &len);
	if (e)
		return cmd_errno(c, e);
	struct optval o;
	if (!d) {
		int v = 0;
		memcpy(&v, buf, len < sizeof v ? len : sizeof v);
		c->result = v_int(v);
		return CMD_OK;
	}
	if (sockopt_decode(d, buf, len, &o))
		return cmd_fail(c, _("%s: unexpected option length %u"), d->name,
		                (unsigned)len);
	c->result = optval_to_value(&o);
	return CMD_OK;
}

/* Fill O from the user's value V: ints, (onoff, seconds), float seconds,
 * strings and addresses, or raw bytes as Python passes them. */
static int optval_from_value(struct cmd_call *c, const struct value *v,
                             const struct sockopt_desc *d, struct optval *o)
{
	memset(o, 0, sizeof *o);
	if (v_is_int(v)) {
		o->type = OT_INT;
		o->i = (long)v_int_of(v);
	} else if (v->type == T_FLOAT) {
		o->type = OT_TIMEVAL;
		o->f = v->u.f;
	} else if (v_is_bytes_like(v)) {
		if (v->u.s.len > sizeof o->raw)
			return cmd_fail(c, _("option value too long")), -1;
		o->type = OT_BYTES;
		memcpy(o->raw, v->u.s.p, v->u.s.len);
		o->rawlen = v->u.s.len;
	} else if (v->type == T_STR) {
		o->type = d && d->type == OT_INADDR ? OT_INADDR : OT_STRING;
		snprintf(o->s, sizeof o->s, "%s", v->u.s.p);
		if (d && (d->type == OT_IPMREQ || d->type == OT_IPV6MREQ))
			o->type = d->type;
	} else if (v_is_seq(v) && v->u.seq.n == 2 && v_is_int(v->u.seq.items[0]) &&
	           v_is_int(v->u.seq.items[1])) {
		o->type = OT_LINGER;
		o->pair[0] = (long)v_int_of(v->u.seq.items[0]);
		o->pair[1] = (long)v_int_of(v->u.seq.items[1]);
	} else if (v_is_seq(v) && v->u.seq.n == 2 &&
	           v->u.seq.items[0]->type == T_STR && d) {
		o->type = d->type == OT_IPV6MREQ ? OT_IPV6MREQ : OT_IPMREQ;
		snprintf(o->s, sizeof o->s, "%s", v->u.seq.items[0]->u.s.p);
		struct value *second = v->u.seq.items[1];
		if (second->type == T_STR)
			snprintf(o->s2, sizeof o->s2, "%s", second->u.s.p);
		else if (v_is_int(second))
			o->ifindex = (long)v_int_of(second);
	} else {
		return cmd_fail(c, _("argument 3 (value): expected an int, bytes, a "
		                   "float, a string or a pair, got %s"),
		                v_type_name(v)), -1;
	}
	return 0;
}

/* setsockopt(level, option, None, optlen): no value, only a length
 * (optlen as Python's "I" takes it, masked to 32 bits). */
static enum cmd_status setsockopt_null(struct cmd_call *c, int level, int opt)
{
	const struct value *n = c->argv[4];
	if (!n)
		return cmd_fail(c, _("a bytes-like object is required, not '%s'"),
		                v_type_name(c->argv[3]));
	if (!v_is_int(n))
		return cmd_fail(c, _("setsockopt() takes exactly 3 arguments (4 given)"));
	int e = sk_setsockopt(SOCK(c)->fd, level, opt, NULL,
	                      (socklen_t)(unsigned)v_int_of(n));
	return e ? cmd_errno(c, e) : CMD_OK;
}

static enum cmd_status do_setsockopt(struct cmd_call *c)
{
	int level = (int)arg_int(c, 1, 0), opt = (int)arg_int(c, 2, 0);
	if (c->argv[3]->type == T_NONE)
		return setsockopt_null(c, level, opt);
	if (c->argv[4])
		return cmd_fail(c, _("setsockopt() takes exactly 3 arguments (4 given)"));
	const struct sockopt_desc *d = sockopt_find(level, opt);
	struct optval o;
	if (optval_from_value(c, c->argv[3], d, &o))
		return CMD_ERROR;
	/* Python passes an int option as a C int. */
	if (o.type == OT_INT && (o.i > INT_MAX || o.i < INT_MIN))
		return cmd_fail(c, _("signed integer is greater than maximum"));
	unsigned char buf[512];
	socklen_t len = 0;
	if (!d && o.type == OT_INT) {
		int v = (int)o.i;
		memcpy(buf, &v, sizeof v);
		len = sizeof v;
	} else if (!d && o.type == OT_BYTES) {
		memcpy(buf, o.raw, o.rawlen);
		len = (socklen_t)o.rawlen;
	} else if (!d || sockopt_encode(d, &o, buf, sizeof buf, &len)) {
		return cmd_fail(c, _("%s does not take a value of that kind"),
		                d ? d->name : _("this option"));
	}
	int e = sk_setsockopt(SOCK(c)->fd, level, opt, buf, len);
	return e ? cmd_errno(c, e) : CMD_OK;
}

static int check_bufsize(struct cmd_call *c, long long n, const char *what)
{
	if (n < 0)
		return cmd_fail(c, _("negative buffersize in %s"), what), -1;
	if (n > MAX_BUFSIZE)
		return cmd_fail(c, _("buffersize too large (at most 256 MiB)")), -1;
	return 0;
}

static enum cmd_status recv_common(struct cmd_call *c, bool from)
{
	struct sockobj *s = SOCK(c);
	long long n = arg_int(c, 1, 0);
	if (check_bufsize(c, n, c->cmd->name))
		return CMD_ERROR;
	if (n == 0 && !from) {
		/* Python's recv(0) answers b'' without asking the kernel. */
		c->result = v_bytes("", 0);
		return CMD_OK;
	}
	/* Zeroed: with MSG_TRUNC on a stream the kernel discards the bytes
	 * without copying them (Python shows stale memory there). */
	char *buf = xcalloc((size_t)n + 1, 1);
	struct sk_addr a = {.len = 0};
	size_t got = 0;
	int e = sk_recv(s->fd, buf, (size_t)n, (int)arg_int(c, 2, 0), s->timeout,
	                from ? &a : NULL, &got);
	if (e) {
		free(buf);
		return cmd_errno(c, e);
	}
	/* With MSG_TRUNC the kernel reports a datagram's real length, and
	 * Python's bytes grow to it: what fit, then bytes the kernel never
	 * wrote (CPython's reallocation shows zeros there; so do we). */
	if (got > (size_t)n) {
		buf = xrealloc(buf, got);
		memset(buf + n, 0, got - (size_t)n);
	}
	struct value *data = v_bytes(buf, got);
	free(buf);
	c->result = from ? v_tuple(2, data, sockaddr_value(&a)) : data;
	return CMD_OK;
}

static enum cmd_status do_recv(struct cmd_call *c)
{
	if (SOCK(c)->tls)
		return ssl_recv(c);
	return recv_common(c, false);
}

static enum cmd_status do_recvfrom(struct cmd_call *c)
{
	return recv_common(c, true);
}

static enum cmd_status recv_into_common(struct cmd_call *c, bool from)
{
	struct sockobj *s = SOCK(c);
	struct value *buf = c->argv[1];
	long long n = arg_int(c, 2, 0);
	if (n == 0)
		n = (long long)buf->u.s.len;
	if (n < 0)
		return cmd_fail(c, _("negative buffersize in %s"), c->cmd->name);
	if ((size_t)n > buf->u.s.len)
		return cmd_fail(c, _("buffer too small for requested bytes"));
	if (n == 0 && !from) {
		/* Nothing to read into: Linux answers 0 at once; some kernels
		 * (gVisor) would block instead. */
		c->result = v_int(0);
		return CMD_OK;
	}
	struct sk_addr a = {.len = 0};
	size_t got = 0;
	int e = sk_recv(s->fd, buf->u.s.p, (size_t)n, (int)arg_int(c, 3, 0),
	                s->timeout, from ? &a : NULL, &got);
	if (e)
		return cmd_errno(c, e);
	struct value *count = v_int((long long)got);
	c->result = from ? v_tuple(2, count, sockaddr_value(&a)) : count;
	return CMD_OK;
}

static enum cmd_status do_recv_into(struct cmd_call *c)
{
	if (SOCK(c)->tls)
		return ssl_recv_into(c);
	return recv_into_common(c, false);
}

static enum cmd_status do_recvfrom_into(struct cmd_call *c)
{
	return recv_into_common(c, true);
}

static enum cmd_status send_common(struct cmd_call *c, bool all, bool to)
{
	struct sockobj *s = SOCK(c);
	const char *p;
	size_t len, sent = 0;
	arg_data(c->argv[1], &p, &len);
	int flags = (int)arg_int(c, 2, 0);
	struct sk_addr a;
	if (to && arg_sockaddr(c, s, c->argv[3], &a))
		return CMD_ERROR;
	int e = all ? sk_sendall(s->fd, p, len, flags, s->timeout, &sent)
	            : sk_send(s->fd, p, len, flags, s->timeout, to ? &a : NULL,
	                      &sent);
	if (e)
		return cmd_errno(c, e);
	if (!all)
		c->result = v_int((long long)sent);
	return CMD_OK;
}

static enum cmd_status do_send(struct cmd_call *c)
{
	if (SOCK(c)->tls)
		return ssl_send(c, false);
	return send_common(c, false, false);
}

static enum cmd_status do_sendall(struct cmd_call *c)
{
	if (SOCK(c)->tls)
		return ssl_send(c, true);
	return send_common(c, true, false);
}

static enum cmd_status do_sendto(struct cmd_call *c)
{
	return send_common(c, false, true);
}

static enum cmd_status do_shutdown(struct cmd_call *c)
{
	int how;
	if (arg_c_int(c, 1, 0, &how))
		return CMD_ERROR;
	int e = sk_shutdown(SOCK(c)->fd, how);
	return e ? cmd_errno(c, e) : CMD_OK;
}

static enum cmd_status set_timeout(struct cmd_call *c, double t)
{
	struct sockobj *s = SOCK(c);
	s->timeout = t;
	int e = sk_set_nonblock(s->fd, t >= 0);
	return e ? cmd_errno(c, e) : CMD_OK;
}

static enum cmd_status do_setblocking(struct cmd_call *c)
{
	return set_timeout(c, v_truthy(c->argv[1]) ? -1 : 0);
}

static enum cmd_status do_getblocking(struct cmd_call *c)
{
	c->result = v_bool(SOCK(c)->timeout != 0);
	return CMD_OK;
}

static enum cmd_status do_settimeout(struct cmd_call *c)
{
	return set_timeout(c, arg_timeout(c, 1, -1));
}

static enum cmd_status do_gettimeout(struct cmd_call *c)
{
	double t = SOCK(c)->timeout;
	c->result = t < 0 ? NULL : v_float(t);
	return CMD_OK;
}

static enum cmd_status do_family(struct cmd_call *c)
{
	c->result = v_const(CK_AF, SOCK(c)->family);
	return CMD_OK;
}

static enum cmd_status do_type(struct cmd_call *c)
{
	c->result = v_const(CK_SOCK, SOCK(c)->type);
	return CMD_OK;
}

static enum cmd_status do_proto(struct cmd_call *c)
{
	c->result = v_int(SOCK(c)->proto);
	return CMD_OK;
}

/* Python's fallback when sendfile(2) fails at once: read and send. */
static int sendfile_by_send(struct sockobj *s, int fd, long long offset,
                            long long count, size_t *total)
{
	char buf[8192];
	for (;;) {
		size_t want = sizeof buf;
		if (count && (long long)want > count - (long long)*total)
			want = (size_t)(count - (long long)*total);
		if (want == 0)
			return 0;
		ssize_t n = pread(fd, buf, want, (off_t)(offset + (long long)*total));
		if (n < 0)
			return errno;
		if (n == 0)
			return 0;
		size_t sent = 0;
		int e = sk_sendall(s->fd, buf, (size_t)n, 0, s->timeout, &sent);
		*total += sent;
		if (e)
			return e;
	}
}

/* Python's loop: blocks of the file size (at most 1 GiB) or of what is
 * left of COUNT, until the end of the file. */
static int sendfile_loop(struct sockobj *s, int fd, long long size,
                         long long offset, long long count, size_t *total)
{
	for (;;) {
		long long block = count ? count - (long long)*total : size;
		if (block <= 0)
			return 0;
		if (block > (1LL << 30))
			block = 1LL << 30;
		size_t sent = 0;
		int e = sk_sendfile(s->fd, fd, &offset, (size_t)block, s->timeout,
		                    &sent);
		if (e && *total == 0 && e != CORE_ETIMEOUT && e != CORE_EINTERRUPTED)
			return sendfile_by_send(s, fd, offset, count, total);
		if (e)
			return e;
		if (sent == 0)
			return 0;
		*total += sent;
	}
}

static enum cmd_status sendfile_checks(struct cmd_call *c)
{
	const struct value *count = c->argv[3];
	if (SOCK(c)->type != SOCK_STREAM)
		return cmd_fail(c, _("only SOCK_STREAM type sockets are supported"));
	if (count && count->type != T_NONE && v_int_of(count) <= 0)
		return cmd_fail(c, _("count must be a positive integer (got %lld)"),
		                v_int_of(count));
	if (arg_int(c, 2, 0) < 0)
		return cmd_fail(c, _("negative seek position %lld"), arg_int(c, 2, 0));
	return CMD_OK;
}

/* open(path, 'rb') as Python does it; its error names the file. */
static int open_rb(struct cmd_call *c, const char *path, long long *size)
{
	int fd;
	int e = file_open_rb(path, &fd, size);
	if (!e)
		return fd;
	char *why = fmt_errno(e);
	cmd_fail(c, "%s: '%s'", why, path);
	free(why);
	return -1;
}

static enum cmd_status do_sendfile(struct cmd_call *c)
{
	struct sockobj *s = SOCK(c);
	long long size;
	if (sendfile_checks(c))
		return CMD_ERROR;
	int fd = open_rb(c, c->argv[1]->u.s.p, &size);
	if (fd < 0)
		return CMD_ERROR;
	size_t total = 0;
	int e = 0;
	if (size > 0 && s->timeout == 0) {
		file_close(fd);
		return cmd_fail(c, _("non-blocking sockets are not supported"));
	}
	if (size > 0)
		e = sendfile_loop(s, fd, size, arg_int(c, 2, 0), arg_int(c, 3, 0),
		                  &total);
	file_close(fd);
	if (e)
		return cmd_errno(c, e);
	c->result = v_int((long long)total);
	return CMD_OK;
}

#define SELF {"socket", P_SOCK, 0}

const struct cmd_entry cmd_socket_table[] = {
	{.name = "accept", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_DEF,
	 .params = {SELF},
	 .exec = do_accept, .usage = "SOCK",
	 .summary = N_("wait for a connection on a listening socket; returns (conn, address)"),
	 .python = "conn, address = sock.accept()", .c_call = "accept4(2)",
	 .errors = N_("EINVAL: the socket is not listening (call listen first)\n"
	           "EAGAIN: non-blocking and nobody is waiting\n"
	           "timed out: the timeout ran out before a client came\n"),
	 .example = "conn, peer = srv.accept"},
	{.name = "bind", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_O,
	 .params = {SELF, {"address", P_ADDR, 0}},
	 .exec = do_bind, .usage = "SOCK ADDRESS",
	 .summary = N_("give the socket a local address (host port, a path, or @abstract)"),
	 .python = "sock.bind(address)", .c_call = "bind(2)",
	 .errors = N_("EADDRINUSE: another socket has that address (SO_REUSEADDR helps after TIME_WAIT)\n"
	           "EADDRNOTAVAIL: the host is not an address of this machine\n"
	           "EACCES: ports below 1024 need root\n"
	           "EINVAL: the socket is bound already\n"),
	 .example = "s.bind 127.0.0.1 0"},
	{.name = "close", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_DEF,
	 .params = {{"socket", P_ANY, 0}},
	 .exec = do_close, .usage = "SOCK|FD",
	 .summary = N_("close the socket; its variable stays, showing [closed]. "
	            "close FD closes a socket by its number (socket.close(fd))"),
	 .python = "sock.close(); socket.close(fd)", .c_call = "close(2)",
	 .errors = N_("EBADF: no descriptor has that number\n"
	           "not a socket: sockshell closes only sockets by number\n"),
	 .example = "s.close"},
	{.name = "connect", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_O,
	 .params = {SELF, {"address", P_ADDR, 0}},
	 .exec = do_connect, .usage = "SOCK ADDRESS",
	 .summary = N_("connect to a remote address"),
	 .python = "sock.connect(address)", .c_call = "connect(2)",
	 .errors = N_("ECONNREFUSED: nothing listens on that port\n"
	           "ETIMEDOUT: no answer from the host\n"
	           "EISCONN: the socket is connected already\n"
	           "EINPROGRESS: non-blocking connect under way\n"),
	 .example = "c.connect 127.0.0.1 8080"},
	{.name = "connect_ex", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_O,
	 .params = {SELF, {"address", P_ADDR, 0}},
	 .exec = do_connect_ex, .usage = "SOCK ADDRESS",
	 .summary = N_("connect, returning the errno (0 for success) instead of failing"),
	 .python = "err = sock.connect_ex(address)", .c_call = "connect(2)",
	 .errors = N_("EAGAIN: the timeout ran out (returned, as in Python)\n"),
	 .example = "c.connect_ex 127.0.0.1 1"},
	{.name = "detach", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_DEF,
	 .params = {SELF},
	 .exec = do_detach, .usage = "SOCK",
	 .summary = N_("forget the descriptor without closing it; returns it"),
	 .python = "fd = sock.detach()", .c_call = N_("(none)"),
	 .errors = "", .example = "fd = s.detach"},
	{.name = "dup", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_DEF,
	 .params = {SELF},
	 .exec = do_dup, .usage = "SOCK",
	 .summary = N_("a second socket object on a duplicate descriptor"),
	 .python = "s2 = sock.dup()", .c_call = "fcntl(2) F_DUPFD_CLOEXEC",
	 .errors = N_("EMFILE: too many open descriptors\n"), .example = "s2 = s.dup"},
	{.name = "fileno", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_NOARGS,
	 .params = {SELF},
	 .exec = do_fileno, .usage = "SOCK",
	 .summary = N_("the descriptor number (-1 once closed)"),
	 .python = "sock.fileno()", .c_call = N_("(the int itself)"),
	 .errors = "", .example = "s.fileno"},
	{.name = "get_inheritable", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_DEF,
	 .params = {SELF},
	 .exec = do_get_inheritable, .usage = "SOCK",
	 .summary = N_("whether child processes inherit the descriptor (FD_CLOEXEC clear)"),
	 .python = "sock.get_inheritable()", .c_call = "fcntl(2) F_GETFD",
	 .errors = N_("EBADF: the socket is closed\n"), .example = "s.get_inheritable"},
	{.name = "set_inheritable", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_DEF,
	 .params = {SELF, {"inheritable", P_BOOL, 0}},
	 .exec = do_set_inheritable, .usage = "SOCK BOOL",
	 .summary = N_("let child processes inherit the descriptor, or not"),
	 .python = "sock.set_inheritable(True)", .c_call = "fcntl(2) F_SETFD",
	 .errors = N_("EBADF: the socket is closed\n"),
	 .example = "s.set_inheritable True"},
	{.name = "getpeername", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_NOARGS,
	 .params = {SELF},
	 .exec = do_getpeername, .usage = "SOCK",
	 .summary = N_("the address of the other end"),
	 .python = "sock.getpeername()", .c_call = "getpeername(2)",
	 .errors = N_("ENOTCONN: the socket is not connected\n"),
	 .example = "c.getpeername"},
	{.name = "getsockname", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_NOARGS,
	 .params = {SELF},
	 .exec = do_getsockname, .usage = "SOCK",
	 .summary = N_("the socket's own address (the port bind 0 chose)"),
	 .python = "sock.getsockname()", .c_call = "getsockname(2)",
	 .errors = N_("EBADF: the socket is closed\n"), .example = "s.getsockname"},
	{.name = "getsockopt", .group = "options", .flags = CMD_METHOD,
	 .py = PY_TUPLE,
	 .params = {SELF, {"level", P_LEVEL, 0}, {"option", P_OPTNAME, 0},
	            {"buflen", P_INT, PF_OPT | PF_CINT}},
	 .exec = do_getsockopt, .usage = "SOCK LEVEL OPTION [BUFLEN]",
	 .summary = N_("read a socket option, typed (raw bytes when BUFLEN is given)"),
	 .python = N_("sock.getsockopt(level, option[, buflen]); Python gives "
	           "an int, or with BUFLEN raw bytes: struct.unpack('ii', "
	           "sock.getsockopt(SOL_SOCKET, SO_LINGER, 8))"),
	 .c_call = "getsockopt(2)",
	 .errors = N_("ENOPROTOOPT: the option does not exist at that level\n"
	           "EBADF: the socket is closed\n"),
	 .example = "s.getsockopt SOL_SOCKET SO_RCVBUF"},
	{.name = "setsockopt", .group = "options", .flags = CMD_METHOD,
	 .py = PY_TUPLE,
	 .params = {SELF, {"level", P_LEVEL, 0}, {"option", P_OPTNAME, PF_WRITE},
	            {"value", P_OPTVAL, 0}, {"optlen", P_ANY, PF_OPT | PF_PYALT}},
	 .exec = do_setsockopt, .usage = "SOCK LEVEL OPTION VALUE [OPTLEN]",
	 .summary = N_("set a socket option: an int, (onoff, seconds), float seconds, bytes, or in the shell form a string; "
	            "None OPTLEN passes no value (NULL) and that length"),
	 .python = N_("sock.setsockopt(level, option, value); "
	           "sock.setsockopt(level, option, None, optlen); Python takes only "
	           "an int or bytes: struct.pack('ii', 1, 5) for (1, 5), "
	           "struct.pack('ll', 1, 500000) for 1.5 (sockshell takes the "
	           "tuple and the float in both forms)"),
	 .c_call = "setsockopt(2)",
	 .errors = N_("ENOPROTOOPT: the option does not exist at that level\n"
	           "EBADF: the socket is closed\n"
	           "EINVAL: the value is of the wrong size or out of range\n"),
	 .example = "s.setsockopt SOL_SOCKET SO_REUSEADDR 1"},
	{.name = "listen", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_TUPLE,
	 .params = {SELF, {"backlog", P_INT, PF_OPT | PF_CINT}},
	 .exec = do_listen, .usage = "SOCK [BACKLOG]",
	 .summary = N_("make a stream socket accept connections"),
	 .python = "sock.listen([backlog])", .c_call = "listen(2)",
	 .errors = N_("EOPNOTSUPP: datagram sockets cannot listen (also called ENOTSUP)\n"
	           "EADDRINUSE: another socket listens on that port\n"),
	 .example = "srv.listen 5"},
	{.name = "recv", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_TUPLE,
	 .params = {SELF, {"bufsize", P_INT, 0}, {"flags", P_MSGFLAGS, PF_OPT}},
	 .exec = do_recv, .usage = "SOCK BUFSIZE [FLAGS]",
	 .summary = N_("receive up to BUFSIZE bytes; b'' means the peer closed"),
	 .python = "data = sock.recv(bufsize[, flags])",
	 .c_call = "recvfrom(2)",
	 .errors = N_("EAGAIN: non-blocking and nothing has arrived\n"
	           "ENOTCONN: a stream socket that is not connected\n"
	           "ECONNRESET: the peer reset the connection\n"
	           "timed out: the timeout ran out before data came\n"),
	 .example = "conn.recv 1024"},
	{.name = "recvfrom", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_TUPLE,
	 .params = {SELF, {"bufsize", P_INT, 0}, {"flags", P_MSGFLAGS, PF_OPT}},
	 .exec = do_recvfrom, .usage = "SOCK BUFSIZE [FLAGS]",
	 .summary = N_("receive a datagram and who sent it: (data, address)"),
	 .python = "data, address = sock.recvfrom(bufsize[, flags])",
	 .c_call = "recvfrom(2)",
	 .errors = N_("EAGAIN: non-blocking and nothing has arrived\n"
	           "timed out: the timeout ran out before data came\n"),
	 .example = "data, frm = u.recvfrom 100"},
	{.name = "recv_into", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_KW,
	 .params = {SELF, {"buffer", P_BUFFER, 0}, {"nbytes", P_INT, PF_OPT},
	            {"flags", P_MSGFLAGS, PF_OPT}},
	 .exec = do_recv_into, .usage = "SOCK BYTEARRAY [NBYTES [FLAGS]]",
	 .summary = N_("receive into a bytearray; returns the count"),
	 .python = "n = sock.recv_into(buffer[, nbytes[, flags]])",
	 .c_call = "recvfrom(2)",
	 .errors = N_("EAGAIN: non-blocking and nothing has arrived\n"),
	 .example = "buf = bytearray 16; n = b.recv_into buf"},
	{.name = "recvfrom_into", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_KW,
	 .params = {SELF, {"buffer", P_BUFFER, 0}, {"nbytes", P_INT, PF_OPT},
	            {"flags", P_MSGFLAGS, PF_OPT}},
	 .exec = do_recvfrom_into, .usage = "SOCK BYTEARRAY [NBYTES [FLAGS]]",
	 .summary = N_("receive a datagram into a bytearray: (count, address)"),
	 .python = "n, address = sock.recvfrom_into(buffer[, nbytes[, flags]])",
	 .c_call = "recvfrom(2)",
	 .errors = N_("EAGAIN: non-blocking and nothing has arrived\n"),
	 .example = "n, frm = u.recvfrom_into buf"},
	{.name = "send", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_TUPLE,
	 .params = {SELF, {"data", P_DATA, 0}, {"flags", P_MSGFLAGS, PF_OPT}},
	 .exec = do_send, .usage = "SOCK DATA [FLAGS]",
	 .summary = N_("send bytes; returns how many the kernel took"),
	 .python = "n = sock.send(data[, flags])", .c_call = "sendto(2)",
	 .errors = N_("EPIPE: the peer has closed, or this side shut down "
	           "writing (no SIGPIPE here)\n"
	           "EPIPE: also a TCP socket never connected (Linux; POSIX says "
	           "ENOTCONN)\n"
	           "ECONNRESET: the peer reset the connection\n"
	           "EAGAIN: non-blocking and the send buffer is full\n"
	           "ENOTCONN: the socket is not connected (UNIX and other "
	           "families)\n"),
	 .example = "c.send b'hello'"},
	{.name = "sendall", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_TUPLE,
	 .params = {SELF, {"data", P_DATA, 0}, {"flags", P_MSGFLAGS, PF_OPT}},
	 .exec = do_sendall, .usage = "SOCK DATA [FLAGS]",
	 .summary = N_("send every byte, looping over short sends"),
	 .python = "sock.sendall(data[, flags])", .c_call = N_("sendto(2), repeated"),
	 .errors = N_("EPIPE: the peer has closed\n"
	           "timed out: the timeout ran out part way\n"),
	 .example = "c.sendall b'x' * 65536"},
	{.name = "sendto", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_TUPLE,
	 .params = {SELF, {"data", P_DATA, 0}, {"flags", P_MSGFLAGS, PF_IFINT},
	            {"address", P_ADDR, 0}},
	 .exec = do_sendto, .usage = "SOCK DATA [FLAGS] ADDRESS",
	 .summary = N_("send a datagram to an address"),
	 .python = "n = sock.sendto(data[, flags], address)",
	 .c_call = "sendto(2)",
	 .errors = N_("EMSGSIZE: the datagram is too big\n"
	           "EISCONN: a connected stream socket takes no address\n"),
	 .example = "u.sendto b'hi' 127.0.0.1 9999"},
	{.name = "sendfile", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_DEF,
	 .params = {SELF, {"file", P_FILE, PF_PYANY}, {"offset", P_INT, PF_OPT},
	            {"count", P_INT, PF_OPT}},
	 .exec = do_sendfile, .usage = "SOCK PATH [OFFSET [COUNT]]",
	 .summary = N_("send a file's bytes from the kernel's page cache; returns "
	            "the count (Python takes an open file, sockshell a path)"),
	 .python = "n = sock.sendfile(open(path, 'rb'), offset, count)",
	 .c_call = "sendfile(2)",
	 .errors = N_("ENOENT: no such file\n"
	           "EPIPE: the peer has closed\n"
	           "only SOCK_STREAM type sockets are supported: not for datagrams\n"
	           "non-blocking sockets are not supported: timeout 0\n"),
	 .example = "conn.sendfile /etc/hostname"},
	{.name = "shutdown", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_O,
	 .params = {SELF, {"how", P_HOW, 0}},
	 .exec = do_shutdown, .usage = "SOCK SHUT_RD|SHUT_WR|SHUT_RDWR",
	 .summary = N_("close one or both directions; the peer's recv then returns b''"),
	 .python = "sock.shutdown(how)", .c_call = "shutdown(2)",
	 .errors = N_("ENOTCONN: the socket is not connected\n"),
	 .example = "conn.shutdown SHUT_WR"},
	{.name = "setblocking", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_O,
	 .params = {SELF, {"flag", P_BOOL, 0}},
	 .exec = do_setblocking, .usage = "SOCK BOOL",
	 .summary = N_("False makes calls fail with EAGAIN instead of waiting"),
	 .python = "sock.setblocking(False)", .c_call = "fcntl(2) O_NONBLOCK",
	 .errors = "", .example = "s.setblocking False"},
	{.name = "getblocking", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_NOARGS,
	 .params = {SELF},
	 .exec = do_getblocking, .usage = "SOCK",
	 .summary = N_("False when the socket is non-blocking (timeout 0)"),
	 .python = "sock.getblocking()", .c_call = "fcntl(2) F_GETFL",
	 .errors = "", .example = "s.getblocking"},
	{.name = "settimeout", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_O,
	 .params = {SELF, {"timeout", P_TIMEOUT, 0}},
	 .exec = do_settimeout, .usage = "SOCK SECONDS|None",
	 .summary = N_("wait at most SECONDS in each call (None: for ever, 0: never)"),
	 .python = "sock.settimeout(2.5)", .c_call = "fcntl(2) O_NONBLOCK + poll(2)",
	 .errors = N_("Timeout value out of range: negative seconds\n"),
	 .example = "s.settimeout 0.5"},
	{.name = "gettimeout", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_NOARGS,
	 .params = {SELF},
	 .exec = do_gettimeout, .usage = "SOCK",
	 .summary = N_("the timeout in seconds, or nothing (None) when blocking"),
	 .python = "sock.gettimeout()", .c_call = N_("(state kept by the library)"),
	 .errors = "", .example = "s.gettimeout"},
	{.name = "family", .group = "sockets", .flags = CMD_ATTR,
	 .params = {SELF}, .exec = do_family, .usage = "SOCK",
	 .summary = N_("the address family (attribute)"), .python = "sock.family",
	 .c_call = "getsockopt(2) SO_DOMAIN", .errors = "", .example = "s.family"},
	{.name = "type", .group = "sockets", .flags = CMD_ATTR,
	 .params = {SELF}, .exec = do_type, .usage = "SOCK",
	 .summary = N_("the socket type (attribute)"), .python = "sock.type",
	 .c_call = "getsockopt(2) SO_TYPE", .errors = "", .example = "s.type"},
	{.name = "proto", .group = "sockets", .flags = CMD_ATTR,
	 .params = {SELF}, .exec = do_proto, .usage = "SOCK",
	 .summary = N_("the protocol number (attribute)"), .python = "sock.proto",
	 .c_call = "getsockopt(2) SO_PROTOCOL", .errors = "", .example = "s.proto"},
	{.name = "timeout", .group = "sockets", .flags = CMD_ATTR,
	 .params = {SELF}, .exec = do_gettimeout, .usage = "SOCK",
	 .summary = N_("the timeout (attribute)"), .python = "sock.timeout",
	 .c_call = N_("(state kept by the library)"), .errors = "",
	 .example = "s.timeout"},
	{.name = NULL},
};
