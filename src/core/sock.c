/* sock.c - thin wrappers over the socket system calls with Python's
 * timeout semantics. Each saves errno at once and returns it as a value;
 * nothing here prints. */
#include "sock.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <math.h>
#include <sys/epoll.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <linux/sockios.h>

#include "errors.h"

volatile sig_atomic_t sk_interrupted;

static sk_trace_fn trace_fn;
static void *trace_ctx;
static sk_block_fn block_fn;
static void *block_ctx;

void sk_set_trace(sk_trace_fn fn, void *ctx)
{
	trace_fn = fn;
	trace_ctx = ctx;
}

bool sk_tracing(void)
{
	return trace_fn != NULL;
}

void sk_set_block_hook(sk_block_fn fn, void *ctx)
{
	block_fn = fn;
	block_ctx = ctx;
}

/* Tell the shell that a call may block from now (BEGINS) or no longer. */
static void may_block(const struct sk_block *b, bool begins)
{
	if (block_fn && b->timeout != 0)
		block_fn(block_ctx, b, begins);
}

/* Hand one finished call to the tracer. */
static int trace_paused;

void sk_trace_pause(bool on)
{
	trace_paused += on ? 1 : -1;
}

static void emit(struct sk_event *ev, long ret, int err)
{
	if (!trace_fn || trace_paused)
		return;
	ev->ret = ret;
	ev->err = ret < 0 ? err : 0;
	trace_fn(trace_ctx, ev);
}

static struct sk_arg arg(enum sk_argkind kind, long i)
{
	return (struct sk_arg){.kind = kind, .i = i};
}

