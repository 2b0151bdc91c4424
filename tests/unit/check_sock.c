/* check_sock.c - the system call layer (src/core/sock.c) on its own: real
 * sockets over loopback and AF_UNIX, Python's timeout rules, errno values
 * as results, the trace hook and interruption by a signal. Ports come
 * from binding to port 0, paths from mkdtemp, so tests run in parallel. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "addr.h"
#include "errors.h"
#include "sock.h"
#include "suites.h"

/* ---- helpers ------------------------------------------------------- */

static struct sk_addr inet4(const char *host, long port)
{
	struct sk_addr a;
	int gai = 0;

	ck_assert_int_eq(addr_inet(AF_INET, host, port, 0, 0, &a, &gai), 0);
	return a;
}

static int new_socket(int family, int type)
{
	int fd = -1;

	ck_assert_int_eq(sk_socket(family, type, 0, &fd), 0);
	ck_assert_int_ge(fd, 0);
	return fd;
}

/* A TCP socket listening on 127.0.0.1 at a port the kernel chose; its
 * address goes to *AT. */
static int tcp_listener(struct sk_addr *at)
{
	int fd = new_socket(AF_INET, SOCK_STREAM);
	struct sk_addr any = inet4("127.0.0.1", 0);

	ck_assert_int_eq(sk_bind(fd, &any), 0);
	ck_assert_int_eq(sk_listen(fd, 8), 0);
	ck_assert_int_eq(sk_getsockname(fd, at), 0);
	return fd;
}

static int port_of(const struct sk_addr *a)
{
	struct addr_parts p;

	ck_assert_int_eq(
	    addr_decode((const struct sockaddr *)&a->ss, a->len, &p), 0);
	return p.port;
}

static bool same_addr(const struct sk_addr *a, const struct sk_addr *b)
{
	return a->len == b->len && !memcmp(&a->ss, &b->ss, a->len);
}

static bool fd_closed(int fd)
{
	return fcntl(fd, F_GETFD) == -1 && errno == EBADF;
}

static void pair(int type, int fds[2])
{
	ck_assert_int_eq(sk_socketpair(AF_UNIX, type, 0, fds), 0);
}

/* A private directory for AF_UNIX paths; removed by cleanup_dir. */
static char dir[] = "/tmp/check_sock.XXXXXX";
static char path[sizeof(dir) + 8];

