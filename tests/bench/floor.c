/* floor.c - the C floor of scripts/bench: each workload done with the
 * same system calls sockshell and Python make, with nothing on top; and
 * the harness around every run: the connected pair a workload talks
 * over, the helper process at its other end, and the clock.
 *
 *   floor run [-n FILES] [-p unix|tcp HELPER [BYTES]] -- CMD [ARG...]
 *       run CMD and print "WALL CPU MAXRSS_KB" (seconds of wall clock, of
 *       user + system time of CMD, and its peak RSS); with -p, CMD gets one end
 *       of a connected pair as descriptor 3 and a forked helper serves
 *       the other: echo (1-byte ping-pong), drain (read until EOF, then
 *       send the 8-byte count), source (send BYTES, then close).
 *       -n raises the descriptor limit.
 *   floor startup | statements FILE | churn N | pingpong N |
 *         sendall BYTES | recvinto BYTES | rss N | getsockopt N CALLS
 *       the workloads themselves (descriptor 3 for the pair ones).
 */
#define _GNU_SOURCE 1
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define CHUNK 65536

static void die(const char *what)
{
	perror(what);
	exit(2);
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void send_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t r = send(fd, p, n, 0);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			die("send");
		}
		p += r;
		n -= (size_t)r;
	}
}

/* ---- the workloads --------------------------------------------------- */

/* One statement per line, `x = htons 80`: read, find the number, call. */
static int statements(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		die(path);
	char line[4096];
	volatile unsigned x = 0;
	while (fgets(line, sizeof line, f)) {
		const char *p = strstr(line, "htons ");
		if (p)
			x = htons((uint16_t)strtol(p + 6, NULL, 10));
	}
	fclose(f);
	return x == htons(80) ? 0 : 1;
}

static int churn(long n)
{
	for (long i = 0; i < n; i++) {
		int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (fd < 0)
			die("socket");
		close(fd);
	}
	return 0;
}

static int pingpong(long n)
{
	char c = 'x';
	for (long i = 0; i < n; i++) {
		if (send(3, &c, 1, 0) != 1 || recv(3, &c, 1, 0) != 1)
			die("ping-pong");
	}
	return 0;
}

static int do_sendall(long long bytes)
{
	static char buf[CHUNK];
	memset(buf, 'x', sizeof buf);
	for (long long left = bytes; left > 0; left -= CHUNK)
		send_all(3, buf, left < CHUNK ? (size_t)left : CHUNK);
	shutdown(3, SHUT_WR);
	uint64_t count = 0;
	if (recv(3, &count, sizeof count, MSG_WAITALL) != sizeof count)
		die("recv count");
	return (long long)count == bytes ? 0 : 1;
}

static int recvinto(long long bytes)
{
	static char buf[CHUNK];
	for (long long left = bytes; left > 0; left -= CHUNK) {
		size_t want = left < CHUNK ? (size_t)left : CHUNK;
		if (recv(3, buf, want, MSG_WAITALL) != (ssize_t)want)
			die("recv_into");
	}
	return 0;
}

static int rss(long n)
{
	int *fds = calloc((size_t)n, sizeof *fds);
	for (long i = 0; i < n; i++)
		if ((fds[i] = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0)
			die("socket");
	free(fds);
	return 0;
}

/* CALLS getsockopt(SO_RCVBUF) with N sockets open (the harness takes
 * the time of 0 calls from that of CALLS). */
static int per_getsockopt(long n, long calls)
{
	int first = -1;
	for (long i = 0; i < n; i++) {
		int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (fd < 0)
			die("socket");
		if (first < 0)
			first = fd;
	}
	for (long i = 0; i < calls; i++) {
		int v;
		socklen_t len = sizeof v;
		if (getsockopt(first, SOL_SOCKET, SO_RCVBUF, &v, &len))
			die("getsockopt");
	}
	return 0;
}

/* ---- the helpers at the other end --------------------------------------- */

static void echo_loop(int fd)
{
	char buf[CHUNK];
	ssize_t r;
	while ((r = recv(fd, buf, sizeof buf, 0)) > 0)
		send_all(fd, buf, (size_t)r);
}

static void drain(int fd)
{
	static char buf[CHUNK];
	uint64_t total = 0;
	ssize_t r;
	while ((r = recv(fd, buf, sizeof buf, 0)) > 0)
		total += (uint64_t)r;
	send_all(fd, (const char *)&total, sizeof total);
}

static void source(int fd, long long bytes)
{
	static char buf[CHUNK];
	memset(buf, 'y', sizeof buf);
	for (long long left = bytes; left > 0; left -= CHUNK)
		send_all(fd, buf, left < CHUNK ? (size_t)left : CHUNK);
}

/* Two connected stream sockets: a socketpair, or both ends of a loopback
 * TCP connection. */
static void make_pair(const char *kind, int sv[2])
{
	if (!strcmp(kind, "unix")) {
		if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv))
			die("socketpair");
		return;
	}
	int l = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET,
	                        .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t len = sizeof a;
	if (l < 0 || bind(l, (struct sockaddr *)&a, sizeof a) || listen(l, 1) ||
	    getsockname(l, (struct sockaddr *)&a, &len))
		die("listen");
	sv[0] = socket(AF_INET, SOCK_STREAM, 0);
	if (sv[0] < 0 || connect(sv[0], (struct sockaddr *)&a, sizeof a))
		die("connect");
	sv[1] = accept(l, NULL, NULL);
	if (sv[1] < 0)
		die("accept");
	close(l);
}