static struct sk_arg argp(enum sk_argkind kind, const void *p, size_t len)
{
	return (struct sk_arg){.kind = kind, .p = p, .len = len};
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* An EINTR either ends the call (Ctrl-C) or is retried, as Python does
 * after running its signal handlers. Returns true when the call ends. */
static bool interrupted(void)
{
	if (!sk_interrupted)
		return false;
	sk_interrupted = 0;
	return true;
}

static int poll_ms(double timeout)
{
	if (timeout < 0)
		return -1;
	double ms = ceil(timeout * 1000.0);
	return ms > 2147483647.0 ? 2147483647 : (int)ms;
}

/* A wait (poll or epoll_wait) of MS milliseconds: the count ready, or -1
 * with errno set. */
typedef int (*wait_fn)(void *ctx, int ms);

/* Run WAIT until it answers, retried after EINTR with what is left of
 * TIMEOUT, as Python retries after running its signal handlers. */
static int wait_retrying(wait_fn wait, void *ctx, double timeout, int *nready)
{
	if (sk_forbidden())
		return EPERM;
	double deadline = now() + timeout;
	for (;;) {
		int r = wait(ctx, poll_ms(timeout));
		int e = errno;
		if (r >= 0) {
			*nready = r;
			return 0;
		}
		if (e != EINTR)
			return e;
		if (interrupted())
			return CORE_EINTERRUPTED;
		if (timeout >= 0)
			timeout = deadline - now() > 0 ? deadline - now() : 0;
	}
}

struct poll_ctx {
	struct pollfd *fds;
	size_t n;
};

static int poll_once(void *ctx, int ms)
{
	struct poll_ctx *c = ctx;
	int r = poll(c->fds, c->n, ms);
	int e = errno;
	struct sk_event ev = {.name = "poll", .nargs = 3, .a =
	                      {argp(SA_POLLFD, c->fds, c->n), arg(SA_INT, (long)c->n),
	                       arg(SA_INT, ms)}};
	emit(&ev, r, e);
	errno = e;
	return r;
}

static int poll_loop(struct pollfd *fds, size_t n, double timeout,
                     int *nready)
{
	struct poll_ctx c = {fds, n};
	return wait_retrying(poll_once, &c, timeout, nready);
}

int sk_poll(struct pollfd *fds, size_t n, double timeout, int *nready)
{
	struct sk_block b = {"poll", "poll", -1, false, timeout};
	may_block(&b, true);
	int e = poll_loop(fds, n, timeout, nready);
	may_block(&b, false);
	return e;
}


int sk_epoll_create(int *epfd)
{
	if (sk_forbidden())
		return EPERM;
	int r = epoll_create1(EPOLL_CLOEXEC);
	int e = errno;
	struct sk_event ev = {.name = "epoll_create1", .nargs = 1,
	                      .a = {argp(SA_NAME, "EPOLL_CLOEXEC", 0)}};
	emit(&ev, r, e);
	if (r < 0)
		return e;
	*epfd = r;
	return 0;
}

int sk_epoll_ctl(int epfd, int op, int fd, unsigned events)
{
	if (sk_forbidden())
		return EPERM;
	struct epoll_event one = {.events = events, .data.u64 = (uint64_t)fd};
	struct epoll_event *p = op == EPOLL_CTL_DEL ? NULL : &one;
	int r = epoll_ctl(epfd, op, fd, p);
	int e = errno;
	struct sk_event ev = {.name = "epoll_ctl", .nargs = 4, .a =
	                      {arg(SA_FD, epfd), arg(SA_EPOLLOP, op), arg(SA_FD, fd),
	                       p ? argp(SA_EPOLLEV, p, 1) : arg(SA_NULL, 0)}};
	emit(&ev, r, e);
	return r < 0 ? e : 0;
}

struct epoll_ctx {
	int epfd, max;
	struct epoll_event *evs;
};

static int epoll_once(void *ctx, int ms)
{
	struct epoll_ctx *c = ctx;
	int r = epoll_wait(c->epfd, c->evs, c->max, ms);
	int e = errno;
	struct sk_event ev = {.name = "epoll_wait", .nargs = 4, .a =
	                      {arg(SA_FD, c->epfd),
	                       argp(SA_EPOLLEV, c->evs, r > 0 ? (size_t)r : 0),
	                       arg(SA_INT, c->max), arg(SA_INT, ms)}};
	emit(&ev, r, e);
	errno = e;
	return r;
}

int sk_epoll_wait(int epfd, struct epoll_event *evs, int max, double timeout,
                  int *nready)
{
	struct epoll_ctx c = {epfd, max, evs};
	struct sk_block b = {"poll", "epoll_wait", -1, false, timeout};
	may_block(&b, true);
	int e = wait_retrying(epoll_once, &c, timeout, nready);
	may_block(&b, false);
	return e;
}

int sk_wait(int fd, bool writing, double timeout)
{
	struct pollfd p = {.fd = fd, .events = writing ? POLLOUT : POLLIN};
	int n = 0;
	int e = poll_loop(&p, 1, timeout, &n);
	if (e)
		return e;
	return n == 0 ? CORE_ETIMEOUT : 0;
}

static int sleep_loop(double seconds)
{
	if (sk_forbidden())
		return EPERM;
	struct timespec ts;
	ts.tv_sec = (time_t)seconds;
	ts.tv_nsec = (long)((seconds - (double)ts.tv_sec) * 1e9);
	if (interrupted())
		return CORE_EINTERRUPTED;
	while (nanosleep(&ts, &ts) < 0) {
		if (errno != EINTR)
			return errno;
		if (interrupted())
			return CORE_EINTERRUPTED;
	}
	return 0;
}

int sk_socket(int family, int type, int proto, int *fd)
{
	if (sk_forbidden())
		return EPERM;
	int r = socket(family, type, proto);
	int e = errno;
	struct sk_event ev = {.name = "socket", .nargs = 3, .a =
	                      {arg(SA_FAMILY, family), arg(SA_SOCKTYPE, type),
	                       arg(SA_PROTO, proto)}};
	emit(&ev, r, e);
	if (r < 0)
		return e;
	*fd = r;
	return 0;
}

int sk_socketpair(int family, int type, int proto, int fds[2])
{
	if (sk_forbidden())
		return EPERM;
	int r = socketpair(family, type, proto, fds);
	int e = errno;
	struct sk_event ev = {.name = "socketpair", .nargs = 4, .a =
	                      {arg(SA_FAMILY, family), arg(SA_SOCKTYPE, type),
	                       arg(SA_PROTO, proto), argp(SA_FDPAIR, fds, 2)}};
	emit(&ev, r, e);
	return r < 0 ? e : 0;
}

int sk_close(int fd)
{
	if (sk_forbidden())
		return EPERM;
	int r = close(fd);
	int e = errno;
	struct sk_event ev = {.name = "close", .nargs = 1, .a = {arg(SA_FD, fd)}};
	emit(&ev, r, e);
	/* Linux always releases the descriptor, even on EINTR. */
	return r < 0 && e != EINTR ? e : 0;
}

int sk_bind(int fd, const struct sk_addr *a)
{
	if (sk_forbidden())
		return EPERM;
	int r = bind(fd, (const struct sockaddr *)&a->ss, a->len);
	int e = errno;
	struct sk_event ev = {.name = "bind", .nargs = 3, .a =
	                      {arg(SA_FD, fd), argp(SA_SOCKADDR, &a->ss, a->len),
	                       arg(SA_INT, a->len)}};
	emit(&ev, r, e);
	return r < 0 ? e : 0;
}

int sk_listen(int fd, int backlog)
{
	if (sk_forbidden())
		return EPERM;
	int r = listen(fd, backlog);
	int e = errno;
	struct sk_event ev = {.name = "listen", .nargs = 2, .a = {arg(SA_FD, fd), arg(SA_INT, backlog)}};
	emit(&ev, r, e);
	return r < 0 ? e : 0;
}

/* The shape of every call that may block: wait first when there is a
 * timeout, call, and go round again on EAGAIN until the deadline. */
typedef int (*io_fn)(int fd, void *ctx);

/* A call that may block: its names (for the shell's notice) and its
 * direction and function (for the loop). */
struct op {
	const char *call, *syscall;
	bool writing;
	io_fn fn;
};

#define PAUSE_MIN 0.001 /* s: the first pause after readiness that lied */
#define PAUSE_MAX 0.05  /* s: the longest, so a real wake-up is soon seen */

/* poll said ready, the call said EAGAIN: a UDP socket shut for reading
 * polls readable for ever, an AF_UNIX datagram socket polls writable
 * while its receiver's queue is full. Past the deadline that is
 * `timed out`, as in CPython; before it, pause (doubling each time)
 * rather than spin a core polling. */
static int not_ready(double deadline, double *pause)
{
	double left = deadline - now();
	if (left <= 0)
		return CORE_ETIMEOUT;
	*pause = *pause < PAUSE_MIN ? PAUSE_MIN : fmin(*pause * 2, PAUSE_MAX);
	return sleep_loop(fmin(*pause, left));
}

static int call_loop(int fd, bool writing, double timeout, io_fn fn,
                     void *ctx)
{
	double deadline = now() + timeout, pause = 0;
	for (bool first = true;; first = false) {
		/* A Ctrl-C that came before the call must not be lost. */
		if (interrupted())
			return CORE_EINTERRUPTED;
		/* poll() skips a negative fd: let the call itself say EBADF.
		 * The first wait is the whole timeout, as CPython's sock_call_ex
		 * has it: poll(..., 250) for settimeout(0.25), not the 246 left
		 * once a slow or loaded machine (valgrind) took 4 ms since. */
		if (timeout > 0 && fd >= 0) {
			double left = first ? timeout : deadline - now();
			int e = sk_wait(fd, writing, left < 0 ? 0 : left);
			if (e)
				return e;
		}
		int e = fn(fd, ctx);
		if (e == 0)
			return 0;
		if (e == EINTR) {
			if (interrupted())
				return CORE_EINTERRUPTED;
			continue;
		}
		if (timeout > 0 && (e == EAGAIN || e == EWOULDBLOCK)) {
			e = not_ready(deadline, &pause);
			if (e)
				return e;
			continue;
		}
		return e;
	}
}

/* The shell flushes before a sleep too, but says nothing: it was asked
 * to wait. */
int sk_sleep(double seconds)
{
	struct sk_block b = {NULL, "nanosleep", -1, false, seconds};
	may_block(&b, true);
	int e = sleep_loop(seconds);
	may_block(&b, false);
	return e;
}

static int sock_call(int fd, double timeout, const struct op *op, void *ctx)
{
	if (sk_forbidden())
		return EPERM;
	struct sk_block b = {op->call, op->syscall, fd, op->writing, timeout};
	may_block(&b, true);
	int e = call_loop(fd, op->writing, timeout, op->fn, ctx);
	may_block(&b, false);
	return e;
}

struct accept_ctx {
	int flags;
	struct sk_addr *peer;
	int newfd;
};

static int do_accept(int fd, void *p)
{
	struct accept_ctx *c = p;
	c->peer->len = sizeof c->peer->ss;
	socklen_t inlen = c->peer->len;
	int r = accept4(fd, (struct sockaddr *)&c->peer->ss, &c->peer->len,
	                c->flags);
	int e = errno;
	struct sk_event ev = {
		.name = "accept4", .nargs = 4, .a =
		{arg(SA_FD, fd),
		 argp(SA_SOCKADDR, &c->peer->ss, r < 0 ? 0 : c->peer->len),
		 (struct sk_arg){.kind = SA_SOCKLEN, .i = inlen,
		                 .aux = r < 0 ? -1 : (long)c->peer->len},
		 arg(SA_SOCKTYPE, c->flags)}};
	emit(&ev, r, e);
	if (r < 0)
		return e;
	c->newfd = r;
	return 0;
}

static const struct op op_accept = {"accept", "accept4", false, do_accept};

int sk_accept(int fd, double timeout, int flags, struct sk_addr *peer,
              int *newfd)
{
	struct accept_ctx c = {flags, peer, -1};
	int e = sock_call(fd, timeout, &op_accept, &c);
	if (!e)
		*newfd = c.newfd;
	return e;
}

static int sock_error(int fd)
{
	int err = 0;
	socklen_t len = sizeof err;
	int e = sk_getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len);
	return e ? e : err;
}

