/* trace.c - format the core's call events the way strace does, so a
 * student can hold the two side by side. */
#include "trace.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <stdbool.h>
#include <string.h>
#include <sys/un.h>

#include "../../core/cmsg.h"
#include "../../core/consts.h"
#include "../../core/errors.h"
#include "../../core/sockopt.h"

/* strace shows at most this many bytes of a buffer. */
#define STRSIZE 32

static void flag_name(struct strbuf *b, enum const_kind kind, long v)
{
	const struct sk_const *c = const_by_value(kind, v);
	if (c)
		sb_adds(b, c->name);
	else
		sb_printf(b, "%ld", v);
}

/* N bytes of P in double quotes with C's escapes, as strace writes them. */
static void fmt_quoted(struct strbuf *b, const unsigned char *p, size_t n)
{
	sb_addc(b, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = p[i];
		switch (c) {
		case '"': sb_adds(b, "\\\""); break;
		case '\\': sb_adds(b, "\\\\"); break;
		case '\n': sb_adds(b, "\\n"); break;
		case '\r': sb_adds(b, "\\r"); break;
		case '\t': sb_adds(b, "\\t"); break;
		case '\f': sb_adds(b, "\\f"); break;
		case '\v': sb_adds(b, "\\v"); break;
		default:
			if (c >= 0x20 && c < 0x7f)
				sb_addc(b, (char)c);
			else if (i + 1 < n && p[i + 1] >= '0' && p[i + 1] <= '7')
				sb_printf(b, "\\%03o", c);
			else
				sb_printf(b, "\\%o", c);
		}
	}
	sb_addc(b, '"');
}

/* A data buffer: at most STRSIZE of its SHOWN bytes, then "..." */
static void fmt_string(struct strbuf *b, const unsigned char *p, size_t len,
                       size_t shown)
{
	size_t n = shown < STRSIZE ? shown : STRSIZE;
	if (n > len)
		n = len;
	fmt_quoted(b, p, n);
	if (shown > n)
		sb_adds(b, "...");
}

static void fmt_sockaddr(struct strbuf *b, const void *p, size_t len)
{
	const struct sockaddr *sa = p;
	if (len < sizeof(sa_family_t)) {
		sb_adds(b, "{}");
		return;
	}
	sb_adds(b, "{sa_family=");
	flag_name(b, CK_AF, sa->sa_family);
	if (sa->sa_family == AF_INET && len >= sizeof(struct sockaddr_in)) {
		const struct sockaddr_in *in = p;
		char h[INET_ADDRSTRLEN];
		inet_ntop(AF_INET, &in->sin_addr, h, sizeof h);
		sb_printf(b, ", sin_port=htons(%u), sin_addr=inet_addr(\"%s\")}",
		          ntohs(in->sin_port), h);
	} else if (sa->sa_family == AF_INET6 && len >= sizeof(struct sockaddr_in6)) {
		const struct sockaddr_in6 *in6 = p;
		char h[INET6_ADDRSTRLEN];
		inet_ntop(AF_INET6, &in6->sin6_addr, h, sizeof h);
		sb_printf(b, ", sin6_port=htons(%u), sin6_flowinfo=htonl(%u), "
		          "inet_pton(AF_INET6, \"%s\", &sin6_addr), sin6_scope_id=%u}",
		          ntohs(in6->sin6_port), ntohl(in6->sin6_flowinfo), h,
		          in6->sin6_scope_id);
	} else if (sa->sa_family == AF_UNIX) {
		const struct sockaddr_un *un = p;
		size_t off = offsetof(struct sockaddr_un, sun_path);
		size_t n = len > off ? len - off : 0;
		if (n == 0) {
			sb_addc(b, '}');
			return;
		}
		sb_adds(b, ", sun_path=");
		if (un->sun_path[0] == '\0') {
			sb_addc(b, '@');
			fmt_string(b, (const unsigned char *)un->sun_path + 1, n - 1, n - 1);
		} else {
			size_t l = strnlen(un->sun_path, n);
			sb_addc(b, '"');
			sb_add(b, un->sun_path, l);
			sb_addc(b, '"');
		}
		sb_addc(b, '}');
	} else {
		sb_adds(b, ", ...}");
	}
}