static void make_dir(void)
{
	strcpy(dir, "/tmp/check_sock.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	strcpy(path, dir);
	strcat(path, "/s");
}

static void cleanup_dir(void)
{
	unlink(path);
	rmdir(dir);
}

/* ---- the trace hook recorder -------------------------------------- */

#define MAXEV 64

static struct {
	const char *name;
	int nargs;
	enum sk_argkind kind0, kind1;
	long arg0, arg1;
	long ret;
	int err;
} ev[MAXEV];
static int nev;
static int ctx_seen;

static void record(void *ctx, const struct sk_event *e)
{
	ck_assert_ptr_eq(ctx, &ctx_seen);
	if (nev == MAXEV)
		return;
	ev[nev].name = e->name;
	ev[nev].nargs = e->nargs;
	ev[nev].kind0 = e->a[0].kind;
	ev[nev].kind1 = e->a[1].kind;
	ev[nev].arg0 = e->a[0].i;
	ev[nev].arg1 = e->a[1].i;
	ev[nev].ret = e->ret;
	ev[nev].err = e->err;
	nev++;
}

static void trace_start(void)
{
	nev = 0;
	sk_set_trace(record, &ctx_seen);
}

static void trace_stop(void)
{
	sk_set_trace(NULL, NULL);
}

/* Event I must be the call NAME returning RET with errno ERR. */
static void event_is(int i, const char *name, long ret, int err)
{
	ck_assert_int_lt(i, nev);
	ck_assert_str_eq(ev[i].name, name);
	ck_assert_int_eq(ev[i].ret, ret);
	ck_assert_int_eq(ev[i].err, err);
}

/* ---- creating, binding, connecting -------------------------------- */

START_TEST(socket_and_close)
{
	int fd = new_socket(AF_INET, SOCK_STREAM);

	ck_assert_int_ne(fcntl(fd, F_GETFD), -1);
	ck_assert_int_eq(sk_close(fd), 0);
	ck_assert(fd_closed(fd));
}
END_TEST

START_TEST(socket_errors_are_returned)
{
	int fd = -7;

	ck_assert_int_eq(sk_socket(12345, SOCK_STREAM, 0, &fd), EAFNOSUPPORT);
	ck_assert_int_eq(sk_socket(AF_INET, 12345, 0, &fd), EINVAL);
	ck_assert_int_eq(sk_socket(AF_INET, SOCK_STREAM, IPPROTO_UDP, &fd),
			 EPROTONOSUPPORT);
	ck_assert_int_eq(fd, -7); /* untouched on failure */
}
END_TEST

START_TEST(ebadf_on_minus_one)
{
	struct sk_addr a = inet4("127.0.0.1", 1), got;
	char buf[4];
	size_t n;
	int fd, v = 0;
	bool on;
	socklen_t len = sizeof v;

	ck_assert_int_eq(sk_close(-1), EBADF);
	ck_assert_int_eq(sk_bind(-1, &a), EBADF);
	ck_assert_int_eq(sk_listen(-1, 1), EBADF);
	ck_assert_int_eq(sk_connect(-1, &a, -1), EBADF);
	ck_assert_int_eq(sk_connect_ex(-1, &a, -1), EBADF);
	ck_assert_int_eq(sk_accept(-1, -1, 0, &got, &fd), EBADF);
	ck_assert_int_eq(sk_send(-1, "x", 1, 0, -1, NULL, &n), EBADF);
	ck_assert_int_eq(sk_sendall(-1, "x", 1, 0, -1, &n), EBADF);
	ck_assert_int_eq(sk_recv(-1, buf, 4, 0, -1, NULL, &n), EBADF);
	ck_assert_int_eq(sk_shutdown(-1, SHUT_RDWR), EBADF);
	ck_assert_int_eq(sk_getsockname(-1, &got), EBADF);
	ck_assert_int_eq(sk_getpeername(-1, &got), EBADF);
	ck_assert_int_eq(sk_getsockopt(-1, SOL_SOCKET, SO_TYPE, &v, &len),
			 EBADF);
	ck_assert_int_eq(
	    sk_setsockopt(-1, SOL_SOCKET, SO_REUSEADDR, &v, sizeof v), EBADF);
	ck_assert_int_eq(sk_set_nonblock(-1, true), EBADF);
	ck_assert_int_eq(sk_get_cloexec(-1, &on), EBADF);
	ck_assert_int_eq(sk_set_cloexec(-1, true), EBADF);
	ck_assert_int_eq(sk_dup(-1, &fd), EBADF);
}
END_TEST

/* A closed socket with a timeout fails at once with EBADF, as Python. */
START_TEST(ebadf_with_timeout)
{
	char buf[4];
	size_t n;

	ck_assert_int_eq(sk_recv(-1, buf, 4, 0, 0.5, NULL, &n), EBADF);
	ck_assert_int_eq(sk_send(-1, "x", 1, 0, 0.5, NULL, &n), EBADF);
}
END_TEST

START_TEST(tcp_loopback_connect_accept)
{
	struct sk_addr at, peer, cli_name;
	int srv = tcp_listener(&at);
	int cli = new_socket(AF_INET, SOCK_STREAM);
	int conn = -1;
	char buf[16];
	size_t n = 0;

	ck_assert_int_ne(port_of(&at), 0);
	ck_assert_int_eq(sk_connect(cli, &at, -1), 0);
	ck_assert_int_eq(sk_accept(srv, -1, SOCK_CLOEXEC, &peer, &conn), 0);
	ck_assert_int_ge(conn, 0);
	/* accept reports the client's own address. */
	ck_assert_int_eq(sk_getsockname(cli, &cli_name), 0);
	ck_assert(same_addr(&peer, &cli_name));
	ck_assert_int_eq(sk_getpeername(cli, &peer), 0);
	ck_assert(same_addr(&peer, &at));
	ck_assert_int_eq(sk_send(cli, "hello", 5, 0, -1, NULL, &n), 0);
	ck_assert_uint_eq(n, 5);
	ck_assert_int_eq(sk_recv(conn, buf, sizeof buf, 0, -1, NULL, &n), 0);
	ck_assert_uint_eq(n, 5);
	ck_assert_mem_eq(buf, "hello", 5);
	close(conn);
	close(cli);
	close(srv);
}
END_TEST

START_TEST(tcp6_loopback_connect_accept)
{
	struct sk_addr at, peer, any;
	int gai = 0, srv = -1, cli, conn = -1;

	if (sk_socket(AF_INET6, SOCK_STREAM, 0, &srv) == EAFNOSUPPORT)
		return; /* no IPv6 in this kernel */
	ck_assert_int_eq(addr_inet(AF_INET6, "::1", 0, 0, 0, &any, &gai), 0);
	if (sk_bind(srv, &any) == EADDRNOTAVAIL)
		return; /* IPv6 disabled on lo */
	ck_assert_int_eq(sk_listen(srv, 1), 0);
	ck_assert_int_eq(sk_getsockname(srv, &at), 0);
	cli = new_socket(AF_INET6, SOCK_STREAM);
	ck_assert_int_eq(sk_connect(cli, &at, -1), 0);
	ck_assert_int_eq(sk_accept(srv, -1, 0, &peer, &conn), 0);
	ck_assert_int_eq(peer.ss.ss_family, AF_INET6);
	close(conn);
	close(cli);
	close(srv);
}
END_TEST

START_TEST(unix_path_connect_accept)
{
	struct sk_addr a, peer;
	int srv = new_socket(AF_UNIX, SOCK_STREAM);
	int cli = new_socket(AF_UNIX, SOCK_STREAM);
	int conn = -1;
	size_t n;
	char c;

	make_dir();
	ck_assert_int_eq(addr_unix(path, strlen(path), &a), 0);
	ck_assert_int_eq(sk_bind(srv, &a), 0);
	ck_assert_int_eq(sk_listen(srv, 1), 0);
	/* A second bind to the same path: the file exists. */
	ck_assert_int_eq(sk_bind(cli, &a), EADDRINUSE);
	ck_assert_int_eq(sk_connect(cli, &a, -1), 0);
	ck_assert_int_eq(sk_accept(srv, -1, 0, &peer, &conn), 0);
	ck_assert_int_eq(peer.ss.ss_family, AF_UNIX);
	ck_assert_int_eq(sk_send(conn, "u", 1, 0, -1, NULL, &n), 0);
	ck_assert_int_eq(sk_recv(cli, &c, 1, 0, -1, NULL, &n), 0);
	ck_assert_int_eq(c, 'u');
	close(conn);
	close(cli);
	close(srv);
	cleanup_dir();
}
END_TEST

START_TEST(unix_abstract_datagram_from_address)
{
	char name[64];
	struct sk_addr a, b, from;
	int s1 = new_socket(AF_UNIX, SOCK_DGRAM);
	int s2 = new_socket(AF_UNIX, SOCK_DGRAM);
	char buf[8];
	size_t n = 0;

	snprintf(name, sizeof name, "@check_sock.%d.a", (int)getpid());
	ck_assert_int_eq(addr_unix(name, strlen(name), &a), 0);
	name[strlen(name) - 1] = 'b';
	ck_assert_int_eq(addr_unix(name, strlen(name), &b), 0);
	ck_assert_int_eq(sk_bind(s1, &a), 0);
	ck_assert_int_eq(sk_bind(s2, &b), 0);
	ck_assert_int_eq(sk_send(s2, "dg", 2, 0, -1, &a, &n), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_int_eq(sk_recv(s1, buf, sizeof buf, 0, -1, &from, &n), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert(same_addr(&from, &b));
	close(s1);
	close(s2);
}
END_TEST

START_TEST(udp_sendto_recvfrom)
{
	struct sk_addr at, from, cli_name;
	int srv = new_socket(AF_INET, SOCK_DGRAM);
	int cli = new_socket(AF_INET, SOCK_DGRAM);
	struct sk_addr lo = inet4("127.0.0.1", 0);
	char buf[8];
	size_t n = 0;

	ck_assert_int_eq(sk_bind(srv, &lo), 0);
	ck_assert_int_eq(sk_getsockname(srv, &at), 0);
	ck_assert_int_eq(sk_send(cli, "ping", 4, 0, -1, &at, &n), 0);
	ck_assert_int_eq(sk_recv(srv, buf, 2, 0, -1, &from, &n), 0);
	ck_assert_uint_eq(n, 2); /* a datagram is cut to the buffer */
	ck_assert_mem_eq(buf, "pi", 2);
	/* The sender was bound to 0.0.0.0 by sendto; it came from lo. */
	ck_assert_int_eq(sk_getsockname(cli, &cli_name), 0);
	ck_assert_int_eq(port_of(&from), port_of(&cli_name));
	ck_assert_int_eq(((struct sockaddr_in *)&from.ss)->sin_addr.s_addr,
			 htonl(INADDR_LOOPBACK));
	close(srv);
	close(cli);
}
END_TEST

/* A bound socket that does not listen keeps the port taken, so the
 * refusal is certain. */
START_TEST(connect_refused)
{
	struct sk_addr at, lo = inet4("127.0.0.1", 0);
	int idle = new_socket(AF_INET, SOCK_STREAM);
	int cli = new_socket(AF_INET, SOCK_STREAM);
	int cli2 = new_socket(AF_INET, SOCK_STREAM);

	ck_assert_int_eq(sk_bind(idle, &lo), 0);
	ck_assert_int_eq(sk_getsockname(idle, &at), 0);
	ck_assert_int_eq(sk_connect(cli, &at, -1), ECONNREFUSED);
	ck_assert_int_eq(sk_connect_ex(cli, &at, -1), ECONNREFUSED);
	/* With a timeout the outcome comes from SO_ERROR after poll. */
	ck_assert_int_eq(sk_set_nonblock(cli2, true), 0);
	ck_assert_int_eq(sk_connect(cli2, &at, 2.0), ECONNREFUSED);
	close(idle);
	close(cli);
	close(cli2);
}
END_TEST

START_TEST(connect_with_timeout_succeeds)
{
	struct sk_addr at;
	int srv = tcp_listener(&at);
	int cli = new_socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);

	ck_assert_int_eq(sk_connect_ex(cli, &at, 2.0), 0);
	/* As Python and Linux: the next connect reports the success once
	 * more, the one after that EISCONN. */
	ck_assert_int_eq(sk_connect(cli, &at, 2.0), 0);
	ck_assert_int_eq(sk_connect(cli, &at, 2.0), EISCONN);
	close(cli);
	close(srv);
}
END_TEST

START_TEST(listen_and_accept_misuse)
{
	int dg = new_socket(AF_INET, SOCK_DGRAM);
	int st = new_socket(AF_INET, SOCK_STREAM);
	struct sk_addr peer;
	int fd;

	ck_assert_int_eq(sk_listen(dg, 1), EOPNOTSUPP);
	ck_assert_int_eq(sk_accept(st, -1, 0, &peer, &fd), EINVAL);
	ck_assert_int_eq(sk_getpeername(st, &peer), ENOTCONN);
	ck_assert_int_eq(sk_shutdown(st, SHUT_WR), ENOTCONN);
	close(dg);
	close(st);
}
END_TEST

START_TEST(socketpair_only_for_unix)
{
	int fds[2] = {-1, -1};

	ck_assert_int_eq(sk_socketpair(AF_INET, SOCK_STREAM, 0, fds),
			 EOPNOTSUPP);
	pair(SOCK_SEQPACKET, fds);
	ck_assert_int_ge(fds[0], 0);
	ck_assert_int_ge(fds[1], 0);
	ck_assert_int_ne(fds[0], fds[1]);
	close(fds[0]);
	close(fds[1]);
}
END_TEST

/* ---- timeouts and non-blocking ------------------------------------ */

START_TEST(recv_timeout)
{
	int fds[2];
	char buf[4];
	size_t n = 99;
	double t0;

	pair(SOCK_STREAM, fds);
	ck_assert_int_eq(sk_set_nonblock(fds[0], true), 0);
	t0 = sk_now();
	ck_assert_int_eq(sk_recv(fds[0], buf, 4, 0, 0.1, NULL, &n),
			 CORE_ETIMEOUT);
	ck_assert(sk_now() - t0 >= 0.09);
	ck_assert_uint_eq(n, 99); /* untouched */
	close(fds[0]);
	close(fds[1]);
}
END_TEST

START_TEST(accept_timeout)
{
	struct sk_addr at, peer;
	int srv = tcp_listener(&at);
	int fd = -5;

	ck_assert_int_eq(sk_set_nonblock(srv, true), 0);
	ck_assert_int_eq(sk_accept(srv, 0.05, 0, &peer, &fd), CORE_ETIMEOUT);
	ck_assert_int_eq(fd, -5);
	close(srv);
}
END_TEST

START_TEST(nonblocking_eagain)
{
	struct sk_addr at, peer;
	int srv = tcp_listener(&at);
	int fds[2], fd;
	char buf[4];
	size_t n;

	pair(SOCK_STREAM, fds);
	ck_assert_int_eq(sk_set_nonblock(fds[0], true), 0);
	ck_assert_int_eq(sk_recv(fds[0], buf, 4, 0, 0, NULL, &n), EAGAIN);
	ck_assert_int_eq(sk_set_nonblock(srv, true), 0);
	ck_assert_int_eq(sk_accept(srv, 0, 0, &peer, &fd), EAGAIN);
	/* MSG_DONTWAIT on a blocking socket, as Python's flags. */
	ck_assert_int_eq(sk_recv(fds[1], buf, 4, MSG_DONTWAIT, -1, NULL, &n),
			 EAGAIN);
	close(fds[0]);
	close(fds[1]);
	close(srv);
}
END_TEST

START_TEST(recv_after_peer_close_is_empty)
{
	int fds[2];
	char buf[4];
	size_t n = 99;

	pair(SOCK_STREAM, fds);
	ck_assert_int_eq(sk_shutdown(fds[1], SHUT_WR), 0);
	ck_assert_int_eq(sk_recv(fds[0], buf, 4, 0, 1.0, NULL, &n), 0);
	ck_assert_uint_eq(n, 0);
	close(fds[1]);
	ck_assert_int_eq(sk_recv(fds[0], buf, 4, 0, -1, NULL, &n), 0);
	ck_assert_uint_eq(n, 0);
	close(fds[0]);
}
END_TEST

START_TEST(send_to_closed_peer_is_epipe)
{
	int fds[2];
	size_t n;

	signal(SIGPIPE, SIG_IGN);
	pair(SOCK_STREAM, fds);
	close(fds[1]);
	ck_assert_int_eq(sk_send(fds[0], "x", 1, 0, -1, NULL, &n), EPIPE);
	ck_assert_int_eq(sk_sendall(fds[0], "x", 1, 0, -1, &n), EPIPE);
	ck_assert_uint_eq(n, 0);
	close(fds[0]);
}
END_TEST

#define BIG (8u << 20)

/* Read everything from FD until EOF and check it is BIG bytes of the
 * pattern; the exit status says. */
_Noreturn static void reader(int fd)
{
	static unsigned char buf[65536];
	size_t total = 0;
	ssize_t r;

	while ((r = read(fd, buf, sizeof buf)) > 0) {
		for (ssize_t i = 0; i < r; i++)
			if (buf[i] != (unsigned char)((total + i) * 7))
				_exit(2);
		total += (size_t)r;
	}
	_exit(r == 0 && total == BIG ? 0 : 1);
}

static unsigned char *pattern(void)
{
	unsigned char *p = malloc(BIG);

	ck_assert_ptr_nonnull(p);
	for (size_t i = 0; i < BIG; i++)
		p[i] = (unsigned char)(i * 7);
	return p;
}

static void sendall_to_child(double timeout)
{
	unsigned char *p = pattern();
	int fds[2], status = -1;
	size_t sent = 0;
	pid_t pid;

	pair(SOCK_STREAM, fds);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		free(p);
		close(fds[0]);
		reader(fds[1]);
	}
	close(fds[1]);
	if (timeout >= 0)
		ck_assert_int_eq(sk_set_nonblock(fds[0], true), 0);
	ck_assert_int_eq(sk_sendall(fds[0], p, BIG, 0, timeout, &sent), 0);
	ck_assert_uint_eq(sent, BIG);
	close(fds[0]);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 0);
	free(p);
}