static int connect_once(int fd, const struct sk_addr *a)
{
	if (sk_forbidden())
		return EPERM;
	int r = connect(fd, (const struct sockaddr *)&a->ss, a->len);
	int e = errno;
	struct sk_event ev = {.name = "connect", .nargs = 3, .a =
	                      {arg(SA_FD, fd), argp(SA_SOCKADDR, &a->ss, a->len),
	                       arg(SA_INT, a->len)}};
	emit(&ev, r, e);
	return r < 0 ? e : 0;
}

static int connect_wait(int fd, const struct sk_addr *a, double timeout)
{
	int e = connect_once(fd, a);
	if (e == EINTR && interrupted())
		return CORE_EINTERRUPTED;
	/* An interrupted or non-blocking connect goes on in the kernel: wait
	 * for it and read its outcome from SO_ERROR, as Python does. */
	if ((e == EINPROGRESS && timeout > 0) || (e == EINTR && timeout != 0)) {
		e = sk_wait(fd, true, timeout);
		if (e)
			return e;
		return sock_error(fd);
	}
	return e;
}

int sk_connect_ex(int fd, const struct sk_addr *a, double timeout)
{
	struct sk_block b = {"connect", "connect", fd, true, timeout};
	may_block(&b, true);
	int e = connect_wait(fd, a, timeout);
	may_block(&b, false);
	return e;
}

