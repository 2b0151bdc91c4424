/* msg.c - sendmsg/recvmsg and the module's send_fds/recv_fds: values to
 * iovecs and (level, type, bytes) items and back; the control buffer
 * itself is built and read by core/cmsg.c. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>

#include "../../core/cmsg.h"
#include "../../core/errors.h"
#include "../../core/sock.h"
#include "../lang/sockaddr.h"
#include "common.h"

/* Buffers past this are refused rather than exhausting memory. */
#define MAX_BUFSIZE ((long long)VALUE_MAX)

/* A sendmsg being put together; every pointer is owned here. */
struct outmsg {
	struct iovec *iov;
	size_t niov;
	struct cmsg_item *items;
	size_t nitems;
	unsigned char *control;
	struct sk_addr addr;
	bool has_addr;
};

static void outmsg_free(struct outmsg *m)
{
	free(m->iov);
	for (size_t i = 0; i < m->nitems; i++)
		free((void *)m->items[i].data);
	free(m->items);
	free(m->control);
}

static bool is_bytes_or_str(const struct value *v)
{
	return v_is_bytes_like(v) || v->type == T_STR;
}

/* Python's messages for an argument that is not an iterable of bytes;
 * the hint after them is sockshell's. */
static int not_iterable(struct cmd_call *c, int pos, const struct value *v)
{
	if (is_bytes_or_str(v))
		return cmd_fail(c, _("a bytes-like object is required, not '%s' "
		                "(argument %d is a list: [b'...'])"),
		                v->type == T_STR ? "str" : "int", pos), -1;
	return cmd_fail(c, _("%s() argument %d must be an iterable"),
	                c->cmd->name, pos), -1;
}

static int build_iov(struct cmd_call *c, const struct value *v,
                     struct outmsg *m)
{
	if (!v_is_seq(v))
		return not_iterable(c, 1, v);
	m->iov = xcalloc(v->u.seq.n + 1, sizeof *m->iov);
	for (size_t i = 0; i < v->u.seq.n; i++) {
		const struct value *b = v->u.seq.items[i];
		if (!is_bytes_or_str(b))
			return cmd_fail(c, _("a bytes-like object is required, not '%s'"),
			                v_type_name(b)), -1;
		m->iov[m->niov++] = (struct iovec){b->u.s.p, b->u.s.len};
	}
	return 0;
}

/* An fd list: sockets (sockshell's convenience) or ints, packed as the
 * C ints SCM_RIGHTS carries. */
static unsigned char *pack_fds(struct cmd_call *c, const struct value *v,
                               size_t *len)
{
	size_t n = v->type == T_SOCKET ? 1 : v->u.seq.n;
	int *fds = xcalloc(n + 1, sizeof *fds);
	for (size_t i = 0; i < n; i++) {
		const struct value *f = v->type == T_SOCKET ? v : v->u.seq.items[i];
		if (f->type == T_SOCKET) {
			fds[i] = f->u.sock.fd;
		} else if (v_is_int(f) && v_int_of(f) >= -1 &&
		           v_int_of(f) <= 0x7fffffff) {
			fds[i] = (int)v_int_of(f);
		} else {
			free(fds);
			if (v_is_int(f))
				cmd_fail(c, _("file descriptor out of range: %lld"), v_int_of(f));
			else
				cmd_fail(c, _("file descriptors must be sockets or ints, not '%s'"),
				         v_type_name(f));
			return NULL;
		}
	}
	*len = n * sizeof *fds;
	return (unsigned char *)fds;
}

/* (pid, uid, gid) packed as struct ucred. */
static unsigned char *pack_ucred(const struct value *v, size_t *len)
{
	struct ucred *u = xcalloc(1, sizeof *u);
	u->pid = (pid_t)v_int_of(v->u.seq.items[0]);
	u->uid = (uid_t)v_int_of(v->u.seq.items[1]);
	u->gid = (gid_t)v_int_of(v->u.seq.items[2]);
	*len = sizeof *u;
	return (unsigned char *)u;
}

static bool is_int_triple(const struct value *v)
{
	return v_is_seq(v) && v->u.seq.n == 3 && v_is_int(v->u.seq.items[0]) &&
	       v_is_int(v->u.seq.items[1]) && v_is_int(v->u.seq.items[2]);
}