START_TEST(sendall_large_buffer_blocking)
{
	sendall_to_child(-1);
}
END_TEST

START_TEST(sendall_large_buffer_with_timeout)
{
	sendall_to_child(10.0);
}
END_TEST

/* Nobody reads: the deadline covers the whole call, and the count sent
 * so far is reported. */
START_TEST(sendall_times_out_part_way)
{
	unsigned char *p = pattern();
	int fds[2];
	size_t sent = 0;
	double t0;

	pair(SOCK_STREAM, fds);
	ck_assert_int_eq(sk_set_nonblock(fds[0], true), 0);
	t0 = sk_now();
	ck_assert_int_eq(sk_sendall(fds[0], p, BIG, 0, 0.2, &sent),
			 CORE_ETIMEOUT);
	ck_assert(sk_now() - t0 < 5);
	ck_assert_uint_gt(sent, 0);
	ck_assert_uint_lt(sent, BIG);
	close(fds[0]);
	close(fds[1]);
	free(p);
}
END_TEST

/* Timeout 0: one try, whatever fits. */
START_TEST(send_nonblocking_partial_then_eagain)
{
	unsigned char *p = pattern();
	int fds[2];
	size_t sent = 0, more = 0;

	pair(SOCK_STREAM, fds);
	ck_assert_int_eq(sk_set_nonblock(fds[0], true), 0);
	ck_assert_int_eq(sk_send(fds[0], p, BIG, 0, 0, NULL, &sent), 0);
	ck_assert_uint_gt(sent, 0);
	ck_assert_uint_lt(sent, BIG);
	ck_assert_int_eq(sk_send(fds[0], p, BIG, 0, 0, NULL, &more), EAGAIN);
	close(fds[0]);
	close(fds[1]);
	free(p);
}
END_TEST