int sk_connect(int fd, const struct sk_addr *a, double timeout)
{
	return sk_connect_ex(fd, a, timeout);
}

struct io_ctx {
	const void *out;
	void *in;
	size_t len;
	int flags;
	const struct sk_addr *to;
	struct sk_addr *from;
	const struct msghdr *msg_out;
	struct msghdr *msg_in;
	size_t done;
};

static int do_send(int fd, void *p)
{
	struct io_ctx *c = p;
	const struct sockaddr *sa = c->to ? (const void *)&c->to->ss : NULL;
	socklen_t salen = c->to ? c->to->len : 0;
	ssize_t r = sendto(fd, c->out, c->len, c->flags, sa, salen);
	int e = errno;
	struct sk_event ev = {.name = "sendto", .nargs = 6, .a =
	                      {arg(SA_FD, fd),
	                       (struct sk_arg){.kind = SA_BUF, .p = c->out,
	                                       .len = c->len, .aux = (long)c->len},
	                       arg(SA_INT, (long)c->len), arg(SA_MSGFLAGS, c->flags),
	                       c->to ? argp(SA_SOCKADDR, sa, salen)
	                             : arg(SA_NULL, 0),
	                       arg(SA_INT, salen)}};
	emit(&ev, (long)r, e);
	if (r < 0)
		return e;
	c->done = (size_t)r;
	return 0;
}