/* The data of one ancillary item: bytes as in Python, or for SCM_RIGHTS
 * sockets/fds and for SCM_CREDENTIALS (pid, uid, gid). */
static unsigned char *anc_data(struct cmd_call *c, const struct cmsg_item *it,
                               const struct value *v, size_t *len)
{
	if (v_is_bytes_like(v)) {
		unsigned char *p = xmalloc(v->u.s.len + 1);
		memcpy(p, v->u.s.p, v->u.s.len);
		*len = v->u.s.len;
		return p;
	}
	bool sol = it->level == SOL_SOCKET;
	if (sol && it->type == SCM_RIGHTS && (v->type == T_SOCKET || v_is_seq(v)))
		return pack_fds(c, v, len);
	if (sol && it->type == SCM_CREDENTIALS && is_int_triple(v))
		return pack_ucred(v, len);
	cmd_fail(c, _("a bytes-like object is required, not '%s'"), v_type_name(v));
	return NULL;
}

static int anc_item(struct cmd_call *c, const struct value *t,
                    struct cmsg_item *it)
{
	const char *what = "[sendmsg() ancillary data items]()";
	if (!v_is_seq(t))
		return cmd_fail(c, _("%s argument must be 3-item sequence, not %s"),
		                what, v_type_name(t)), -1;
	if (t->u.seq.n != 3)
		return cmd_fail(c, _("%s argument must be sequence of length 3, "
		                "not %zu"), what, t->u.seq.n), -1;
	for (int k = 0; k < 2; k++) {
		const struct value *x = t->u.seq.items[k];
		if (!v_is_int(x))
			return cmd_fail(c, _("'%s' object cannot be interpreted as an "
			                "integer"), v_type_name(x)), -1;
	}
	it->level = (int)v_int_of(t->u.seq.items[0]);
	it->type = (int)v_int_of(t->u.seq.items[1]);
	it->data = anc_data(c, it, t->u.seq.items[2], &it->len);
	return it->data ? 0 : -1;
}

static int build_control(struct cmd_call *c, const struct value *v,
                         struct outmsg *m)
{
	if (!v || v->type == T_NONE)
		return 0;
	if (!v_is_seq(v))
		return not_iterable(c, 2, v);
	m->items = xcalloc(v->u.seq.n + 1, sizeof *m->items);
	for (size_t i = 0; i < v->u.seq.n; i++) {
		if (anc_item(c, v->u.seq.items[i], &m->items[i]))
			return -1;
		m->nitems++;
	}
	size_t len = cmsg_controllen(m->items, m->nitems);
	if (len == SIZE_MAX)
		return cmd_fail(c, _("ancillary data item too large")), -1;
	if (len) {
		m->control = xmalloc(len);
		cmsg_build(m->items, m->nitems, m->control, len);
	}
	return 0;
}

/* Send BUFFERS with ANC (may be NULL) as argument values at K, K+1; flags
 * and address follow. */
static enum cmd_status send_msg(struct cmd_call *c, struct sockobj *s,
                                const struct value *buffers,
                                const struct value *anc, int k)
{
	struct outmsg m = {0};
	enum cmd_status st = CMD_ERROR;
	const struct value *addr = c->argv[k + 1];
	if (build_iov(c, buffers, &m) || build_control(c, anc, &m))
		goto out;
	if (addr && addr->type != T_NONE) {
		if (arg_sockaddr(c, s, addr, &m.addr))
			goto out;
		m.has_addr = true;
	}
	struct msghdr msg = {
		.msg_name = m.has_addr ? &m.addr.ss : NULL,
		.msg_namelen = m.has_addr ? m.addr.len : 0,
		.msg_iov = m.iov, .msg_iovlen = m.niov,
		.msg_control = m.control,
		.msg_controllen = cmsg_controllen(m.items, m.nitems),
	};
	size_t sent = 0;
	int e = sk_sendmsg(s->fd, &msg, (int)arg_int(c, k, 0), s->timeout, &sent);
	if (e) {
		st = cmd_errno(c, e);
		goto out;
	}
	c->result = v_int((long long)sent);
	st = CMD_OK;
out:
	outmsg_free(&m);
	return st;
}

