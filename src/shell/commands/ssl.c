/* ssl.c - Python's ssl module: SSLContext objects, and sockets wrapped in
 * TLS (ssl.SSLSocket), in both forms. A TLS socket is a socket value
 * marked `tls`; its connection lives in a list here, found by the
 * socket's address, so plain sockets pay nothing for TLS. The OpenSSL
 * calls are core/tls.c's; handshake messages print under the statement
 * when tracing is on. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "../../core/errors.h"
#include "../../core/sock.h"
#include "../../core/tls.h"
#include "../lang/certdict.h"
#include "../lang/format.h"
#include "../session/output.h"
#include "ssl.h"

#if HAVE_OPENSSL

#define CTX(c) ((c)->argv[0]->u.sslctx)

struct tlssock {
	const struct sockobj *sock;
	struct tls_conn *conn;
	struct value *ctx; /* the SSLContext, referenced */
	bool server_side, hs_on_connect, ragged_eofs;
	struct tlssock *next;
};

static struct tlssock *tls_socks;

static struct tlssock *find_tls(const struct sockobj *s)
{
	struct tlssock *t = tls_socks;
	while (t && t->sock != s)
		t = t->next;
	return t;
}

static void drop_tls(struct sockobj *s)
{
	for (struct tlssock **p = &tls_socks; *p; p = &(*p)->next) {
		if ((*p)->sock != s)
			continue;
		struct tlssock *t = *p;
		*p = t->next;
		tls_conn_free(t->conn);
		v_unref(t->ctx);
		free(t);
		break;
	}
	s->tls = false;
}

/* ---- the handshake under the statement (trace on) ---- */

/* Messages of one direction gather on one line until the direction
 * changes or the OpenSSL call returns. */
static struct strbuf msg_line;
static bool msg_sent;

static void flush_msgs(void)
{
	if (!msg_line.len)
		return;
	sb_addc(&msg_line, '\n');
	out_write(msg_line.p, msg_line.len);
	sb_free(&msg_line);
}

static void on_tls_msg(void *arg, bool sent, const char *name)
{
	(void)arg;
	if (!sk_tracing())
		return;
	if (msg_line.len && sent != msg_sent)
		flush_msgs();
	if (!msg_line.len)
		sb_printf(&msg_line, "  tls %c %s", sent ? '>' : '<', name);
	else
		sb_printf(&msg_line, ", %s", name);
	msg_sent = sent;
}

static void free_ctx(struct tls_ctx *ctx)
{
	tls_ctx_free(ctx);
}

/* Load OpenSSL and set the hooks: `import ssl` and every constructor. */
static int ssl_ready(struct cmd_call *c)
{
	char why[256];
	if (tls_init(why, sizeof why))
		return cmd_fail(c, _("TLS is not available: %s"), why), -1;
	v_sslctx_freer = free_ctx;
	v_tls_dropper = drop_tls;
	tls_set_msg_hook(on_tls_msg, NULL);
	return 0;
}

/* ---- errors ---- */

static enum cmd_status tls_fail(struct cmd_call *c, enum tls_status st,
                                const char *why)
{
	if (st == TLS_SYSCALL && tls_last_errno())
		return cmd_errno(c, tls_last_errno());
	return cmd_fail(c, "%s: %s", tls_status_class(st), why);
}

/* A context call's result: 0, an errno (OSError), or -1 with WHY. */
static enum cmd_status ctx_result(struct cmd_call *c, int r, const char *why)
{
	if (r > 0)
		return cmd_errno(c, r);
	if (r < 0)
		return cmd_fail(c, "SSLError: %s", why);
	return CMD_OK;
}

/* ---- module functions ---- */

static enum cmd_status new_context(struct cmd_call *c, int protocol)
{
	char why[256];
	if (ssl_ready(c))
		return CMD_ERROR;
	struct tls_ctx *ctx = tls_ctx_new(protocol, why, sizeof why);
	if (!ctx)
		return cmd_fail(c, "%s", why);
	c->result = v_sslctx(ctx);
	return CMD_OK;
}

static enum cmd_status do_sslcontext(struct cmd_call *c)
{
	return new_context(c, (int)arg_int(c, 0, TLS_PROTOCOL_TLS));
}

static const char *opt_str(const struct cmd_call *c, int k)
{
	const struct value *v = c->argv[k];
	return v && v->type == T_STR ? v->u.s.p : NULL;
}

/* Python's create_default_context(): a client context that verifies,
 * with the system's CAs, or CAFILE/CAPATH when given. */
static enum cmd_status do_default_context(struct cmd_call *c)
{
	char why[512];
	if (new_context(c, TLS_PROTOCOL_CLIENT))
		return CMD_ERROR;
	struct tls_ctx *ctx = c->result->u.sslctx;
	int r = opt_str(c, 0) || opt_str(c, 1)
	                ? tls_ctx_load_verify(ctx, opt_str(c, 0), opt_str(c, 1),
	                                      why, sizeof why)
	                : tls_ctx_default_verify_paths(ctx, why, sizeof why);
	if (r) {
		v_unref(c->result);
		c->result = NULL;
	}
	return ctx_result(c, r, why);
}

/* ---- context methods ---- */

static enum cmd_status do_load_verify(struct cmd_call *c)
{
	char why[512];
	if (!opt_str(c, 1) && !opt_str(c, 2))
		return cmd_fail(c, _("cafile, capath and cadata cannot be all "
		                     "omitted"));
	return ctx_result(c, tls_ctx_load_verify(CTX(c), opt_str(c, 1),
	                                         opt_str(c, 2), why, sizeof why),
	                  why);
}