static const struct op op_send = {"send", "sendto", true, do_send};

int sk_send(int fd, const void *buf, size_t len, int flags, double timeout,
            const struct sk_addr *to, size_t *sent)
{
	struct io_ctx c = {.out = buf, .len = len, .flags = flags, .to = to};
	int e = sock_call(fd, timeout, &op_send, &c);
	if (!e)
		*sent = c.done;
	return e;
}

int sk_sendall(int fd, const void *buf, size_t len, int flags,
               double timeout, size_t *sent)
{
	const char *p = buf;
	size_t total = 0;
	/* Python's sendall: the timeout applies to the whole call. */
	double deadline = now() + timeout;
	do {
		double left = timeout > 0 ? deadline - now() : timeout;
		if (timeout > 0 && left <= 0) {
			*sent = total;
			return CORE_ETIMEOUT;
		}
		size_t n = 0;
		int e = sk_send(fd, p + total, len - total, flags, left, NULL, &n);
		if (e) {
			*sent = total;
			return e;
		}
		total += n;
	} while (total < len);
	*sent = total;
	return 0;
}

static int do_recv(int fd, void *p)
{
	struct io_ctx *c = p;
	struct sockaddr *sa = c->from ? (void *)&c->from->ss : NULL;
	socklen_t inlen = sizeof(struct sockaddr_storage);
	if (c->from)
		c->from->len = inlen;
	ssize_t r = recvfrom(fd, c->in, c->len, c->flags, sa,
	                     c->from ? &c->from->len : NULL);
	int e = errno;
	struct sk_event ev = {
		.name = "recvfrom", .nargs = 6, .a =
		{arg(SA_FD, fd),
		 (struct sk_arg){.kind = SA_BUF, .p = c->in,
		                 .len = r < 0 ? 0 : ((size_t)r < c->len ? (size_t)r : c->len),
		                 .aux = (long)c->len},
		 arg(SA_INT, (long)c->len), arg(SA_MSGFLAGS, c->flags),
		 c->from ? argp(SA_SOCKADDR, sa, r < 0 ? 0 : c->from->len)
		         : arg(SA_NULL, 0),
		 c->from ? (struct sk_arg){.kind = SA_SOCKLEN, .i = inlen,
		                           .aux = r < 0 ? -1 : (long)c->from->len}
		         : arg(SA_NULL, 0)}};
	emit(&ev, (long)r, e);
	if (r < 0)
		return e;
	c->done = (size_t)r;
	return 0;
}

static const struct op op_recv = {"recv", "recvfrom", false, do_recv};

int sk_recv(int fd, void *buf, size_t len, int flags, double timeout,
            struct sk_addr *from, size_t *got)
{
	struct io_ctx c = {.in = buf, .len = len, .flags = flags, .from = from};
	int e = sock_call(fd, timeout, &op_recv, &c);
	if (!e)
		*got = c.done;
	return e;
}