static enum cmd_status do_sendmsg(struct cmd_call *c)
{
	return send_msg(c, SOCK(c), c->argv[1], c->argv[2], 3);
}

/* A received message, its control buffer and its items. */
struct inmsg {
	char *data;
	size_t got;
	unsigned char *control;
	struct msghdr msg;
	struct sk_addr from;
	struct cmsg_item *items;
	size_t nitems;
};

static void inmsg_free(struct inmsg *m)
{
	free(m->data);
	free(m->control);
	free(m->items);
}

/* The address room Python offers recvmsg: the family's sockaddr size. */
static socklen_t name_room(int family)
{
	switch (family) {
	case AF_UNIX: return sizeof(struct sockaddr_un);
	case AF_INET: return sizeof(struct sockaddr_in);
	case AF_INET6: return sizeof(struct sockaddr_in6);
	default: return sizeof(struct sockaddr_storage);
	}
}

static int check_ancsize(struct cmd_call *c, long long ancsize)
{
	if (ancsize < 0 || (size_t)ancsize > MAX_BUFSIZE)
		return cmd_fail(c, _("invalid ancillary data buffer length")), -1;
	return 0;
}

/* The recvmsg itself, into the NIOV buffers of IOV; the count, the
 * ancillary items and the address land in M. */
static int recv_msg_iov(struct cmd_call *c, struct sockobj *s,
                        struct iovec *iov, size_t niov, long long ancsize,
                        int flags, struct inmsg *m)
{
	m->control = ancsize ? xcalloc((size_t)ancsize, 1) : NULL;
	m->msg = (struct msghdr){
		.msg_name = &m->from.ss, .msg_namelen = name_room(s->family),
		.msg_iov = iov, .msg_iovlen = niov,
		.msg_control = m->control, .msg_controllen = (size_t)ancsize,
	};
	int e = sk_recvmsg(s->fd, &m->msg, flags, s->timeout, &m->got);
	m->msg.msg_iov = NULL;
	if (e)
		return cmd_errno(c, e), -1;
	m->from.len = m->msg.msg_namelen;
	size_t n = cmsg_parse(&m->msg, NULL, 0);
	m->items = xcalloc(n + 1, sizeof *m->items);
	m->nitems = cmsg_parse(&m->msg, m->items, n);
	return 0;
}

static int recv_msg(struct cmd_call *c, struct sockobj *s, long long bufsize,
                    long long ancsize, int flags, struct inmsg *m)
{
	if (bufsize < 0)
		return cmd_fail(c, _("negative buffer size in recvmsg()")), -1;
	if (check_ancsize(c, ancsize))
		return -1;
	if (bufsize > MAX_BUFSIZE)
		return cmd_fail(c, _("buffersize too large (at most 256 MiB)")), -1;
	m->data = xmalloc((size_t)bufsize + 1);
	struct iovec iov = {m->data, (size_t)bufsize};
	if (recv_msg_iov(c, s, &iov, 1, ancsize, flags, m))
		return -1;
	/* With MSG_TRUNC the kernel reports the datagram's real length;
	 * recvmsg keeps what fit (recvmsg_into returns the length). */
	if (m->got > (size_t)bufsize)
		m->got = (size_t)bufsize;
	return 0;
}

static struct value *anc_value(const struct inmsg *m)
{
	struct value **items = xcalloc(m->nitems + 1, sizeof *items);
	for (size_t i = 0; i < m->nitems; i++) {
		const struct cmsg_item *it = &m->items[i];
		items[i] = v_tuple(3, v_int(it->level), v_int(it->type),
		                   v_bytes(it->data, it->len));
	}
	struct value *v = v_seq(T_LIST, items, m->nitems);
	free(items);
	return v;
}

static enum cmd_status do_recvmsg(struct cmd_call *c)
{
	struct inmsg m = {0};
	if (recv_msg(c, SOCK(c), arg_int(c, 1, 0), arg_int(c, 2, 0),
	             (int)arg_int(c, 3, 0), &m)) {
		inmsg_free(&m);
		return CMD_ERROR;
	}
	c->result = v_tuple(4, v_bytes(m.data, m.got), anc_value(&m),
	                    v_int(m.msg.msg_flags), sockaddr_value(&m.from));
	inmsg_free(&m);
	return CMD_OK;
}