static enum cmd_status do_load_cert_chain(struct cmd_call *c)
{
	char why[512];
	return ctx_result(c, tls_ctx_load_cert_chain(CTX(c), opt_str(c, 1),
	                                             opt_str(c, 2), why,
	                                             sizeof why),
	                  why);
}

static enum cmd_status do_load_default_certs(struct cmd_call *c)
{
	char why[512];
	return ctx_result(c, tls_ctx_default_verify_paths(CTX(c), why,
	                                                  sizeof why),
	                  why);
}

static enum cmd_status do_set_ciphers(struct cmd_call *c)
{
	char why[256];
	if (tls_ctx_set_ciphers(CTX(c), c->argv[1]->u.s.p, why, sizeof why))
		return cmd_fail(c, "SSLError: %s", why);
	return CMD_OK;
}

/* A list of str as ALPN's wire form: each name after its length. */
static enum cmd_status do_set_alpn(struct cmd_call *c)
{
	const struct value *l = c->argv[1];
	struct strbuf wire = {0};
	char why[128];
	for (size_t i = 0; i < l->u.seq.n; i++) {
		const struct value *p = l->u.seq.items[i];
		if (p->type != T_STR) {
			sb_free(&wire);
			return cmd_fail(c, _("'%s' object has no attribute 'encode'"),
			                v_type_name(p));
		}
		if (p->u.s.len == 0 || p->u.s.len > 255) {
			sb_free(&wire);
			return cmd_fail(c, _("ALPN protocols must be 1 to 255 in "
			                     "length"));
		}
		sb_addc(&wire, (char)p->u.s.len);
		sb_add(&wire, p->u.s.p, p->u.s.len);
	}
	int r = tls_ctx_set_alpn(CTX(c), (const unsigned char *)wire.p, wire.len,
	                         why, sizeof why);
	sb_free(&wire);
	return r ? cmd_fail(c, "%s", why) : CMD_OK;
}

static enum cmd_status do_check_hostname(struct cmd_call *c)
{
	c->result = v_bool(tls_ctx_check_hostname(CTX(c)));
	return CMD_OK;
}

static enum cmd_status do_verify_mode(struct cmd_call *c)
{
	c->result = v_const(CK_CERT, tls_ctx_verify_mode(CTX(c)));
	return CMD_OK;
}

static enum cmd_status do_minimum_version(struct cmd_call *c)
{
	c->result = v_const(CK_TLSVER, tls_ctx_version(CTX(c), false));
	return CMD_OK;
}

static enum cmd_status do_maximum_version(struct cmd_call *c)
{
	c->result = v_const(CK_TLSVER, tls_ctx_version(CTX(c), true));
	return CMD_OK;
}

static enum cmd_status do_keylog_filename(struct cmd_call *c)
{
	const char *p = tls_ctx_keylog(CTX(c));
	c->result = p ? v_cstr(p) : NULL;
	return CMD_OK;
}

static enum cmd_status do_protocol(struct cmd_call *c)
{
	c->result = v_const(CK_SSLPROTO, tls_ctx_protocol(CTX(c)));
	return CMD_OK;
}

/* ---- ctx.ATTR = V ---- */

static char *set_int_attr(struct tls_ctx *ctx, const char *attr,
                          const struct value *v)
{
	char why[256];
	if (!v_is_int(v))
		return xasprintf(_("'%s' object cannot be interpreted as an "
		                   "integer"), v_type_name(v));
	int n = (int)v_int_of(v);
	int r = !strcmp(attr, "verify_mode")
	                ? tls_ctx_set_verify_mode(ctx, n, why, sizeof why)
	                : tls_ctx_set_version(ctx, attr[1] == 'a', n, why,
	                                      sizeof why);
	return r ? xstrdup(why) : NULL;
}

static char *set_keylog(struct tls_ctx *ctx, const struct value *v)
{
	char why[256];
	if (v->type != T_STR && v->type != T_NONE)
		return xasprintf(_("expected str, bytes or os.PathLike object, "
		                   "not %s"), v_type_name(v));
	int e = tls_ctx_set_keylog(ctx, v->type == T_STR ? v->u.s.p : NULL, why,
	                           sizeof why);
	return e ? fmt_errno(e) : NULL;
}

char *ssl_setattr(struct value *obj, const char *attr, const struct value *v)
{
	if (obj->type != T_SSLCTX)
		return xasprintf(_("'%s' object attribute '%s' is read-only"),
		                 v_type_name(obj), attr);
	struct tls_ctx *ctx = obj->u.sslctx;
	if (!strcmp(attr, "check_hostname")) {
		tls_ctx_set_check_hostname(ctx, v_truthy(v));
		return NULL;
	}
	if (!strcmp(attr, "keylog_filename"))
		return set_keylog(ctx, v);
	return set_int_attr(ctx, attr, v);
}

/* ---- wrap_socket ---- */

/* Python's checks in SSLSocket._create, in its order. */
static int wrap_checks(struct cmd_call *c, const struct sockobj *s,
                       bool server, const char *hostname)
{
	if (s->fd < 0)
		return cmd_errno(c, EBADF), -1;
	if ((s->type & 0xf) != SOCK_STREAM)
		return cmd_fail(c, _("only stream sockets are supported")), -1;
	if (server && hostname)
		return cmd_fail(c, _("server_hostname can only be specified in "
		                     "client mode")), -1;
	if (!hostname && tls_ctx_check_hostname(CTX(c)))
		return cmd_fail(c, _("check_hostname requires server_hostname")), -1;
	return 0;
}