START_TEST(wait_and_poll)
{
	int fds[2], nready = -1;
	struct pollfd pf[2];

	pair(SOCK_STREAM, fds);
	ck_assert_int_eq(sk_wait(fds[0], true, 0), 0);
	ck_assert_int_eq(sk_wait(fds[0], false, 0.02), CORE_ETIMEOUT);
	ck_assert_int_eq(write(fds[1], "x", 1), 1);
	ck_assert_int_eq(sk_wait(fds[0], false, -1), 0);
	pf[0] = (struct pollfd){.fd = fds[0], .events = POLLIN};
	pf[1] = (struct pollfd){.fd = fds[1], .events = POLLIN};
	ck_assert_int_eq(sk_poll(pf, 2, 0, &nready), 0);
	ck_assert_int_eq(nready, 1);
	ck_assert(pf[0].revents & POLLIN);
	ck_assert_int_eq(pf[1].revents, 0);
	close(fds[0]);
	close(fds[1]);
}
END_TEST

/* ---- descriptor flags --------------------------------------------- */

START_TEST(set_nonblock_toggles_o_nonblock)
{
	int fd = new_socket(AF_INET, SOCK_STREAM);

	ck_assert_int_eq(fcntl(fd, F_GETFL) & O_NONBLOCK, 0);
	ck_assert_int_eq(sk_set_nonblock(fd, true), 0);
	ck_assert_int_ne(fcntl(fd, F_GETFL) & O_NONBLOCK, 0);
	ck_assert_int_eq(sk_set_nonblock(fd, false), 0);
	ck_assert_int_eq(fcntl(fd, F_GETFL) & O_NONBLOCK, 0);
	close(fd);
}
END_TEST