static int run(int argc, char **argv)
{
	const char *pair = NULL, *helper = NULL;
	long long bytes = 0;
	long files = 0;
	int i = 0;
	while (i < argc && strcmp(argv[i], "--")) {
		if (!strcmp(argv[i], "-n") && i + 1 < argc) {
			files = atol(argv[i + 1]);
			i += 2;
		} else if (!strcmp(argv[i], "-p") && i + 2 < argc) {
			pair = argv[i + 1];
			helper = argv[i + 2];
			i += 3;
			if (i < argc && strcmp(argv[i], "--"))
				bytes = atoll(argv[i++]);
		} else {
			fprintf(stderr, "floor run: bad option %s\n", argv[i]);
			return 2;
		}
	}
	if (i + 1 >= argc)
		return fprintf(stderr, "floor run: no command\n"), 2;
	char **cmd = argv + i + 1;
	if (files) {
		struct rlimit rl = {(rlim_t)files, (rlim_t)files};
		if (setrlimit(RLIMIT_NOFILE, &rl))
			die("setrlimit");
	}
	int sv[2] = {-1, -1};
	pid_t helper_pid = -1;
	if (pair) {
		make_pair(pair, sv);
		helper_pid = fork();
		if (helper_pid == 0) {
			close(sv[0]);
			if (!strcmp(helper, "echo"))
				echo_loop(sv[1]);
			else if (!strcmp(helper, "drain"))
				drain(sv[1]);
			else
				source(sv[1], bytes);
			_exit(0);
		}
		close(sv[1]);
	}
	double t0 = now();
	pid_t pid = fork();
	if (pid == 0) {
		if (pair && sv[0] != 3) {
			dup2(sv[0], 3);
			close(sv[0]);
		}
		execvp(cmd[0], cmd);
		die(cmd[0]);
	}
	if (pair)
		close(sv[0]);
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) < 0)
		die("wait4");
	double dt = now() - t0;
	if (helper_pid > 0)
		waitpid(helper_pid, NULL, 0);
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		fprintf(stderr, "floor run: %s failed (status %d)\n", cmd[0], status);
		return 1;
	}
	double cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
	             (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
	printf("%.6f %.6f %ld\n", dt, cpu, ru.ru_maxrss);
	return 0;
}

int main(int argc, char **argv)
{
	signal(SIGPIPE, SIG_IGN);
	if (argc < 2)
		return fprintf(stderr, "usage: see floor.c\n"), 2;
	const char *w = argv[1];
	const char *a = argc > 2 ? argv[2] : "0";
	if (!strcmp(w, "run"))
		return run(argc - 2, argv + 2);
	if (!strcmp(w, "startup"))
		return 0;
	if (!strcmp(w, "statements"))
		return statements(a);
	if (!strcmp(w, "churn"))
		return churn(atol(a));
	if (!strcmp(w, "pingpong"))
		return pingpong(atol(a));
	if (!strcmp(w, "sendall"))
		return do_sendall(atoll(a));
	if (!strcmp(w, "recvinto"))
		return recvinto(atoll(a));
	if (!strcmp(w, "rss"))
		return rss(atol(a));
	if (!strcmp(w, "getsockopt"))
		return per_getsockopt(atol(a), argc > 3 ? atol(argv[3]) : 100000);
	fprintf(stderr, "floor: unknown workload %s\n", w);
	return 2;
}