static int do_sendmsg(int fd, void *p)
{
	struct io_ctx *c = p;
	ssize_t r = sendmsg(fd, c->msg_out, c->flags);
	int e = errno;
	struct sk_event ev = {.name = "sendmsg", .nargs = 3, .a =
	                      {arg(SA_FD, fd), argp(SA_MSGHDR, c->msg_out, 0),
	                       arg(SA_MSGFLAGS, c->flags)}};
	emit(&ev, (long)r, e);
	if (r < 0)
		return e;
	c->done = (size_t)r;
	return 0;
}

static const struct op op_sendmsg = {"sendmsg", "sendmsg", true, do_sendmsg};

int sk_sendmsg(int fd, const struct msghdr *msg, int flags, double timeout,
               size_t *sent)
{
	struct io_ctx c = {.msg_out = msg, .flags = flags};
	int e = sock_call(fd, timeout, &op_sendmsg, &c);
	if (!e)
		*sent = c.done;
	return e;
}

static int do_recvmsg(int fd, void *p)
{
	struct io_ctx *c = p;
	long namelen = (long)c->msg_in->msg_namelen;
	ssize_t r = recvmsg(fd, c->msg_in, c->flags);
	int e = errno;
	/* aux: the msg_namelen offered, for strace's "110 => 0". */
	struct sk_event ev = {.name = "recvmsg", .nargs = 3, .a =
	                      {arg(SA_FD, fd),
	                       (struct sk_arg){.kind = SA_MSGHDR, .p = c->msg_in,
	                                       .len = r < 0 ? 0 : (size_t)r,
	                                       .aux = namelen},
	                       arg(SA_MSGFLAGS, c->flags)}};
	emit(&ev, (long)r, e);
	if (r < 0)
		return e;
	c->done = (size_t)r;
	return 0;
}

static const struct op op_recvmsg = {"recvmsg", "recvmsg", false, do_recvmsg};

int sk_recvmsg(int fd, struct msghdr *msg, int flags, double timeout,
               size_t *got)
{
	struct io_ctx c = {.msg_in = msg, .flags = flags};
	int e = sock_call(fd, timeout, &op_recvmsg, &c);
	if (!e)
		*got = c.done;
	return e;
}

struct sendfile_ctx {
	int in_fd;
	long long *offset;
	size_t count;
	size_t done;
};

static int do_sendfile(int fd, void *p)
{
	struct sendfile_ctx *c = p;
	off_t off = (off_t)*c->offset;
	ssize_t r = sendfile(fd, c->in_fd, &off, c->count);
	int e = errno;
	/* strace shows the offset before and, when it moved, after. */
	struct sk_event ev = {.name = "sendfile", .nargs = 4, .a =
	                      {arg(SA_FD, fd), arg(SA_FD, c->in_fd),
	                       (struct sk_arg){.kind = SA_OFFSET,
	                                       .i = (long)*c->offset,
	                                       .aux = r > 0 ? (long)off : -1},
	                       arg(SA_INT, (long)c->count)}};
	emit(&ev, (long)r, e);
	if (r < 0)
		return e;
	*c->offset = (long long)off;
	c->done = (size_t)r;
	return 0;
}

static const struct op op_sendfile = {"sendfile", "sendfile", true, do_sendfile};

int sk_sendfile(int out_fd, int in_fd, long long *offset, size_t count,
                double timeout, size_t *sent)
{
	struct sendfile_ctx c = {in_fd, offset, count, 0};
	int e = sock_call(out_fd, timeout, &op_sendfile, &c);
	if (!e)
		*sent = c.done;
	return e;
}

int sk_shutdown(int fd, int how)
{
	if (sk_forbidden())
		return EPERM;
	int r = shutdown(fd, how);
	int e = errno;
	struct sk_event ev = {.name = "shutdown", .nargs = 2, .a = {arg(SA_FD, fd), arg(SA_HOW, how)}};
	emit(&ev, r, e);
	return r < 0 ? e : 0;
}