static void fmt_socktype(struct strbuf *b, long v)
{
	long base = v & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
	bool any = false;
	if (base) {
		flag_name(b, CK_SOCK, base);
		any = true;
	}
	/* strace's order: SOCK_CLOEXEC before SOCK_NONBLOCK. */
	if (v & SOCK_CLOEXEC) {
		sb_adds(b, any ? "|SOCK_CLOEXEC" : "SOCK_CLOEXEC");
		any = true;
	}
	if (v & SOCK_NONBLOCK) {
		sb_adds(b, any ? "|SOCK_NONBLOCK" : "SOCK_NONBLOCK");
		any = true;
	}
	if (!any)
		sb_adds(b, "0");
}

void fmt_flags(struct strbuf *b, enum const_kind kind, long v)
{
	if (v == 0) {
		sb_adds(b, "0");
		return;
	}
	bool any = false;
	for (int bit = 0; bit < 32; bit++) { /* EPOLLET is bit 31 */
		long m = 1L << bit;
		if (!(v & m))
			continue;
		sb_adds(b, any ? "|" : "");
		flag_name(b, kind, m);
		any = true;
	}
}

static void fmt_oflags(struct strbuf *b, long v)
{
	static const struct { long bit; const char *name; } fl[] = {
		{O_NONBLOCK, "O_NONBLOCK"}, {O_APPEND, "O_APPEND"},
		{O_ASYNC, "O_ASYNC"}, {O_DIRECT, "O_DIRECT"},
		{O_NOATIME, "O_NOATIME"}, {O_LARGEFILE, "O_LARGEFILE"}};
	long acc = v & O_ACCMODE;
	sb_adds(b, acc == O_RDWR ? "O_RDWR" : acc == O_WRONLY ? "O_WRONLY" : "O_RDONLY");
	for (size_t i = 0; i < sizeof fl / sizeof *fl; i++)
		if (v & fl[i].bit)
			sb_printf(b, "|%s", fl[i].name);
}

static void fmt_level(struct strbuf *b, long level)
{
	if (level == SOL_SOCKET)
		sb_adds(b, "SOL_SOCKET");
	else if (level == IPPROTO_IP)
		sb_adds(b, "SOL_IP");
	else if (level == IPPROTO_TCP)
		sb_adds(b, "SOL_TCP");
	else if (level == IPPROTO_IPV6)
		sb_adds(b, "SOL_IPV6");
	else if (level == IPPROTO_UDP)
		sb_adds(b, "SOL_UDP");
	else
		flag_name(b, CK_SOL, level);
}

static void fmt_optname(struct strbuf *b, long level, long opt)
{
	const struct sockopt_desc *d = sockopt_find((int)level, (int)opt);
	/* strace names the old timeval options by their _OLD names. */
	if (d && level == SOL_SOCKET && (opt == SO_RCVTIMEO || opt == SO_SNDTIMEO))
		sb_printf(b, "%s_OLD", d->name);
	else if (d)
		sb_adds(b, d->name);
	else
		sb_printf(b, "%ld", opt);
}

static void fmt_optval(struct strbuf *b, const struct sk_arg *a)
{
	const struct sockopt_desc *d = sockopt_find((int)a->aux, (int)a->i);
	if (!a->p || a->len == 0) {
		sb_adds(b, a->p ? "\"\"" : "NULL");
		return;
	}
	if (d && d->type == OT_LINGER && a->len >= sizeof(struct linger)) {
		const struct linger *l = a->p;
		sb_printf(b, "{l_onoff=%d, l_linger=%d}", l->l_onoff, l->l_linger);
	} else if (a->len == sizeof(int) && (!d || d->type != OT_TIMEVAL)) {
		int v;
		memcpy(&v, a->p, sizeof v);
		/* strace names a pending error: [ECONNREFUSED]. */
		if (d && d->type == OT_ERRNO && v && errno_name(v))
			sb_printf(b, "[%s]", errno_name(v));
		else
			sb_printf(b, "[%d]", v);
	} else {
		fmt_string(b, a->p, a->len, a->len);
	}
}

