/* sock.h - the system call layer: every socket call sockshell makes goes
 * through here. Each returns 0 or an errno value (CORE_ETIMEOUT when a
 * timeout ran out, CORE_EINTERRUPTED when sk_interrupted was raised) and
 * never prints; a trace hook sees every call for `trace on`. */
#ifndef SOCKSHELL_SOCK_H
#define SOCKSHELL_SOCK_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <poll.h>
#include <sys/socket.h>
#include "addr.h"
#include "forbid.h"

/* Set from a signal handler to make blocking calls give up. */
extern volatile sig_atomic_t sk_interrupted;

/* The argument kinds a traced call can carry, so the tracer can print
 * them the way strace does. */
enum sk_argkind {
	SA_INT,      /* a plain number */
	SA_FD,       /* a descriptor */
	SA_FAMILY,   /* AF_INET */
	SA_SOCKTYPE, /* SOCK_STREAM|SOCK_CLOEXEC */
	SA_PROTO,    /* IPPROTO_TCP */
	SA_SOCKADDR, /* p, len: a sockaddr */
	SA_SOCKLEN,  /* [len]: an in/out length */
	SA_BUF,      /* p, len: data; aux = size argument */
	SA_MSGFLAGS, /* MSG_PEEK|MSG_DONTWAIT */
	SA_LEVEL,    /* SOL_SOCKET */
	SA_OPTNAME,  /* aux = level */
	SA_OPTVAL,   /* p, len: option bytes; aux = level, i = optname */
	SA_HOW,      /* SHUT_WR */
	SA_FCNTLCMD, /* F_GETFL */
	SA_OFLAGS,   /* O_RDWR|O_NONBLOCK */
	SA_FDFLAGS,  /* FD_CLOEXEC */
	SA_POLLFD,   /* i = fd, aux = events, len = revents (ret > 0) */
	SA_FDPAIR,   /* p = int[2] */
	SA_MSGHDR,   /* p = struct msghdr; recvmsg: aux = msg_namelen offered */
	SA_OFFSET,   /* [i] => [aux]: a moved file offset (aux < 0: unchanged) */
	SA_NULL,     /* NULL */
	SA_NAME,     /* p: a symbolic name printed as it is (FIONREAD) */
	SA_EPOLLOP,  /* EPOLL_CTL_ADD */
	SA_EPOLLEV,  /* p = struct epoll_event[len] ({events=..., data=...}) */
	SA_PATH      /* p: a file name, printed quoted */
};

struct sk_arg {
	enum sk_argkind kind;
	long i;
	long aux;
	const void *p;
	size_t len;
};

struct sk_event {
	const char *name; /* the system call, as strace names it */
	int nargs;
	struct sk_arg a[6];
	long ret;
	int err; /* errno when ret is -1 */
};

typedef void (*sk_trace_fn)(void *ctx, const struct sk_event *ev);
void sk_set_trace(sk_trace_fn fn, void *ctx);
bool sk_tracing(void);

/* A call that may block (its timeout is not 0): the shell flushes its
 * output before it and, on a terminal, says that it waits. The hook is
 * called with BEGINS true before the call and false after it. */
struct sk_block {
	const char *call;    /* "accept": the name the user knows; NULL: a
	                        sleep, which needs no notice */
	const char *syscall; /* "accept4": the one strace shows */
	int fd;              /* -1 for poll on many */
	bool writing;
	double timeout;      /* < 0: none */
};
typedef void (*sk_block_fn)(void *ctx, const struct sk_block *b, bool begins);
void sk_set_block_hook(sk_block_fn fn, void *ctx);

/* Timeouts in seconds as Python has them: < 0 is None (blocking), 0 is
 * non-blocking, > 0 waits with poll. */
int sk_socket(int family, int type, int proto, int *fd);
int sk_socketpair(int family, int type, int proto, int fds[2]);
int sk_close(int fd);
int sk_bind(int fd, const struct sk_addr *a);
int sk_listen(int fd, int backlog);
int sk_accept(int fd, double timeout, int flags, struct sk_addr *peer,
              int *newfd);