static int get_name(const char *call, int (*fn)(int, struct sockaddr *,
                                                socklen_t *),
                    int fd, struct sk_addr *a)
{
	if (sk_forbidden())
		return EPERM;
	socklen_t inlen = sizeof a->ss;
	memset(&a->ss, 0, sizeof a->ss);
	a->len = inlen;
	int r = fn(fd, (struct sockaddr *)&a->ss, &a->len);
	int e = errno;
	struct sk_event ev = {.name = call, .nargs = 3, .a =
	                      {arg(SA_FD, fd),
	                       argp(SA_SOCKADDR, &a->ss, r < 0 ? 0 : a->len),
	                       (struct sk_arg){.kind = SA_SOCKLEN, .i = inlen,
	                                       .aux = r < 0 ? -1 : (long)a->len}}};
	emit(&ev, r, e);
	return r < 0 ? e : 0;
}

int sk_getsockname(int fd, struct sk_addr *a)
{
	return get_name("getsockname", getsockname, fd, a);
}

int sk_getpeername(int fd, struct sk_addr *a)
{
	return get_name("getpeername", getpeername, fd, a);
}

int sk_getsockopt(int fd, int level, int opt, void *buf, socklen_t *len)
{
	if (sk_forbidden())
		return EPERM;
	socklen_t inlen = *len;
	int r = getsockopt(fd, level, opt, buf, len);
	int e = errno;
	struct sk_event ev = {
		.name = "getsockopt", .nargs = 5, .a =
		{arg(SA_FD, fd), arg(SA_LEVEL, level),
		 (struct sk_arg){.kind = SA_OPTNAME, .i = opt, .aux = level},
		 (struct sk_arg){.kind = SA_OPTVAL, .i = opt, .aux = level,
		                 .p = buf, .len = r < 0 ? 0 : *len},
		 (struct sk_arg){.kind = SA_SOCKLEN, .i = inlen,
		                 .aux = r < 0 ? -1 : (long)*len}}};
	emit(&ev, r, e);
	return r < 0 ? e : 0;
}

int sk_setsockopt(int fd, int level, int opt, const void *buf, socklen_t len)
{
	if (sk_forbidden())
		return EPERM;
	int r = setsockopt(fd, level, opt, buf, len);
	int e = errno;
	struct sk_event ev = {
		.name = "setsockopt", .nargs = 5, .a =
		{arg(SA_FD, fd), arg(SA_LEVEL, level),
		 (struct sk_arg){.kind = SA_OPTNAME, .i = opt, .aux = level},
		 (struct sk_arg){.kind = SA_OPTVAL, .i = opt, .aux = level,
		                 .p = buf, .len = len},
		 arg(SA_INT, len)}};
	emit(&ev, r, e);
	return r < 0 ? e : 0;
}

static int fcntl_get(int fd, int cmd, int *val)
{
	if (sk_forbidden())
		return EPERM;
	int r = fcntl(fd, cmd);
	int e = errno;
	struct sk_event ev = {.name = "fcntl", .nargs = 2, .a = {arg(SA_FD, fd), arg(SA_FCNTLCMD, cmd)}};
	emit(&ev, r, e);
	if (r < 0)
		return e;
	*val = r;
	return 0;
}

static int fcntl_set(int fd, int cmd, int val)
{
	if (sk_forbidden())
		return EPERM;
	int r = fcntl(fd, cmd, val);
	int e = errno;
	struct sk_event ev = {.name = "fcntl", .nargs = 3, .a =
	                      {arg(SA_FD, fd), arg(SA_FCNTLCMD, cmd),
	                       arg(cmd == F_SETFL   ? SA_OFLAGS
	                           : cmd == F_SETFD ? SA_FDFLAGS
	                                            : SA_INT,
	                           val)}};
	emit(&ev, r, e);
	return r < 0 ? e : 0;
}

int sk_set_nonblock(int fd, bool on)
{
	int fl = 0;
	int e = fcntl_get(fd, F_GETFL, &fl);
	if (e)
		return e;
	int nfl = on ? fl | O_NONBLOCK : fl & ~O_NONBLOCK;
	/* Like Python, skip the second call when nothing changes. */
	return nfl == fl ? 0 : fcntl_set(fd, F_SETFL, nfl);
}