static void fmt_pollfds(struct strbuf *b, const struct pollfd *p, size_t n,
                        bool revents)
{
	static const struct { short bit; const char *name; } ev[] = {
		{POLLIN, "POLLIN"}, {POLLPRI, "POLLPRI"}, {POLLOUT, "POLLOUT"},
		{POLLERR, "POLLERR"}, {POLLHUP, "POLLHUP"}, {POLLNVAL, "POLLNVAL"},
		{POLLRDHUP, "POLLRDHUP"}};
	sb_addc(b, '[');
	bool first = true;
	for (size_t i = 0; i < n; i++) {
		short e = revents ? p[i].revents : p[i].events;
		if (revents && !e)
			continue;
		sb_printf(b, "%s{fd=%d, %s=", first ? "" : ", ", p[i].fd,
		          revents ? "revents" : "events");
		first = false;
		bool any = false;
		for (size_t k = 0; k < sizeof ev / sizeof *ev; k++)
			if (e & ev[k].bit) {
				sb_printf(b, "%s%s", any ? "|" : "", ev[k].name);
				any = true;
			}
		if (!any)
			sb_adds(b, "0");
		sb_addc(b, '}');
	}
	sb_addc(b, ']');
}

/* {events=EPOLLIN|EPOLLET, data={u32=3, u64=3}}, in [...] for a wait. */
static void fmt_epoll_events(struct strbuf *b, const struct epoll_event *e,
                             size_t n, bool list)
{
	if (list)
		sb_addc(b, '[');
	for (size_t i = 0; i < n; i++) {
		sb_adds(b, i ? ", {events=" : "{events=");
		fmt_flags(b, CK_EPOLL, (long)e[i].events);
		sb_printf(b, ", data={u32=%u, u64=%llu}}", (unsigned)e[i].data.u32,
		          (unsigned long long)e[i].data.u64);
	}
	if (list)
		sb_addc(b, ']');
}

/* The data of the iovecs; a received message shows the RET bytes that
 * arrived, spread over its buffers. */
static void fmt_iov(struct strbuf *b, const struct msghdr *m, bool in,
                    long ret)
{
	size_t left = in ? (size_t)(ret > 0 ? ret : 0) : (size_t)-1;
	sb_adds(b, "msg_iov=[");
	for (size_t i = 0; i < m->msg_iovlen; i++) {
		const struct iovec *v = &m->msg_iov[i];
		size_t shown = v->iov_len < left ? v->iov_len : left;
		sb_adds(b, i ? ", {iov_base=" : "{iov_base=");
		fmt_string(b, v->iov_base, shown, shown);
		sb_printf(b, ", iov_len=%zu}", v->iov_len);
		left -= shown;
	}
	sb_printf(b, "], msg_iovlen=%zu", (size_t)m->msg_iovlen);
}

static void fmt_cmsg_type(struct strbuf *b, const struct cmsg_item *it)
{
	const struct sk_const *c = it->level == SOL_SOCKET
	                                   ? const_by_value(CK_SCM, it->type)
	                                   : NULL;
	if (c)
		sb_adds(b, c->name);
	else if (it->level == SOL_SOCKET)
		sb_printf(b, "%#x /* SCM_??? */", it->type);
	else if (it->level == IPPROTO_IP)
		sb_printf(b, "%#x /* IP_??? */", it->type);
	else
		sb_printf(b, "%#x", it->type);
}

/* strace decodes the data of descriptors and credentials only. */
static void fmt_cmsg_data(struct strbuf *b, const struct cmsg_item *it)
{
	if (it->level != SOL_SOCKET)
		return;
	if (it->type == SCM_RIGHTS && it->len >= sizeof(int)) {
		sb_adds(b, ", cmsg_data=[");
		for (size_t i = 0; i + sizeof(int) <= it->len; i += sizeof(int)) {
			int fd;
			memcpy(&fd, it->data + i, sizeof fd);
			sb_printf(b, "%s%d", i ? ", " : "", fd);
		}
		sb_addc(b, ']');
	} else if (it->type == SCM_CREDENTIALS && it->len >= sizeof(struct ucred)) {
		struct ucred u;
		memcpy(&u, it->data, sizeof u);
		sb_printf(b, ", cmsg_data={pid=%d, uid=%u, gid=%u}", (int)u.pid,
		          (unsigned)u.uid, (unsigned)u.gid);
	}
}