static struct iovec *not_buffers(struct cmd_call *c, struct iovec *iov)
{
	free(iov);
	cmd_fail(c, _("recvmsg_into() argument 1 must be an iterable of "
	              "single-segment read-write buffers"));
	return NULL;
}

/* recvmsg_into's buffers: bytearrays, written in place. A str, bytes or
 * bytearray is iterable in Python, but of no buffers. */
static struct iovec *into_iov(struct cmd_call *c, const struct value *v)
{
	if (is_bytes_or_str(v))
		return not_buffers(c, NULL);
	if (!v_is_seq(v))
		return cmd_fail(c, _("recvmsg_into() argument 1 must be an iterable")),
		       NULL;
	struct iovec *iov = xcalloc(v->u.seq.n + 1, sizeof *iov);
	for (size_t i = 0; i < v->u.seq.n; i++) {
		struct value *b = v->u.seq.items[i];
		if (b->type != T_BYTEARRAY)
			return not_buffers(c, iov);
		iov[i] = (struct iovec){b->u.s.p, b->u.s.len};
	}
	return iov;
}

static enum cmd_status do_recvmsg_into(struct cmd_call *c)
{
	struct inmsg m = {0};
	struct iovec *iov = into_iov(c, c->argv[1]);
	long long ancsize = arg_int(c, 2, 0);
	if (!iov || check_ancsize(c, ancsize) ||
	    recv_msg_iov(c, SOCK(c), iov, c->argv[1]->u.seq.n, ancsize,
	                 (int)arg_int(c, 3, 0), &m)) {
		free(iov);
		inmsg_free(&m);
		return CMD_ERROR;
	}
	c->result = v_tuple(4, v_int((long long)m.got), anc_value(&m),
	                    v_int(m.msg.msg_flags), sockaddr_value(&m.from));
	free(iov);
	inmsg_free(&m);
	return CMD_OK;
}

static enum cmd_status do_send_fds(struct cmd_call *c)
{
	const struct value *fds = c->argv[2];
	if (!v_is_seq(fds) && fds->type != T_SOCKET)
		return cmd_fail(c, _("fds must be a list of sockets or ints, not %s"),
		                v_type_name(fds));
	struct value *item = v_tuple(3, v_int(SOL_SOCKET), v_int(SCM_RIGHTS),
	                             v_ref((struct value *)fds));
	struct value *anc = v_tuple(1, item);
	enum cmd_status st = send_msg(c, SOCK(c), c->argv[1], anc, 3);
	v_unref(anc);
	return st;
}

/* A socket value for a received descriptor, whatever it is: the kernel
 * says its family and type (0 for a descriptor that is not a socket),
 * and closing the value closes it, so nothing leaks. */
static struct value *adopt(struct cmd_call *c, int fd)
{
	static const int opts[3] = {SO_DOMAIN, SO_TYPE, SO_PROTOCOL};
	int v[3] = {0, 0, 0};
	for (int i = 0; i < 3; i++) {
		socklen_t len = sizeof v[i];
		if (sk_getsockopt(fd, SOL_SOCKET, opts[i], &v[i], &len))
			v[0] = v[1] = v[2] = 0;
	}
	return new_socket(c->sh, fd, v[0], v[1], v[2]);
}

static struct value *fds_value(struct cmd_call *c, const struct inmsg *m)
{
	size_t n = 0;
	for (size_t i = 0; i < m->nitems; i++)
		if (m->items[i].level == SOL_SOCKET && m->items[i].type == SCM_RIGHTS)
			n += m->items[i].len / sizeof(int);
	struct value **items = xcalloc(n + 1, sizeof *items);
	size_t k = 0;
	for (size_t i = 0; i < m->nitems; i++) {
		const struct cmsg_item *it = &m->items[i];
		if (it->level != SOL_SOCKET || it->type != SCM_RIGHTS)
			continue;
		for (size_t j = 0; j + sizeof(int) <= it->len; j += sizeof(int)) {
			int fd;
			memcpy(&fd, it->data + j, sizeof fd);
			items[k++] = adopt(c, fd);
		}
	}
	struct value *v = v_seq(T_LIST, items, k);
	free(items);
	return v;
}