int sk_get_cloexec(int fd, bool *on)
{
	int fl = 0;
	int e = fcntl_get(fd, F_GETFD, &fl);
	if (!e)
		*on = (fl & FD_CLOEXEC) != 0;
	return e;
}

int sk_set_cloexec(int fd, bool on)
{
	int fl = 0;
	int e = fcntl_get(fd, F_GETFD, &fl);
	if (e)
		return e;
	int nfl = on ? fl | FD_CLOEXEC : fl & ~FD_CLOEXEC;
	return nfl == fl ? 0 : fcntl_set(fd, F_SETFD, nfl);
}

int sk_dup(int fd, int *newfd)
{
	if (sk_forbidden())
		return EPERM;
	int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
	int e = errno;
	struct sk_event ev = {.name = "fcntl", .nargs = 3, .a =
	                      {arg(SA_FD, fd), arg(SA_FCNTLCMD, F_DUPFD_CLOEXEC),
	                       arg(SA_INT, 0)}};
	emit(&ev, r, e);
	if (r < 0)
		return e;
	*newfd = r;
	return 0;
}

static int ioctl_int(int fd, unsigned long req, const char *name, int *val)
{
	int r = ioctl(fd, req, val);
	int e = errno;
	struct sk_event ev = {.name = "ioctl", .nargs = 3,
	                      .a = {arg(SA_FD, fd), argp(SA_NAME, name, 0),
	                            argp(SA_FDPAIR, val, 1)}};
	emit(&ev, r, e);
	return r < 0 ? e : 0;
}

int sk_queues(int fd, int *inq, int *outq)
{
	*inq = *outq = 0;
	int e = ioctl_int(fd, SIOCINQ, "FIONREAD", inq);
	int e2 = ioctl_int(fd, SIOCOUTQ, "TIOCOUTQ", outq);
	return e ? e : e2;
}

int sk_unlink(const char *path)
{
	if (sk_forbidden())
		return EPERM;
	int r = unlink(path);
	int e = errno;
	struct sk_event ev = {.name = "unlink", .nargs = 1, .a =
	                      {argp(SA_PATH, path, strlen(path))}};
	emit(&ev, r, e);
	return r < 0 ? e : 0;
}

/* Rank of a holder's state: a listener says most, TIME_WAIT least. */
static int holder_rank(int state)
{
	return state == TCP_LISTEN ? 3 : state == TCP_TIME_WAIT ? 1 : 2;
}

/* Scan one /proc/net table for PORT; keep the best state in *STATE. */
static int scan_proc_net(const char *file, int port, int *state)
{
	FILE *f = fopen(file, "r");
	if (!f)
		return errno;
	char line[512];
	while (fgets(line, sizeof line, f)) {
		unsigned lport, st;
		/* "  1: 0100007F:1F90 00000000:0000 0A ..." */
		if (sscanf(line, " %*d: %*[0-9A-Fa-f]:%x %*[0-9A-Fa-f]:%*x %x",
		           &lport, &st) != 2 || (int)lport != port)
			continue;
		if (*state < 0 || holder_rank((int)st) > holder_rank(*state))
			*state = (int)st;
	}
	fclose(f);
	return 0;
}

int sk_port_holder(int type, int port, int *state)
{
	if (sk_forbidden())
		return EPERM;
	bool tcp = type == SOCK_STREAM;
	*state = -1;
	int e = scan_proc_net(tcp ? "/proc/net/tcp" : "/proc/net/udp", port, state);
	int e6 = scan_proc_net(tcp ? "/proc/net/tcp6" : "/proc/net/udp6", port, state);
	if (*state >= 0)
		return 0;
	return e && e6 ? e : ENOENT;
}

int sk_is_socket_file(const char *path, bool *is_socket)
{
	if (sk_forbidden())
		return EPERM;
	struct stat st;
	if (stat(path, &st) < 0)
		return errno;
	*is_socket = S_ISSOCK(st.st_mode);
	return 0;
}