static void fmt_control(struct strbuf *b, const struct msghdr *m)
{
	struct cmsg_item items[16];
	size_t n = cmsg_parse(m, items, 16);
	if (n == 0)
		return;
	sb_adds(b, ", msg_control=[");
	for (size_t i = 0; i < n && i < 16; i++) {
		sb_printf(b, "%s{cmsg_len=%zu, cmsg_level=", i ? ", " : "",
		          cmsg_len(items[i].len));
		fmt_level(b, items[i].level);
		sb_adds(b, ", cmsg_type=");
		fmt_cmsg_type(b, &items[i]);
		fmt_cmsg_data(b, &items[i]);
		sb_addc(b, '}');
	}
	sb_addc(b, ']');
}

/* A struct msghdr as strace shows it: in full for sendmsg and for a
 * recvmsg that succeeded, only msg_namelen for one that failed. A->aux is
 * the msg_namelen recvmsg was offered. */
static void fmt_msghdr(struct strbuf *b, const struct sk_event *ev,
                       const struct sk_arg *a)
{
	const struct msghdr *m = a->p;
	bool in = !strcmp(ev->name, "recvmsg");
	if (in && ev->ret < 0) {
		sb_printf(b, "{msg_namelen=%ld}", a->aux);
		return;
	}
	sb_adds(b, "{msg_name=");
	if (!m->msg_name)
		sb_adds(b, "NULL");
	else if (m->msg_namelen == 0)
		sb_printf(b, "%p", m->msg_name);
	else
		fmt_sockaddr(b, m->msg_name, m->msg_namelen);
	if (in && a->aux != (long)m->msg_namelen)
		sb_printf(b, ", msg_namelen=%ld => %u", a->aux,
		          (unsigned)m->msg_namelen);
	else
		sb_printf(b, ", msg_namelen=%u", (unsigned)m->msg_namelen);
	sb_adds(b, ", ");
	fmt_iov(b, m, in, ev->ret);
	fmt_control(b, m);
	sb_printf(b, ", msg_controllen=%zu, msg_flags=", (size_t)m->msg_controllen);
	fmt_flags(b, CK_MSG, m->msg_flags);
	sb_addc(b, '}');
}

/* The arguments of the socket calls proper. False: not one of theirs. */
static bool fmt_sock_arg(struct strbuf *b, const struct sk_event *ev,
                         const struct sk_arg *a)
{
	switch (a->kind) {
	case SA_FAMILY:
		flag_name(b, CK_AF, a->i);
		return true;
	case SA_SOCKTYPE:
		fmt_socktype(b, a->i);
		return true;
	case SA_PROTO:
		/* strace names protocols only for the IP families. */
		if (ev->a[0].kind == SA_FAMILY &&
		    (ev->a[0].i == AF_INET || ev->a[0].i == AF_INET6))
			flag_name(b, CK_IPPROTO, a->i);
		else
			sb_printf(b, "%ld", a->i);
		return true;
	case SA_SOCKADDR:
		if (ev->ret < 0 && !strcmp(ev->name, "accept4"))
			sb_adds(b, "0x0");
		else
			fmt_sockaddr(b, a->p, a->len);
		return true;
	case SA_SOCKLEN:
		if (a->aux < 0 || a->aux == a->i)
			sb_printf(b, "[%ld]", a->i);
		else
			sb_printf(b, "[%ld => %ld]", a->i, a->aux);
		return true;
	case SA_BUF:
		if (ev->ret < 0 && !strcmp(ev->name, "recvfrom"))
			sb_adds(b, "0x0");
		else
			fmt_string(b, a->p, a->len, a->len);
		return true;
	case SA_MSGFLAGS:
		fmt_flags(b, CK_MSG, a->i);
		return true;
	case SA_MSGHDR:
		fmt_msghdr(b, ev, a);
		return true;
	default:
		return false;
	}
}

/* Options and shutdown's how. */
static bool fmt_option_arg(struct strbuf *b, const struct sk_arg *a)
{
	switch (a->kind) {
	case SA_LEVEL:
		fmt_level(b, a->i);
		return true;
	case SA_OPTNAME:
		fmt_optname(b, a->aux, a->i);
		return true;
	case SA_OPTVAL:
		fmt_optval(b, a);
		return true;
	case SA_HOW:
		flag_name(b, CK_SHUT, a->i);
		return true;
	default:
		return false;
	}
}