static enum cmd_status do_recv_fds(struct cmd_call *c)
{
	long long maxfds = arg_int(c, 2, 0);
	if (maxfds < 0 || maxfds > (long long)(MAX_BUFSIZE / sizeof(int)))
		return cmd_fail(c, _("CMSG_LEN() argument out of range"));
	struct inmsg m = {0};
	if (recv_msg(c, SOCK(c), arg_int(c, 1, 0),
	             (long long)cmsg_len((size_t)maxfds * sizeof(int)),
	             (int)arg_int(c, 3, 0), &m)) {
		inmsg_free(&m);
		return CMD_ERROR;
	}
	c->result = v_tuple(4, v_bytes(m.data, m.got), fds_value(c, &m),
	                    v_int(m.msg.msg_flags), sockaddr_value(&m.from));
	inmsg_free(&m);
	return CMD_OK;
}

/* CMSG_LEN and CMSG_SPACE, with Python's range error. */
static enum cmd_status cmsg_size(struct cmd_call *c, bool space)
{
	long long n = arg_int(c, 0, 0);
	size_t r = n < 0 ? 0 : space ? cmsg_space((size_t)n) : cmsg_len((size_t)n);
	if (!r)
		return cmd_fail(c, _("%s() argument out of range"), c->cmd->name);
	c->result = v_int((long long)r);
	return CMD_OK;
}

static enum cmd_status do_cmsg_len(struct cmd_call *c)
{
	return cmsg_size(c, false);
}

static enum cmd_status do_cmsg_space(struct cmd_call *c)
{
	return cmsg_size(c, true);
}

#define SELF {"socket", P_SOCK, 0}
#define MSG_ERRORS N_("EBADF: a descriptor in SCM_RIGHTS is not open\n" \
	"EINVAL: the level or type of an ancillary item is unknown\n" \
	"EPERM: SCM_CREDENTIALS with another process's pid, uid or gid\n" \
	"EMSGSIZE: more than 1024 buffers, or a datagram too big\n")

