/* cmsg.h - ancillary data for sendmsg/recvmsg: lay neutral (level, type,
 * bytes) items out as a control buffer, and read such a buffer back.
 * Never prints; knows nothing of what the bytes mean. */
#ifndef SOCKSHELL_CMSG_H
#define SOCKSHELL_CMSG_H

#include <stddef.h>
#include <sys/socket.h>

struct cmsg_item {
	int level;
	int type;
	const unsigned char *data;
	size_t len;
};

/* The control length sendmsg gets for ITEMS: the sum of their CMSG_SPACE,
 * as Python computes it. Returns 0 for no items; SIZE_MAX when an item is
 * too big to describe. */
size_t cmsg_controllen(const struct cmsg_item *items, size_t n);

/* Lay ITEMS out in BUF, which holds CAP bytes (at least cmsg_controllen);
 * the buffer is zeroed first so padding is never stale. Returns 0, or
 * EINVAL when BUF is too small. */
int cmsg_build(const struct cmsg_item *items, size_t n, void *buf,
               size_t cap);

/* The items of the control buffer that recvmsg filled in MSG (control and
 * controllen as the kernel left them): at most MAX into OUT, pointing into
 * the buffer. A header cut short by MSG_CTRUNC keeps the data bytes that
 * arrived, as Python does. Returns how many items there are in all. */
size_t cmsg_parse(const struct msghdr *msg, struct cmsg_item *out,
                  size_t max);

/* CMSG_SPACE(len): what one item of LEN data bytes takes in a buffer,
 * or 0 when out of range (past what a socklen_t holds, as Python counts). */
size_t cmsg_space(size_t len);
/* CMSG_LEN(len), or 0 when out of range. */
size_t cmsg_len(size_t len);

#endif
