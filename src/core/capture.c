/* capture.c - an AF_PACKET reader on `lo` and a pcap writer. The socket
 * takes every protocol (ETH_P_ALL) and its timestamp comes with each frame
 * (SO_TIMESTAMP), as tcpdump's would. */
#include "capture.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include "fds.h"

#define RCVBUF (4 << 20) /* a burst of 64 KiB frames stays queued */

static int fail(int fd, const char *step, char *err, size_t errlen)
{
	int e = errno;
	if (fd >= 0)
		close(fd);
	snprintf(err, errlen, "%s: %s", step, strerror(e));
	return e;
}

static int set_int(int fd, int level, int name, int v)
{
	return setsockopt(fd, level, name, &v, sizeof v);
}

int cap_open(int *out, char *err, size_t errlen)
{
	int fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK,
	                htons(ETH_P_ALL));
	if (fd < 0)
		return fail(-1, "socket(AF_PACKET)", err, errlen);
	if (set_int(fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, 1) < 0)
		return fail(fd, "PACKET_IGNORE_OUTGOING", err, errlen);
	if (set_int(fd, SOL_SOCKET, SO_TIMESTAMP, 1) < 0)
		return fail(fd, "SO_TIMESTAMP", err, errlen);
	/* Past rmem_max only with CAP_NET_ADMIN, which the lab has. */
	if (set_int(fd, SOL_SOCKET, SO_RCVBUFFORCE, RCVBUF) < 0)
		set_int(fd, SOL_SOCKET, SO_RCVBUF, RCVBUF);
	struct sockaddr_ll ll = {.sll_family = AF_PACKET,
	                         .sll_protocol = htons(ETH_P_ALL),
	                         .sll_ifindex = (int)if_nametoindex("lo")};
	if (!ll.sll_ifindex || bind(fd, (struct sockaddr *)&ll, sizeof ll) < 0)
		return fail(fd, "bind to lo", err, errlen);
	int high = fds_dup_high(fd);
	if (high >= 0) {
		close(fd);
		fd = high;
	}
	*out = fd;
	return 0;
}

/* The SO_TIMESTAMP of MSG, or the time now when there is none. */
static void frame_time(struct msghdr *msg, struct timeval *ts)
{
	for (struct cmsghdr *c = CMSG_FIRSTHDR(msg); c; c = CMSG_NXTHDR(msg, c))
		if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SO_TIMESTAMP) {
			memcpy(ts, CMSG_DATA(c), sizeof *ts);
			return;
		}
	gettimeofday(ts, NULL);
}

int cap_read(int fd, unsigned char *buf, size_t size, uint32_t *caplen,
             uint32_t *len, struct timeval *ts)
{
	union {
		char b[CMSG_SPACE(sizeof(struct timeval))];
		struct cmsghdr align;
	} ctl;
	struct iovec iov = {buf, size};
	struct msghdr msg = {.msg_iov = &iov, .msg_iovlen = 1,
	                     .msg_control = ctl.b, .msg_controllen = sizeof ctl.b};
	/* MSG_TRUNC: the frame's real length even when BUF held less. */
	ssize_t n = recvmsg(fd, &msg, MSG_TRUNC | MSG_DONTWAIT);
	if (n < 0)
		return errno == EWOULDBLOCK ? EAGAIN : errno;
	*len = (uint32_t)n;
	*caplen = (size_t)n < size ? (uint32_t)n : (uint32_t)size;
	frame_time(&msg, ts);
	return 0;
}

unsigned cap_drops(int fd)
{
	struct tpacket_stats st;
	socklen_t len = sizeof st;
	if (getsockopt(fd, SOL_PACKET, PACKET_STATISTICS, &st, &len) < 0)
		return 0;
	return st.tp_drops;
}

int cap_wait(int fd, int ms)
{
	struct pollfd p = {.fd = fd, .events = POLLIN};
	int r = poll(&p, 1, ms);
	return r < 0 ? -1 : r > 0;
}

void cap_close(int fd)
{
	close(fd);
}

static void put(struct pcap_out *p, const void *data, size_t n)
{
	const char *c = data;
	while (!p->err && n > 0) {
		ssize_t w = write(p->fd, c, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			p->err = errno;
			return;
		}
		c += w;
		n -= (size_t)w;
	}
}

int pcap_create(struct pcap_out *p, const char *path)
{
	/* In the writer's byte order, which readers tell by the magic. */
	const struct {
		uint32_t magic;
		uint16_t major, minor;
		int32_t zone;
		uint32_t sigfigs, snaplen, linktype;
	} head = {0xa1b2c3d4, 2, 4, 0, 0, CAP_SNAPLEN, 1 /* DLT_EN10MB */};
	p->err = 0;
	p->fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (p->fd < 0)
		return errno;
	put(p, &head, sizeof head);
	return 0;
}

void pcap_frame(struct pcap_out *p, const struct timeval *ts, uint32_t caplen,
                uint32_t len, const unsigned char *data)
{
	const uint32_t rec[4] = {(uint32_t)ts->tv_sec, (uint32_t)ts->tv_usec, caplen, len};
	put(p, rec, sizeof rec);
	put(p, data, caplen);
}

int pcap_close(struct pcap_out *p)
{
	if (close(p->fd) < 0 && !p->err)
		p->err = errno;
	return p->err;
}

int cap_save_text(const char *path, const char *text, size_t len)
{
	struct pcap_out p = {.fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)};
	if (p.fd < 0)
		return errno;
	put(&p, text, len);
	return pcap_close(&p);
}