/* CPython's check when the TLS object is made, on a connected socket:
 * at wrap_socket, connect or accept. */
static int side_check(struct cmd_call *c, const struct tls_ctx *ctx,
                      bool server)
{
	if (server && tls_ctx_protocol(ctx) == TLS_PROTOCOL_CLIENT)
		return cmd_fail(c, "SSLError: %s", _("Cannot create a server "
		                "socket with a PROTOCOL_TLS_CLIENT context")), -1;
	if (!server && tls_ctx_protocol(ctx) == TLS_PROTOCOL_SERVER)
		return cmd_fail(c, "SSLError: %s", _("Cannot create a client "
		                "socket with a PROTOCOL_TLS_SERVER context")), -1;
	return 0;
}

/* Run the handshake (or a read, write or shutdown) until it is done;
 * with a timeout, wait for the socket between tries as Python does. */
enum tls_op { OP_HANDSHAKE, OP_READ, OP_WRITE, OP_SHUTDOWN };

struct tls_io {
	void *buf;
	size_t len, done;
};

static enum tls_status one_op(struct tlssock *t, enum tls_op op,
                              struct tls_io *io, char *why, size_t n)
{
	switch (op) {
	case OP_HANDSHAKE:
		return tls_handshake(t->conn, why, n);
	case OP_READ:
		return tls_read(t->conn, io->buf, io->len, &io->done, why, n);
	case OP_WRITE:
		return tls_write(t->conn, io->buf, io->len, &io->done, why, n);
	default:
		return tls_shutdown(t->conn, why, n);
	}
}

/* Python's TimeoutError text for OP (less _ssl.c's "_ssl.c:NNN: "). */
static enum cmd_status timed_out(struct cmd_call *c, enum tls_op op)
{
	static const char *const what[] = {"handshake", "read", "write",
	                                   "shutdown"};
	return cmd_fail(c, "The %s operation timed out", what[op]);
}

/* The seconds left of a timeout that began at START: as Python, one
 * deadline for the whole call, however many waits it takes. */
static double time_left(const struct sockobj *s, double start)
{
	if (s->timeout < 0)
		return -1;
	double left = start + s->timeout - sk_now();
	return left > 0 ? left : 0;
}

static enum cmd_status run_op(struct cmd_call *c, struct tlssock *t,
                              enum tls_op op, struct tls_io *io)
{
	char why[512];
	const struct sockobj *s = t->sock;
	double start = sk_now();
	for (;;) {
		enum tls_status st = one_op(t, op, io, why, sizeof why);
		flush_msgs();
		if (st == TLS_OK)
			return CMD_OK;
		if ((st == TLS_ZERO_RETURN || st == TLS_EOF) && op == OP_READ &&
		    t->ragged_eofs)
			return CMD_OK; /* b'': the peer closed */
		bool want = st == TLS_WANT_READ || st == TLS_WANT_WRITE;
		if (!want || s->timeout == 0)
			return tls_fail(c, st, why);
		int e = sk_wait(s->fd, st == TLS_WANT_WRITE, time_left(s, start));
		if (e == CORE_ETIMEOUT)
			return timed_out(c, op);
		if (e)
			return cmd_errno(c, e);
	}
}

static struct tlssock *attach(struct cmd_call *c, struct value *sock,
                              bool server, const char *hostname, bool hs)
{
	char why[256];
	struct tls_conn *conn = tls_conn_new(CTX(c), sock->u.sock.fd, server,
	                                     hostname, why, sizeof why);
	if (!conn) {
		cmd_fail(c, "SSLError: %s", why);
		return NULL;
	}
	struct tlssock *t = xcalloc(1, sizeof *t);
	t->sock = &sock->u.sock;
	t->conn = conn;
	t->ctx = v_ref(c->argv[0]);
	t->server_side = server;
	t->hs_on_connect = hs;
	t->ragged_eofs = true;
	t->next = tls_socks;
	tls_socks = t;
	sock->u.sock.tls = true;
	return t;
}

static bool connected(const struct sockobj *s)
{
	struct sk_addr a;
	sk_trace_pause(true);
	int e = sk_getpeername(s->fd, &a);
	sk_trace_pause(false);
	return !e;
}

/* The wrapped socket takes the descriptor over: the plain one is left
 * closed, as Python's wrap_socket detaches it. */
static struct value *take_over(struct sockobj *s)
{
	struct value *v = v_socket(s->fd, s->family, s->type, s->proto,
	                           s->timeout);
	v->u.sock.connecting = s->connecting;
	s->fd = -1;
	s->closed = true;
	return v;
}

static enum cmd_status wrap(struct cmd_call *c, struct sockobj *s,
                            bool server, const char *hostname, bool hs)
{
	if (wrap_checks(c, s, server, hostname))
		return CMD_ERROR;
	bool conn = connected(s);
	if (conn && side_check(c, CTX(c), server))
		return CMD_ERROR;
	if (conn && hs && s->timeout == 0)
		return cmd_fail(c, _("do_handshake_on_connect should not be "
		                     "specified for non-blocking sockets"));
	struct value *v = take_over(s);
	struct tlssock *t = attach(c, v, server, hostname, hs);
	if (!t) {
		v_unref(v);
		return CMD_ERROR;
	}
	c->result = v;
	if (!conn || !hs)
		return CMD_OK;
	struct tls_io io = {0};
	return run_op(c, t, OP_HANDSHAKE, &io);
}