/* fcntl's, the files' (sendfile, unlink) and names printed as they are. */
static bool fmt_file_arg(struct strbuf *b, const struct sk_arg *a)
{
	switch (a->kind) {
	case SA_FCNTLCMD:
		sb_adds(b, a->i == F_GETFL ? "F_GETFL" : a->i == F_SETFL ? "F_SETFL"
		        : a->i == F_GETFD ? "F_GETFD" : a->i == F_SETFD ? "F_SETFD"
		        : a->i == F_DUPFD_CLOEXEC ? "F_DUPFD_CLOEXEC" : "?");
		return true;
	case SA_OFLAGS:
		fmt_oflags(b, a->i);
		return true;
	case SA_FDFLAGS:
		sb_adds(b, a->i & FD_CLOEXEC ? "FD_CLOEXEC" : "0");
		return true;
	case SA_NAME:
		sb_adds(b, a->p);
		return true;
	case SA_PATH: /* strace prints a path whole */
		fmt_quoted(b, a->p, strlen(a->p));
		return true;
	case SA_OFFSET:
		sb_printf(b, "[%ld]", a->i);
		if (a->aux >= 0)
			sb_printf(b, " => [%ld]", a->aux);
		return true;
	case SA_NULL:
		sb_adds(b, "NULL");
		return true;
	default:
		return false;
	}
}

/* poll's and epoll's, and the descriptors written back (socketpair). */
static bool fmt_poll_arg(struct strbuf *b, const struct sk_event *ev,
                         const struct sk_arg *a)
{
	switch (a->kind) {
	case SA_POLLFD:
		fmt_pollfds(b, a->p, a->len, false);
		return true;
	case SA_FDPAIR: {
		/* len 2: socketpair's fds; len 1: an int written back. */
		const int *fds = a->p;
		if (ev->ret < 0)
			sb_adds(b, "0x0");
		else if (a->len == 1)
			sb_printf(b, "[%d]", fds[0]);
		else
			sb_printf(b, "[%d, %d]", fds[0], fds[1]);
		return true;
	}
	case SA_EPOLLOP:
		sb_adds(b, a->i == EPOLL_CTL_ADD ? "EPOLL_CTL_ADD"
		        : a->i == EPOLL_CTL_MOD ? "EPOLL_CTL_MOD" : "EPOLL_CTL_DEL");
		return true;
	case SA_EPOLLEV:
		fmt_epoll_events(b, a->p, a->len, !strcmp(ev->name, "epoll_wait"));
		return true;
	default:
		return false;
	}
}

/* Argument I of EV as strace prints it; a plain number (an int, a
 * descriptor) when no group above knows its kind. */
static void fmt_arg(struct strbuf *b, const struct sk_event *ev, int i)
{
	const struct sk_arg *a = &ev->a[i];
	if (!fmt_sock_arg(b, ev, a) && !fmt_option_arg(b, a) &&
	    !fmt_file_arg(b, a) && !fmt_poll_arg(b, ev, a))
		sb_printf(b, "%ld", a->i);
}

static void fmt_result(struct strbuf *b, const struct sk_event *ev)
{
	if (ev->ret < 0) {
		const char *name = errno_name(ev->err);
		sb_printf(b, " = -1 %s (%s)", name ? name : "E?", errno_message(ev->err));
		return;
	}
	if (!strcmp(ev->name, "fcntl") && ev->a[1].i == F_GETFD && ev->ret) {
		sb_printf(b, " = %#lx (flags %s)", ev->ret,
		          ev->ret & FD_CLOEXEC ? "FD_CLOEXEC" : "?");
		return;
	}
	if (!strcmp(ev->name, "fcntl") && ev->a[1].i == F_GETFL) {
		sb_printf(b, " = %#lx (flags ", ev->ret);
		fmt_oflags(b, ev->ret);
		sb_addc(b, ')');
		return;
	}
	sb_printf(b, " = %ld", ev->ret);
	if (!strcmp(ev->name, "poll")) {
		if (ev->ret == 0) {
			sb_adds(b, " (Timeout)");
		} else {
			sb_adds(b, " (");
			fmt_pollfds(b, ev->a[0].p, ev->a[0].len, true);
			sb_addc(b, ')');
		}
	}
}

void trace_format(struct strbuf *b, const struct sk_event *ev)
{
	sb_printf(b, "%s(", ev->name);
	for (int i = 0; i < ev->nargs; i++) {
		if (i)
			sb_adds(b, ", ");
		fmt_arg(b, ev, i);
	}
	sb_addc(b, ')');
	fmt_result(b, ev);
}