int sk_connect(int fd, const struct sk_addr *a, double timeout);
int sk_connect_ex(int fd, const struct sk_addr *a, double timeout);
int sk_send(int fd, const void *buf, size_t len, int flags, double timeout,
            const struct sk_addr *to, size_t *sent);
int sk_sendall(int fd, const void *buf, size_t len, int flags,
               double timeout, size_t *sent);
int sk_recv(int fd, void *buf, size_t len, int flags, double timeout,
            struct sk_addr *from, size_t *got);
int sk_sendmsg(int fd, const struct msghdr *msg, int flags, double timeout,
               size_t *sent);
int sk_recvmsg(int fd, struct msghdr *msg, int flags, double timeout,
               size_t *got);
/* One sendfile(2) of up to COUNT bytes of IN_FD from *OFFSET to the
 * socket OUT_FD, waiting as the socket's timeout says; *OFFSET moves on by
 * *SENT, and *SENT is 0 at the end of the file. */
int sk_sendfile(int out_fd, int in_fd, long long *offset, size_t count,
                double timeout, size_t *sent);
int sk_shutdown(int fd, int how);
int sk_getsockname(int fd, struct sk_addr *a);
int sk_getpeername(int fd, struct sk_addr *a);
int sk_getsockopt(int fd, int level, int opt, void *buf, socklen_t *len);
int sk_setsockopt(int fd, int level, int opt, const void *buf,
                  socklen_t len);
/* Set or clear O_NONBLOCK, as Python's settimeout/setblocking do. */
int sk_set_nonblock(int fd, bool on);
int sk_get_cloexec(int fd, bool *on);
int sk_set_cloexec(int fd, bool on);
int sk_dup(int fd, int *newfd);
/* Wait for FD to be readable (or writable) for up to TIMEOUT seconds. */
int sk_wait(int fd, bool writing, double timeout);
/* poll() many descriptors; TIMEOUT < 0 waits for ever. *NREADY gets the
 * count; revents are left in FDS. */
int sk_poll(struct pollfd *fds, size_t n, double timeout, int *nready);
/* epoll(7) as Python's select.epoll uses it: epoll_create1(EPOLL_CLOEXEC),
 * epoll_ctl with the descriptor as the event's data (NULL event for
 * EPOLL_CTL_DEL), epoll_wait retried after EINTR like sk_poll. */
struct epoll_event;
int sk_epoll_create(int *epfd);
int sk_epoll_ctl(int epfd, int op, int fd, unsigned events);
int sk_epoll_wait(int epfd, struct epoll_event *evs, int max, double timeout,
                  int *nready);
/* The bytes queued to read and to send (SIOCINQ, SIOCOUTQ). */
int sk_queues(int fd, int *inq, int *outq);
/* sleep, interruptible by sk_interrupted. */
int sk_sleep(double seconds);
/* Remove the file PATH (a socket file an earlier bind left), as
 * os.unlink does. */
int sk_unlink(const char *path);

/* Whether PATH names a socket file (stat(2), untraced: the shell asks
 * for a hint, the user did not). Returns 0 or the errno of stat. */
int sk_is_socket_file(const char *path, bool *is_socket);

/* Calls the shell makes for its own information (the hint after an
 * error) are not the statement's: while paused they are not traced.
 * Pauses nest. */
void sk_trace_pause(bool on);

/* What holds PORT for TYPE (SOCK_STREAM or SOCK_DGRAM) in any IPv4 or
 * IPv6 address, from /proc/net: *STATE gets the kernel's TCP state
 * (TCP_LISTEN first, TIME_WAIT last; TCP_CLOSE for UDP). Returns 0,
 * ENOENT when nothing does, or the errno of reading. */
int sk_port_holder(int type, int port, int *state);

#endif