/* As Python: F_GETFL always, F_SETFL only when the flag changes. */
START_TEST(set_nonblock_skips_needless_setfl)
{
	int fd = new_socket(AF_INET, SOCK_STREAM);

	trace_start();
	ck_assert_int_eq(sk_set_nonblock(fd, false), 0);
	ck_assert_int_eq(nev, 1);
	ck_assert_int_eq(ev[0].arg1, F_GETFL);
	ck_assert_int_eq(sk_set_nonblock(fd, true), 0);
	ck_assert_int_eq(nev, 3);
	event_is(2, "fcntl", 0, 0);
	ck_assert_int_eq(ev[2].arg1, F_SETFL);
	trace_stop();
	close(fd);
}
END_TEST

START_TEST(cloexec_get_and_set)
{
	int fd = new_socket(AF_INET, SOCK_STREAM);
	int fd2 = new_socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC);
	bool on = true;

	ck_assert_int_eq(sk_get_cloexec(fd, &on), 0);
	ck_assert(!on);
	ck_assert_int_eq(sk_get_cloexec(fd2, &on), 0);
	ck_assert(on);
	ck_assert_int_eq(sk_set_cloexec(fd, true), 0);
	ck_assert_int_ne(fcntl(fd, F_GETFD) & FD_CLOEXEC, 0);
	ck_assert_int_eq(sk_set_cloexec(fd, false), 0);
	ck_assert_int_eq(fcntl(fd, F_GETFD) & FD_CLOEXEC, 0);
	close(fd);
	close(fd2);
}
END_TEST