const struct cmd_entry cmd_msg_table[] = {
	{.name = "sendmsg", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_TUPLE,
	 .params = {SELF, {"buffers", P_ANY, 0}, {"ancdata", P_ANY, PF_OPT},
	            {"flags", P_MSGFLAGS, PF_OPT}, {"address", P_ADDR, PF_OPT}},
	 .exec = do_sendmsg, .usage = "SOCK BUFFERS [ANCDATA [FLAGS [ADDRESS]]]",
	 .summary = N_("send a list of buffers with ancillary data [(level, type, data)]; "
	            "SCM_RIGHTS data may be a socket or a list of sockets"),
	 .python = "n = sock.sendmsg([b'hi'], [(SOL_SOCKET, SCM_RIGHTS, fds)])",
	 .c_call = "sendmsg(2), cmsg(3)", .errors = MSG_ERRORS,
	 .example = "a.sendmsg [b'take this'] [(SOL_SOCKET, SCM_RIGHTS, c)]"},
	{.name = "recvmsg", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_TUPLE,
	 .params = {SELF, {"bufsize", P_INT, 0}, {"ancbufsize", P_INT, PF_OPT},
	            {"flags", P_MSGFLAGS, PF_OPT}},
	 .exec = do_recvmsg, .usage = "SOCK BUFSIZE [ANCBUFSIZE [FLAGS]]",
	 .summary = N_("receive (data, [(level, type, data)], msg_flags, address); "
	            "ANCBUFSIZE bytes of room for ancillary data"),
	 .python = "data, anc, flags, addr = sock.recvmsg(1024, socket.CMSG_SPACE(4))",
	 .c_call = "recvmsg(2), cmsg(3)",
	 .errors = N_("MSG_CTRUNC in msg_flags: ANCBUFSIZE was too small (extra fds are closed)\n"
	           "EAGAIN: non-blocking and nothing has arrived\n"),
	 .example = "data, anc, flags, addr = b.recvmsg 100 64"},
	{.name = "recvmsg_into", .group = "sockets", .flags = CMD_METHOD,
	 .py = PY_TUPLE,
	 .params = {SELF, {"buffers", P_ANY, 0}, {"ancbufsize", P_INT, PF_OPT},
	            {"flags", P_MSGFLAGS, PF_OPT}},
	 .exec = do_recvmsg_into, .usage = "SOCK BUFFERS [ANCBUFSIZE [FLAGS]]",
	 .summary = N_("recvmsg into a list of bytearrays, filled in turn: "
	            "(nbytes, [(level, type, data)], msg_flags, address)"),
	 .python = "n, anc, flags, addr = sock.recvmsg_into([buf1, buf2])",
	 .c_call = "recvmsg(2) with an iovec per buffer, cmsg(3)",
	 .errors = N_("must be an iterable of single-segment read-write buffers: "
	           "bytearrays, not bytes\n"
	           "EAGAIN: non-blocking and nothing has arrived\n"),
	 .example = "n, anc, flags, addr = b.recvmsg_into [bytearray(2), bytearray(8)]"},
	{.name = "send_fds", .group = "sockets",
	 .py = PY_DEF,
	 .params = {{"sock", P_SOCK, 0}, {"buffers", P_ANY, 0}, {"fds", P_ANY, 0},
	            {"flags", P_MSGFLAGS, PF_OPT}, {"address", P_ADDR, PF_OPT}},
	 .exec = do_send_fds, .usage = "SOCK BUFFERS FDS [FLAGS [ADDRESS]]",
	 .summary = N_("send descriptors (sockets or ints) with SCM_RIGHTS "
	            "(FLAGS and ADDRESS are used; Python 3.11 ignored them)"),
	 .python = "socket.send_fds(sock, [b'x'], [fd])",
	 .c_call = N_("sendmsg(2) with SCM_RIGHTS"), .errors = MSG_ERRORS,
	 .example = "send_fds a [b'x'] [c]"},
	{.name = "recv_fds", .group = "sockets",
	 .py = PY_DEF,
	 .params = {{"sock", P_SOCK, 0}, {"bufsize", P_INT, 0},
	            {"maxfds", P_INT, 0}, {"flags", P_MSGFLAGS, PF_OPT}},
	 .exec = do_recv_fds, .usage = "SOCK BUFSIZE MAXFDS [FLAGS]",
	 .summary = N_("receive (data, fds, msg_flags, address); fds are socket "
	            "objects here (Python gives ints), so none can leak"),
	 .python = "data, fds, flags, addr = socket.recv_fds(sock, 100, 4)",
	 .c_call = N_("recvmsg(2) with SCM_RIGHTS"),
	 .errors = N_("MSG_CTRUNC in msg_flags: more descriptors came than MAXFDS\n"
	           "CMSG_LEN() argument out of range: MAXFDS is negative\n"),
	 .example = "data, fds, flags, addr = recv_fds b 100 1"},
	{.name = "CMSG_LEN", .group = "buffers", .params = {{"length", P_INT, 0}},
	 .py = PY_TUPLE,
	 .exec = do_cmsg_len, .usage = "LENGTH",
	 .summary = N_("the cmsg_len of an ancillary item with LENGTH data bytes"),
	 .python = "socket.CMSG_LEN(4)", .c_call = "CMSG_LEN(3)",
	 .errors = N_("CMSG_LEN() argument out of range: negative or too big\n"),
	 .example = "CMSG_LEN 4"},
	{.name = "CMSG_SPACE", .group = "buffers", .params = {{"length", P_INT, 0}},
	 .py = PY_TUPLE,
	 .exec = do_cmsg_space, .usage = "LENGTH",
	 .summary = N_("the room an ancillary item with LENGTH data bytes takes: "
	            "add these up for recvmsg's ANCBUFSIZE"),
	 .python = "socket.CMSG_SPACE(4)", .c_call = "CMSG_SPACE(3)",
	 .errors = N_("CMSG_SPACE() argument out of range: negative or too big\n"),
	 .example = "b.recvmsg 100 CMSG_SPACE(4)"},
	{.name = NULL},
};
