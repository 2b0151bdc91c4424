/* ready.h - what poll(2) would say about a socket now, and why, read
 * without consuming a byte: the facts behind `ready` and `watch`. */
#ifndef SOCKSHELL_READY_H
#define SOCKSHELL_READY_H

#include <stdbool.h>

struct sk_readiness {
	short revents;  /* poll with zero timeout: POLLIN POLLOUT POLLERR
	                 * POLLHUP POLLRDHUP */
	bool listening; /* SO_ACCEPTCONN */
	int inq;        /* FIONREAD: bytes (a datagram's size) to read */
	int tcp_state;  /* TCP_INFO's state; 0 when not TCP */
	int waiting;    /* a TCP listener's connections ready to accept */
};

/* Poll FD once with a zero timeout, then ask the queues (FIONREAD) and,
 * for TCP, TCP_INFO. SO_ERROR is not read: reading it clears it. */
int sk_readiness(int fd, bool tcp, struct sk_readiness *r);

#endif
