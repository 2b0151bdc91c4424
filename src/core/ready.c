/* ready.c - readiness as UNP section 6.3 explains it, from calls that
 * leave the socket as it was: poll with no wait, FIONREAD, TCP_INFO. */
#include "ready.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>

#include "sock.h"

/* A listener's queue (tcpi_unacked holds it) and the connection's state. */
static void read_tcp_info(int fd, struct sk_readiness *r)
{
	struct tcp_info ti;
	socklen_t len = sizeof ti;
	if (sk_getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &len))
		return;
	r->tcp_state = ti.tcpi_state;
	if (r->listening)
		r->waiting = (int)ti.tcpi_unacked;
}

int sk_readiness(int fd, bool tcp, struct sk_readiness *r)
{
	memset(r, 0, sizeof *r);
	struct pollfd p = {.fd = fd, .events = POLLIN | POLLOUT | POLLRDHUP};
	int n = 0;
	int e = sk_poll(&p, 1, 0, &n);
	if (e)
		return e;
	r->revents = p.revents;
	int on = 0;
	socklen_t len = sizeof on;
	if (!sk_getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &on, &len))
		r->listening = on != 0;
	int outq;
	/* A listener has no queues: FIONREAD would fail with EINVAL. */
	if (!r->listening)
		sk_queues(fd, &r->inq, &outq);
	if (tcp)
		read_tcp_info(fd, r);
	return 0;
}