static enum cmd_status do_wrap_socket(struct cmd_call *c)
{
	const struct value *h = c->argv[5];
	return wrap(c, &c->argv[1]->u.sock, c->argv[2] && v_truthy(c->argv[2]),
	            h && h->type == T_STR ? h->u.s.p : NULL,
	            !c->argv[3] || v_truthy(c->argv[3]));
}

/* ---- the TLS socket's own methods ---- */

/* The TLS state of the socket a method was called on, or NULL with the
 * error: a plain socket has no such method; a closed one has no
 * descriptor (TLS keeps the number, which a new socket may have now). */
static struct tlssock *tls_of(struct cmd_call *c)
{
	struct tlssock *t = SOCK(c)->tls ? find_tls(SOCK(c)) : NULL;
	if (!t)
		cmd_fail(c, _("'socket' object has no attribute '%s'"),
		         c->cmd->name);
	else if (SOCK(c)->fd < 0)
		return cmd_errno(c, EBADF), NULL;
	return t;
}

/* The TLS state of a connected socket, or NULL with ENOTCONN, as
 * Python's _check_connected says. */
static struct tlssock *connected_tls(struct cmd_call *c)
{
	struct tlssock *t = tls_of(c);
	if (t && !connected(t->sock))
		return cmd_errno(c, ENOTCONN), NULL;
	return t;
}

static enum cmd_status do_do_handshake(struct cmd_call *c)
{
	struct tlssock *t = connected_tls(c);
	struct tls_io io = {0};
	return t ? run_op(c, t, OP_HANDSHAKE, &io) : CMD_ERROR;
}

/* Python's answer of a closed SSLSocket's version(), cipher() and
 * selected_alpn_protocol(): None, its TLS object gone. */
static bool closed_tls(struct cmd_call *c)
{
	return SOCK(c)->tls && SOCK(c)->fd < 0;
}

static enum cmd_status do_pending(struct cmd_call *c)
{
	if (closed_tls(c)) {
		c->result = v_int(0);
		return CMD_OK;
	}
	struct tlssock *t = tls_of(c);
	if (t)
		c->result = v_int((long long)tls_pending(t->conn));
	return t ? CMD_OK : CMD_ERROR;
}

static enum cmd_status do_version(struct cmd_call *c)
{
	if (closed_tls(c))
		return CMD_OK;
	struct tlssock *t = tls_of(c);
	const char *v = t ? tls_version(t->conn) : NULL;
	c->result = v ? v_cstr(v) : NULL;
	return t ? CMD_OK : CMD_ERROR;
}

static struct value *cipher_value(const struct tls_conn *conn)
{
	const char *name, *proto;
	int bits;
	if (!tls_handshake_done(conn) || !tls_cipher(conn, &name, &proto, &bits))
		return NULL;
	return v_tuple(3, v_cstr(name), v_cstr(proto), v_int(bits));
}

static enum cmd_status do_cipher(struct cmd_call *c)
{
	if (closed_tls(c))
		return CMD_OK;
	struct tlssock *t = tls_of(c);
	if (t)
		c->result = cipher_value(t->conn);
	return t ? CMD_OK : CMD_ERROR;
}

/* None without a certificate; {} for one not verified, as in Python. */
static enum cmd_status do_getpeercert(struct cmd_call *c)
{
	struct tlssock *t = connected_tls(c);
	if (!t)
		return CMD_ERROR;
	if (!tls_handshake_done(t->conn))
		return cmd_fail(c, _("handshake not done yet"));
	size_t len = 0;
	unsigned char *der = tls_peer_der(t->conn, &len);
	bool binary = c->argv[1] && v_truthy(c->argv[1]);
	if (!der) {
		return CMD_OK;
	} else if (binary) {
		c->result = v_bytes(der, len);
	} else if (!tls_peer_verified(t->conn)) {
		c->result = v_seq(T_DICT, NULL, 0);
	} else {
		char *cause = NULL;
		c->result = cert_dict_from_der(der, len, &cause);
		if (!c->result) {
			cmd_fail(c, "%s", cause);
			free(cause);
		}
	}
	free(der);
	return c->result ? CMD_OK : CMD_ERROR;
}

static enum cmd_status do_selected_alpn(struct cmd_call *c)
{
	if (closed_tls(c))
		return CMD_OK;
	struct tlssock *t = tls_of(c);
	const unsigned char *p;
	size_t len;
	if (t && tls_alpn(t->conn, &p, &len))
		c->result = v_str((const char *)p, len);
	return t ? CMD_OK : CMD_ERROR;
}

/* Python returns the socket, TLS gone from it: the same value here. */
static enum cmd_status do_unwrap(struct cmd_call *c)
{
	struct tlssock *t = tls_of(c);
	struct tls_io io = {0};
	if (!t || run_op(c, t, OP_SHUTDOWN, &io))
		return CMD_ERROR;
	drop_tls(SOCK(c));
	c->result = v_ref(c->argv[0]);
	return CMD_OK;
}

/* ---- socket methods, when the socket is a TLS one (socket.c asks) ---- */