START_TEST(dup_is_same_socket_with_cloexec)
{
	struct sk_addr at, a2;
	int srv = tcp_listener(&at);
	int d = -1;

	ck_assert_int_eq(sk_dup(srv, &d), 0);
	ck_assert_int_ne(d, srv);
	ck_assert_int_ne(fcntl(d, F_GETFD) & FD_CLOEXEC, 0);
	ck_assert_int_eq(sk_getsockname(d, &a2), 0);
	ck_assert(same_addr(&at, &a2));
	ck_assert_int_eq(sk_close(srv), 0);
	/* The socket lives on through the duplicate. */
	ck_assert_int_eq(sk_getsockname(d, &a2), 0);
	ck_assert(same_addr(&at, &a2));
	close(d);
}
END_TEST

START_TEST(sockopt_round_trip)
{
	int fd = new_socket(AF_INET, SOCK_STREAM);
	int one = 1, v = 0;
	socklen_t len = sizeof v;

	ck_assert_int_eq(
	    sk_setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one), 0);
	ck_assert_int_eq(sk_getsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &v, &len),
			 0);
	ck_assert_int_eq(v, 1);
	ck_assert_uint_eq(len, sizeof v);
	len = sizeof v;
	ck_assert_int_eq(sk_getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, &len), 0);
	ck_assert_int_eq(v, SOCK_STREAM);
	len = sizeof v;
	ck_assert_int_eq(sk_getsockopt(fd, SOL_SOCKET, 12345, &v, &len),
			 ENOPROTOOPT);
	close(fd);
}
END_TEST

/* ---- the trace hook ----------------------------------------------- */

START_TEST(trace_names_calls_and_results)
{
	struct sk_addr at, peer;
	int srv, cli, conn = -1, d = -1;
	char buf[4];
	size_t n;

	trace_start();
	ck_assert(sk_tracing());
	srv = tcp_listener(&at);
	event_is(0, "socket", srv, 0);
	ck_assert_int_eq(ev[0].nargs, 3);
	ck_assert_int_eq(ev[0].kind0, SA_FAMILY);
	ck_assert_int_eq(ev[0].arg0, AF_INET);
	ck_assert_int_eq(ev[0].kind1, SA_SOCKTYPE);
	ck_assert_int_eq(ev[0].arg1, SOCK_STREAM);
	event_is(1, "bind", 0, 0);
	ck_assert_int_eq(ev[1].kind0, SA_FD);
	ck_assert_int_eq(ev[1].arg0, srv);
	ck_assert_int_eq(ev[1].kind1, SA_SOCKADDR);
	event_is(2, "listen", 0, 0);
	event_is(3, "getsockname", 0, 0);
	ck_assert_int_eq(nev, 4);
	cli = new_socket(AF_INET, SOCK_STREAM);
	ck_assert_int_eq(sk_connect(cli, &at, -1), 0);
	event_is(5, "connect", 0, 0);
	ck_assert_int_eq(sk_accept(srv, -1, 0, &peer, &conn), 0);
	event_is(6, "accept4", conn, 0);
	ck_assert_int_eq(sk_send(cli, "ab", 2, 0, -1, NULL, &n), 0);
	event_is(7, "sendto", 2, 0);
	ck_assert_int_eq(sk_recv(conn, buf, 4, 0, -1, NULL, &n), 0);
	event_is(8, "recvfrom", 2, 0);
	ck_assert_int_eq(sk_dup(conn, &d), 0);
	event_is(9, "fcntl", d, 0);
	ck_assert_int_eq(ev[9].arg1, F_DUPFD_CLOEXEC);
	ck_assert_int_eq(sk_shutdown(conn, SHUT_WR), 0);
	event_is(10, "shutdown", 0, 0);
	ck_assert_int_eq(sk_close(d), 0);
	event_is(11, "close", 0, 0);
	ck_assert_int_eq(nev, 12);
	trace_stop();
	close(conn);
	close(cli);
	close(srv);
}
END_TEST