static int no_flags(struct cmd_call *c, int k)
{
	if (arg_int(c, k, 0) == 0)
		return 0;
	return cmd_fail(c, _("non-zero flags not allowed in calls to %s() on "
	                     "<class 'ssl.SSLSocket'>"), c->cmd->name), -1;
}

enum cmd_status ssl_recv(struct cmd_call *c)
{
	struct tlssock *t = connected_tls(c);
	long long n = arg_int(c, 1, 1024);
	if (!t || no_flags(c, 2))
		return CMD_ERROR;
	if (n < 0)
		return cmd_fail(c, _("negative buffer size in read"));
	if ((size_t)n > VALUE_MAX)
		return cmd_fail(c, _("buffersize too large (at most 256 MiB)"));
	struct tls_io io = {.buf = xcalloc((size_t)n + 1, 1), .len = (size_t)n};
	enum cmd_status st = n ? run_op(c, t, OP_READ, &io) : CMD_OK;
	if (!st)
		c->result = v_bytes(io.buf, io.done);
	free(io.buf);
	return st;
}

/* recv_into(buffer, nbytes=0, flags=0) through TLS. */
enum cmd_status ssl_recv_into(struct cmd_call *c)
{
	struct tlssock *t = connected_tls(c);
	struct value *buf = c->argv[1];
	long long n = arg_int(c, 2, 0);
	if (!t || no_flags(c, 3))
		return CMD_ERROR;
	if (n < 0)
		return cmd_fail(c, _("negative buffersize in recv_into"));
	if (n == 0 || (size_t)n > buf->u.s.len)
		n = (long long)buf->u.s.len;
	struct tls_io io = {.buf = buf->u.s.p, .len = (size_t)n};
	enum cmd_status st = n ? run_op(c, t, OP_READ, &io) : CMD_OK;
	if (!st)
		c->result = v_int((long long)io.done);
	return st;
}

/* Python's SSLSocket refuses what would pass TLS by (ssl.py); sockshell
 * also its makefile and sendfile, which read and write the socket
 * directly here. NULL when E may run on TLS socket S. */
const char *ssl_refused(const struct cmd_entry *e, const struct sockobj *s)
{
	static const char *const py[] = {"recvfrom", "recvfrom_into", "sendto",
	                                 "recvmsg", "recvmsg_into", "sendmsg"};
	static char why[160];
	if (!s->tls || !find_tls(s))
		return NULL;
	for (size_t i = 0; i < sizeof py / sizeof *py; i++)
		if (!strcmp(e->name, py[i])) {
			snprintf(why, sizeof why, "%s not allowed on instances of "
			         "<class 'ssl.SSLSocket'>", e->name);
			return why;
		}
	if (!strcmp(e->name, "send_fds") || !strcmp(e->name, "recv_fds")) {
		snprintf(why, sizeof why, "%smsg not allowed on instances of "
		         "<class 'ssl.SSLSocket'>", e->name[0] == 's' ? "send" : "recv");
		return why;
	}
	if (!strcmp(e->name, "dup"))
		return "Can't dup() SSLSocket instances";
	if (!strcmp(e->name, "makefile") || !strcmp(e->name, "sendfile"))
		return _("not on a TLS socket here: it would pass TLS by "
		         "(use recv and sendall)");
	return NULL;
}

enum cmd_status ssl_send(struct cmd_call *c, bool all)
{
	struct tlssock *t = connected_tls(c);
	if (!t || no_flags(c, 2))
		return CMD_ERROR;
	const char *p;
	size_t len, off = 0;
	arg_data(c->argv[1], &p, &len);
	do {
		struct tls_io io = {.buf = (void *)(p + off), .len = len - off};
		if (run_op(c, t, OP_WRITE, &io))
			return CMD_ERROR;
		off += io.done;
	} while (all && off < len);
	if (!all)
		c->result = v_int((long long)off);
	return CMD_OK;
}

enum cmd_status ssl_after_connect(struct cmd_call *c)
{
	struct tlssock *t = find_tls(SOCK(c));
	struct tls_io io = {0};
	return t && t->hs_on_connect ? run_op(c, t, OP_HANDSHAKE, &io) : CMD_OK;
}

int ssl_before_connect(struct cmd_call *c)
{
	const struct tlssock *t = find_tls(SOCK(c));
	if (t && t->server_side)
		return cmd_fail(c, _("can't connect in server-side mode")), -1;
	return t ? side_check(c, t->ctx->u.sslctx, false) : 0;
}

/* accept() on a TLS socket: the connection wrapped server-side with the
 * listener's context, as SSLSocket.accept does. Takes CONN over. */
struct value *ssl_wrap_accepted(struct cmd_call *c, struct value *conn)
{
	const struct tlssock *t = find_tls(SOCK(c));
	struct cmd_call w = {.sh = c->sh, .cmd = c->cmd, .callname = c->callname};
	w.argv[0] = t->ctx;
	enum cmd_status st = wrap(&w, &conn->u.sock, true, NULL, t->hs_on_connect);
	v_unref(conn);
	if (!st)
		return w.result;
	v_unref(w.result);
	free(c->cause);
	c->cause = w.cause;
	c->sh_last_errno = w.sh_last_errno;
	return NULL;
}