START_TEST(trace_reports_failures_with_errno)
{
	int fds[2];
	char buf[4];
	size_t n;

	trace_start();
	ck_assert_int_eq(sk_close(-1), EBADF);
	event_is(0, "close", -1, EBADF);
	ck_assert_int_eq(ev[0].arg0, -1);
	pair(SOCK_STREAM, fds);
	event_is(1, "socketpair", 0, 0);
	ck_assert_int_eq(sk_recv(fds[0], buf, 4, MSG_DONTWAIT, -1, NULL, &n),
			 EAGAIN);
	event_is(2, "recvfrom", -1, EAGAIN);
	/* A timeout shows as a poll that returned 0 and no recvfrom. */
	ck_assert_int_eq(sk_recv(fds[0], buf, 4, 0, 0.01, NULL, &n),
			 CORE_ETIMEOUT);
	event_is(3, "poll", 0, 0);
	ck_assert_int_eq(nev, 4);
	trace_stop();
	close(fds[0]);
	close(fds[1]);
}
END_TEST

START_TEST(trace_off_stops_events)
{
	int fd;

	trace_start();
	trace_stop();
	ck_assert(!sk_tracing());
	fd = new_socket(AF_UNIX, SOCK_DGRAM);
	sk_close(fd);
	ck_assert_int_eq(nev, 0);
}
END_TEST

/* ---- interruption by a signal ------------------------------------- */

static void raise_interrupt(int sig)
{
	(void)sig;
	sk_interrupted = 1;
}

static void ignore_signal(int sig)
{
	(void)sig;
}

/* HANDLER on SIGALRM, without SA_RESTART so blocking calls see EINTR,
 * firing once after MS milliseconds. */
static void alarm_in(void (*handler)(int), int ms)
{
	struct sigaction sa = {.sa_handler = handler};
	struct itimerval it = {
	    .it_value = {.tv_sec = ms / 1000, .tv_usec = (ms % 1000) * 1000}};

	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;
	ck_assert_int_eq(sigaction(SIGALRM, &sa, NULL), 0);
	ck_assert_int_eq(setitimer(ITIMER_REAL, &it, NULL), 0);
}

START_TEST(interrupted_blocking_accept)
{
	struct sk_addr at, peer;
	int srv = tcp_listener(&at);
	int fd = -5;

	sk_interrupted = 0;
	alarm_in(raise_interrupt, 50);
	ck_assert_int_eq(sk_accept(srv, -1, 0, &peer, &fd), CORE_EINTERRUPTED);
	ck_assert_int_eq(fd, -5);
	/* The flag is consumed: the next call is not interrupted. */
	ck_assert_int_eq(sk_interrupted, 0);
	close(srv);
}
END_TEST

START_TEST(interrupted_wait_with_timeout)
{
	int fds[2];
	char buf[4];
	size_t n;
	double t0 = sk_now();

	pair(SOCK_STREAM, fds);
	ck_assert_int_eq(sk_set_nonblock(fds[0], true), 0);
	sk_interrupted = 0;
	alarm_in(raise_interrupt, 50);
	ck_assert_int_eq(sk_recv(fds[0], buf, 4, 0, 10.0, NULL, &n),
			 CORE_EINTERRUPTED);
	ck_assert(sk_now() - t0 < 5);
	close(fds[0]);
	close(fds[1]);
}
END_TEST

START_TEST(interrupted_sleep)
{
	double t0 = sk_now();

	sk_interrupted = 0;
	alarm_in(raise_interrupt, 50);
	ck_assert_int_eq(sk_sleep(10), CORE_EINTERRUPTED);
	ck_assert(sk_now() - t0 < 5);
	ck_assert_int_eq(sk_sleep(0.01), 0);
}
END_TEST

/* A signal that does not raise sk_interrupted (SIGWINCH, say) makes the
 * call go on, as Python retries after EINTR. */