static void tls_line(void *ctx, const char *name, const struct value *v)
{
	const struct tlssock *t = v->u.sock.tls ? find_tls(&v->u.sock) : NULL;
	const char *cname, *proto;
	int bits;
	(void)ctx;
	if (!t || v->u.sock.fd < 0)
		return;
	out_printf("%s: TLS %s", name, t->server_side ? "server" : "client");
	if (tls_handshake_done(t->conn) &&
	    tls_cipher(t->conn, &cname, &proto, &bits))
		out_printf(", %s, %s\n", tls_version(t->conn), cname);
	else
		out_printf(_(", handshake not done\n"));
}

void ssl_print_handles(struct shell *sh)
{
	walk_sockets(sh, tls_line, NULL);
}

void ssl_describe(struct strbuf *b, const struct sockobj *s)
{
	const struct tlssock *t = find_tls(s);
	const char *name, *proto;
	int bits;
	if (!t || !tls_handshake_done(t->conn) ||
	    !tls_cipher(t->conn, &name, &proto, &bits))
		return;
	sb_printf(b, ", version=%s, cipher=%s", tls_version(t->conn), name);
}

#else /* !HAVE_OPENSSL: no TLS socket is ever made */

char *ssl_setattr(struct value *obj, const char *attr, const struct value *v)
{
	(void)v;
	return xasprintf(_("'%s' object attribute '%s' is read-only"),
	                 v_type_name(obj), attr);
}

enum cmd_status ssl_recv(struct cmd_call *c)
{
	return cmd_errno(c, EBADF);
}

enum cmd_status ssl_send(struct cmd_call *c, bool all)
{
	(void)all;
	return cmd_errno(c, EBADF);
}

enum cmd_status ssl_recv_into(struct cmd_call *c)
{
	return cmd_errno(c, EBADF);
}

const char *ssl_refused(const struct cmd_entry *e, const struct sockobj *s)
{
	(void)e, (void)s;
	return NULL;
}

enum cmd_status ssl_after_connect(struct cmd_call *c)
{
	(void)c;
	return CMD_OK;
}

int ssl_before_connect(struct cmd_call *c)
{
	(void)c;
	return 0;
}

struct value *ssl_wrap_accepted(struct cmd_call *c, struct value *conn)
{
	v_unref(conn);
	cmd_errno(c, EBADF);
	return NULL;
}

void ssl_describe(struct strbuf *b, const struct sockobj *s)
{
	(void)b, (void)s;
}

void ssl_print_handles(struct shell *sh)
{
	(void)sh;
}

static enum cmd_status no_tls(struct cmd_call *c)
{
	char why[256];
	tls_init(why, sizeof why);
	return cmd_fail(c, _("TLS is not available: %s"), why);
}

/* Every row is there, so help and the man page are the same in every
 * build; each says why there is no TLS. */
#define do_sslcontext no_tls
#define do_default_context no_tls
#define do_load_verify no_tls
#define do_load_cert_chain no_tls
#define do_load_default_certs no_tls
#define do_set_ciphers no_tls
#define do_set_alpn no_tls
#define do_wrap_socket no_tls
#define do_check_hostname no_tls
#define do_verify_mode no_tls
#define do_minimum_version no_tls
#define do_maximum_version no_tls
#define do_keylog_filename no_tls
#define do_protocol no_tls
#define do_do_handshake no_tls
#define do_pending no_tls
#define do_version no_tls
#define do_cipher no_tls
#define do_getpeercert no_tls
#define do_selected_alpn no_tls
#define do_unwrap no_tls

#endif

#define SELF {"self", P_ANY, 0}
#define SOCKP {"sock", P_SOCK, 0}