START_TEST(other_signal_is_retried)
{
	int fds[2], status;
	char buf[4];
	size_t n = 0;
	pid_t pid;

	pair(SOCK_STREAM, fds);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		usleep(200000);
		_exit(write(fds[1], "late", 4) == 4 ? 0 : 1);
	}
	sk_interrupted = 0;
	alarm_in(ignore_signal, 50);
	ck_assert_int_eq(sk_recv(fds[0], buf, 4, 0, -1, NULL, &n), 0);
	ck_assert_uint_eq(n, 4);
	ck_assert_mem_eq(buf, "late", 4);
	alarm_in(ignore_signal, 20);
	ck_assert_int_eq(sk_sleep(0.1), 0);
	waitpid(pid, &status, 0);
	close(fds[0]);
	close(fds[1]);
}
END_TEST

/* Signals that keep coming (every 50 ms, shorter than the timeout) must
 * not restart the wait with the whole timeout each time: the retry waits
 * only for what is left, so the call still times out on time. */
START_TEST(retried_wait_keeps_its_deadline)
{
	int fds[2];
	char buf[4];
	size_t n;
	struct itimerval every = {.it_interval = {0, 50000}, .it_value = {0, 50000}};
	struct sigaction sa = {.sa_handler = ignore_signal};

	pair(SOCK_STREAM, fds);
	ck_assert_int_eq(sk_set_nonblock(fds[0], true), 0);
	sk_interrupted = 0;
	ck_assert_int_eq(sigaction(SIGALRM, &sa, NULL), 0);
	ck_assert_int_eq(setitimer(ITIMER_REAL, &every, NULL), 0);
	double t0 = sk_now();
	int e = sk_recv(fds[0], buf, 4, 0, 0.3, NULL, &n);
	double took = sk_now() - t0;
	setitimer(ITIMER_REAL, &(struct itimerval){{0, 0}, {0, 0}}, NULL);
	ck_assert_int_eq(e, CORE_ETIMEOUT);
	ck_assert_msg(took >= 0.29 && took < 3, "timed out after %.3f s, not 0.3", took);
	close(fds[0]);
	close(fds[1]);
}
END_TEST

Suite *make_sock_suite(void)
{
	Suite *s = suite_create("sock");
	TCase *calls = tcase_create("calls");
	TCase *tmo = tcase_create("timeouts");
	TCase *flags = tcase_create("flags");
	TCase *trace = tcase_create("trace");
	TCase *intr = tcase_create("interrupt");

	tcase_add_test(calls, socket_and_close);
	tcase_add_test(calls, socket_errors_are_returned);
	tcase_add_test(calls, ebadf_on_minus_one);
	tcase_add_test(calls, ebadf_with_timeout);
	tcase_add_test(calls, tcp_loopback_connect_accept);
	tcase_add_test(calls, tcp6_loopback_connect_accept);
	tcase_add_test(calls, unix_path_connect_accept);
	tcase_add_test(calls, unix_abstract_datagram_from_address);
	tcase_add_test(calls, udp_sendto_recvfrom);
	tcase_add_test(calls, connect_refused);
	tcase_add_test(calls, connect_with_timeout_succeeds);
	tcase_add_test(calls, listen_and_accept_misuse);
	tcase_add_test(calls, socketpair_only_for_unix);
	tcase_add_test(tmo, recv_timeout);
	tcase_add_test(tmo, accept_timeout);
	tcase_add_test(tmo, nonblocking_eagain);
	tcase_add_test(tmo, recv_after_peer_close_is_empty);
	tcase_add_test(tmo, send_to_closed_peer_is_epipe);
	tcase_add_test(tmo, sendall_large_buffer_blocking);
	tcase_add_test(tmo, sendall_large_buffer_with_timeout);
	tcase_add_test(tmo, sendall_times_out_part_way);
	tcase_add_test(tmo, send_nonblocking_partial_then_eagain);
	tcase_add_test(tmo, wait_and_poll);
	tcase_add_test(flags, set_nonblock_toggles_o_nonblock);
	tcase_add_test(flags, set_nonblock_skips_needless_setfl);
	tcase_add_test(flags, cloexec_get_and_set);
	tcase_add_test(flags, dup_is_same_socket_with_cloexec);
	tcase_add_test(flags, sockopt_round_trip);
	tcase_add_test(trace, trace_names_calls_and_results);
	tcase_add_test(trace, trace_reports_failures_with_errno);
	tcase_add_test(trace, trace_off_stops_events);
	tcase_add_test(intr, interrupted_blocking_accept);
	tcase_add_test(intr, interrupted_wait_with_timeout);
	tcase_add_test(intr, interrupted_sleep);
	tcase_add_test(intr, other_signal_is_retried);
	tcase_add_test(intr, retried_wait_keeps_its_deadline);
	suite_add_tcase(s, calls);
	suite_add_tcase(s, tmo);
	suite_add_tcase(s, flags);
	suite_add_tcase(s, trace);
	suite_add_tcase(s, intr);
	return s;
}