const struct cmd_entry cmd_ssl_table[] = {
	{.name = "SSLContext", .group = "ssl", .py = PY_KW,
	 .params = {{"protocol", P_INT, PF_OPT}},
	 .exec = do_sslcontext, .usage = "[PROTOCOL]",
	 .summary = N_("a TLS context: settings and certificates shared by "
	               "the TLS sockets it wraps"),
	 .notes = N_("PROTOCOL_TLS_CLIENT verifies the server's certificate and "
	             "name (CERT_REQUIRED, check_hostname True); "
	             "PROTOCOL_TLS_SERVER asks no certificate of its clients."),
	 .python = "ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)",
	 .c_call = "SSL_CTX_new(3)",
	 .errors = N_("TLS is not available: sockshell was built without "
	              "OpenSSL\n"),
	 .example = "ctx = SSLContext PROTOCOL_TLS_SERVER"},
	{.name = "create_default_context", .group = "ssl", .py = PY_DEF,
	 .params = {{"cafile", P_ANY, PF_OPT | PF_KWONLY},
	            {"capath", P_ANY, PF_OPT | PF_KWONLY}},
	 .exec = do_default_context, .usage = "",
	 .summary = N_("a client context that trusts the system's CAs (or "
	               "cafile=), verifying certificates and names"),
	 .python = "ctx = ssl.create_default_context()",
	 .c_call = "SSL_CTX_new(3), SSL_CTX_set_default_verify_paths(3)",
	 .errors = "", .example = "ctx = create_default_context"},
	{.name = "load_verify_locations", .group = "ssl", .flags = CMD_SSLCTX,
	 .py = PY_KW,
	 .params = {SELF, {"cafile", P_ANY, PF_OPT}, {"capath", P_ANY, PF_OPT}},
	 .exec = do_load_verify, .usage = "CTX CAFILE [CAPATH]",
	 .summary = N_("trust the certificates in CAFILE (PEM) to sign peers'"),
	 .python = "ctx.load_verify_locations('ca.pem')",
	 .c_call = "SSL_CTX_load_verify_locations(3)",
	 .errors = N_("ENOENT: no such file\n"),
	 .example = "ctx.load_verify_locations cert.pem"},
	{.name = "load_cert_chain", .group = "ssl", .flags = CMD_SSLCTX,
	 .py = PY_KW,
	 .params = {SELF, {"certfile", P_STR, 0}, {"keyfile", P_ANY, PF_OPT}},
	 .exec = do_load_cert_chain, .usage = "CTX CERTFILE [KEYFILE]",
	 .summary = N_("the certificate (and key) this end shows its peer"),
	 .python = "ctx.load_cert_chain('cert.pem', 'key.pem')",
	 .c_call = "SSL_CTX_use_certificate_chain_file(3), "
	           "SSL_CTX_use_PrivateKey_file(3)",
	 .errors = N_("ENOENT: no such file\n[SSL: KEY_VALUES_MISMATCH]: the "
	              "key is not the certificate's\n"),
	 .example = "ctx.load_cert_chain cert.pem key.pem"},
	{.name = "load_default_certs", .group = "ssl", .flags = CMD_SSLCTX,
	 .py = PY_DEF, .params = {SELF}, .exec = do_load_default_certs,
	 .usage = "CTX", .summary = N_("trust the system's CAs"),
	 .python = "ctx.load_default_certs()",
	 .c_call = "SSL_CTX_set_default_verify_paths(3)", .errors = "",
	 .example = "ctx.load_default_certs"},
	{.name = "set_ciphers", .group = "ssl", .flags = CMD_SSLCTX, .py = PY_O,
	 .params = {SELF, {"cipherlist", P_STR, 0}}, .exec = do_set_ciphers,
	 .usage = "CTX CIPHERS",
	 .summary = N_("the TLS 1.2 cipher suites allowed, in OpenSSL's "
	               "cipher-list syntax"),
	 .python = "ctx.set_ciphers('ECDHE+AESGCM')",
	 .c_call = "SSL_CTX_set_cipher_list(3)",
	 .errors = N_("No cipher can be selected.\n"),
	 .example = "ctx.set_ciphers ECDHE+AESGCM"},
	{.name = "set_alpn_protocols", .group = "ssl", .flags = CMD_SSLCTX,
	 .py = PY_DEF, .params = {SELF, {"alpn_protocols", P_SEQ, 0}},
	 .exec = do_set_alpn, .usage = "CTX PROTOCOLS",
	 .summary = N_("the application protocols offered (client) or "
	               "accepted (server), best first"),
	 .python = "ctx.set_alpn_protocols(['h2', 'http/1.1'])",
	 .c_call = "SSL_CTX_set_alpn_protos(3)", .errors = "",
	 .example = "ctx.set_alpn_protocols ['h2', 'http/1.1']"},
	{.name = "wrap_socket", .group = "ssl", .flags = CMD_SSLCTX,
	 .py = PY_DEF,
	 .params = {SELF, SOCKP, {"server_side", P_BOOL, PF_OPT},
	            {"do_handshake_on_connect", P_BOOL, PF_OPT},
	            {"suppress_ragged_eofs", P_BOOL, PF_OPT},
	            {"server_hostname", P_HOST, PF_OPT}},
	 .exec = do_wrap_socket,
	 .usage = "CTX SOCK [SERVER_SIDE [HANDSHAKE [RAGGED [HOSTNAME]]]]",
	 .summary = N_("a TLS socket on SOCK, which it takes over; on a "
	               "connected socket the handshake runs at once"),
	 .notes = N_("server_hostname is sent to the server (SNI) and, with "
	             "check_hostname, must be a name in its certificate. "
	             "With do_handshake_on_connect=False, do_handshake runs it."),
	 .python = "t = ctx.wrap_socket(s, server_hostname='localhost')",
	 .c_call = "SSL_new(3), SSL_set_fd(3), SSL_do_handshake(3)",
	 .errors = N_("SSLCertVerificationError: the certificate is not "
	              "trusted, or not for that name\n"),
	 .example = "t = ctx.wrap_socket(s, server_hostname='localhost')"},
	{.name = "check_hostname", .group = "ssl",
	 .flags = CMD_SSLCTX | CMD_ATTR, .params = {SELF},
	 .exec = do_check_hostname, .usage = "CTX",
	 .summary = N_("whether the peer's certificate must name "
	               "server_hostname (settable: ctx.check_hostname = False)"),
	 .python = "ctx.check_hostname = False", .c_call = "SSL_set1_host(3)",
	 .errors = "", .example = "ctx.check_hostname"},
	{.name = "verify_mode", .group = "ssl", .flags = CMD_SSLCTX | CMD_ATTR,
	 .params = {SELF}, .exec = do_verify_mode, .usage = "CTX",
	 .summary = N_("CERT_NONE, CERT_OPTIONAL or CERT_REQUIRED (settable)"),
	 .python = "ctx.verify_mode = ssl.CERT_NONE",
	 .c_call = "SSL_CTX_set_verify(3)",
	 .errors = N_("Cannot set verify_mode to CERT_NONE when check_hostname "
	              "is enabled.\n"),
	 .example = "ctx.verify_mode"},
	{.name = "minimum_version", .group = "ssl",
	 .flags = CMD_SSLCTX | CMD_ATTR, .params = {SELF},
	 .exec = do_minimum_version, .usage = "CTX",
	 .summary = N_("the oldest TLS version allowed (settable: "
	               "TLSVersion.TLSv1_2)"),
	 .python = "ctx.minimum_version = ssl.TLSVersion.TLSv1_3",
	 .c_call = "SSL_CTX_set_min_proto_version(3)", .errors = "",
	 .example = "ctx.minimum_version"},
	{.name = "maximum_version", .group = "ssl",
	 .flags = CMD_SSLCTX | CMD_ATTR, .params = {SELF},
	 .exec = do_maximum_version, .usage = "CTX",
	 .summary = N_("the newest TLS version allowed (settable)"),
	 .python = "ctx.maximum_version = ssl.TLSVersion.TLSv1_2",
	 .c_call = "SSL_CTX_set_max_proto_version(3)", .errors = "",
	 .example = "ctx.maximum_version"},
	{.name = "keylog_filename", .group = "ssl",
	 .flags = CMD_SSLCTX | CMD_ATTR, .params = {SELF},
	 .exec = do_keylog_filename, .usage = "CTX",
	 .summary = N_("a file the session secrets are appended to, for "
	               "Wireshark to decrypt the traffic (settable)"),
	 .python = "ctx.keylog_filename = 'keys.log'",
	 .c_call = "SSL_CTX_set_keylog_callback(3)", .errors = "",
	 .example = "ctx.keylog_filename"},
	{.name = "protocol", .group = "ssl", .flags = CMD_SSLCTX | CMD_ATTR,
	 .params = {SELF}, .exec = do_protocol, .usage = "CTX",
	 .summary = N_("the PROTOCOL_ the context was made with"),
	 .python = "ctx.protocol", .c_call = N_("(none)"), .errors = "",
	 .example = "ctx.protocol"},
	{.name = "do_handshake", .group = "ssl", .flags = CMD_METHOD,
	 .py = PY_NOARGS, .params = {SOCKP}, .exec = do_do_handshake,
	 .usage = "SOCK",
	 .summary = N_("run the TLS handshake (again, after SSLWantReadError "
	               "on a non-blocking socket)"),
	 .python = "t.do_handshake()", .c_call = "SSL_do_handshake(3)",
	 .errors = N_("SSLWantReadError: non-blocking, the peer has not "
	              "answered yet: wait until readable, call again\n"),
	 .example = "t.do_handshake"},
	{.name = "pending", .group = "ssl", .flags = CMD_METHOD,
	 .py = PY_NOARGS, .params = {SOCKP}, .exec = do_pending,
	 .usage = "SOCK",
	 .summary = N_("bytes decrypted and waiting, which poll cannot see"),
	 .python = "t.pending()", .c_call = "SSL_pending(3)", .errors = "",
	 .example = "t.pending"},
	{.name = "version", .group = "ssl", .flags = CMD_METHOD,
	 .py = PY_NOARGS, .params = {SOCKP}, .exec = do_version,
	 .usage = "SOCK",
	 .summary = N_("the TLS version agreed ('TLSv1.3'), None before the "
	               "handshake"),
	 .python = "t.version()", .c_call = "SSL_get_version(3)", .errors = "",
	 .example = "t.version"},
	{.name = "cipher", .group = "ssl", .flags = CMD_METHOD,
	 .py = PY_NOARGS, .params = {SOCKP}, .exec = do_cipher,
	 .usage = "SOCK",
	 .summary = N_("(name, protocol, secret bits) of the cipher agreed"),
	 .python = "t.cipher()", .c_call = "SSL_get_current_cipher(3)",
	 .errors = "", .example = "t.cipher"},
	{.name = "getpeercert", .group = "ssl", .flags = CMD_METHOD,
	 .py = PY_KW, .params = {SOCKP, {"binary_form", P_BOOL, PF_OPT}},
	 .exec = do_getpeercert, .usage = "SOCK [BINARY_FORM]",
	 .summary = N_("the peer's certificate: a dict once verified ({} "
	               "when not), or its DER bytes with binary_form=True"),
	 .python = "t.getpeercert(binary_form=True)",
	 .c_call = "SSL_get1_peer_certificate(3), i2d_X509(3)",
	 .errors = N_("handshake not done yet\n"),
	 .example = "t.getpeercert True"},
	{.name = "selected_alpn_protocol", .group = "ssl", .flags = CMD_METHOD,
	 .py = PY_NOARGS, .params = {SOCKP}, .exec = do_selected_alpn,
	 .usage = "SOCK",
	 .summary = N_("the application protocol ALPN chose, or None"),
	 .python = "t.selected_alpn_protocol()",
	 .c_call = "SSL_get0_alpn_selected(3)", .errors = "",
	 .example = "t.selected_alpn_protocol"},
	{.name = "unwrap", .group = "ssl", .flags = CMD_METHOD,
	 .py = PY_NOARGS, .params = {SOCKP}, .exec = do_unwrap,
	 .usage = "SOCK",
	 .summary = N_("close TLS (close_notify both ways) and go on with the "
	               "plain socket, which it returns"),
	 .python = "s = t.unwrap()", .c_call = "SSL_shutdown(3)",
	 .errors = N_("SSLWantReadError: non-blocking, the peer's close_notify "
	              "has not come yet\n"),
	 .example = "s = t.unwrap()"},
	{.name = NULL},
};


/* import ssl: OpenSSL loads here, or the error says why it cannot. */
int ssl_import(char *why, size_t len)
{
	return tls_init(why, len);
}
