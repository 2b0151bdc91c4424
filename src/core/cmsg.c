/* cmsg.c - building and reading control buffers with the CMSG_* macros,
 * so the shell only ever sees (level, type, bytes). */
#include "cmsg.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <string.h>

/* The largest length a socklen_t carries, as Python counts it (its
 * SOCKLEN_T_LIMIT): msg_controllen must fit it. */
#define SOCKLEN_LIMIT ((size_t)INT_MAX)

size_t cmsg_space(size_t len)
{
	/* CMSG_SPACE(1) counts the padding before and after the data. */
	return len > SOCKLEN_LIMIT - CMSG_SPACE(1) ? 0 : CMSG_SPACE(len);
}

size_t cmsg_len(size_t len)
{
	return len > SOCKLEN_LIMIT - CMSG_LEN(0) ? 0 : CMSG_LEN(len);
}

size_t cmsg_controllen(const struct cmsg_item *items, size_t n)
{
	size_t total = 0;
	for (size_t i = 0; i < n; i++) {
		size_t one = cmsg_space(items[i].len);
		if (!one || total > SIZE_MAX / 2 - one)
			return SIZE_MAX;
		total += one;
	}
	return total;
}

int cmsg_build(const struct cmsg_item *items, size_t n, void *buf,
               size_t cap)
{
	size_t need = cmsg_controllen(items, n);
	if (need == SIZE_MAX || need > cap)
		return EINVAL;
	memset(buf, 0, cap);
	/* CMSG_NXTHDR looks at msg_controllen, so walk with one that
	 * covers the whole buffer. */
	struct msghdr msg = {.msg_control = buf, .msg_controllen = cap};
	struct cmsghdr *h = n ? CMSG_FIRSTHDR(&msg) : NULL;
	for (size_t i = 0; i < n && h; i++) {
		h->cmsg_level = items[i].level;
		h->cmsg_type = items[i].type;
		h->cmsg_len = CMSG_LEN(items[i].len);
		if (items[i].len)
			memcpy(CMSG_DATA(h), items[i].data, items[i].len);
		h = CMSG_NXTHDR(&msg, h);
	}
	return 0;
}

/* How many data bytes of H lie inside the buffer; -1 when not even the
 * header does. */
static long data_len(const struct msghdr *msg, const struct cmsghdr *h)
{
	const unsigned char *start = msg->msg_control;
	const unsigned char *data = CMSG_DATA(h);
	size_t hoff = (size_t)((const unsigned char *)h - start);
	if (hoff + CMSG_LEN(0) > msg->msg_controllen || h->cmsg_len < CMSG_LEN(0))
		return -1;
	size_t want = h->cmsg_len - CMSG_LEN(0);
	size_t room = msg->msg_controllen - (size_t)(data - start);
	return (long)(want < room ? want : room);
}

size_t cmsg_parse(const struct msghdr *msg, struct cmsg_item *out,
                  size_t max)
{
	size_t n = 0;
	if (!msg->msg_control || msg->msg_controllen == 0)
		return 0;
	for (struct cmsghdr *h = CMSG_FIRSTHDR((struct msghdr *)msg); h;
	     h = CMSG_NXTHDR((struct msghdr *)msg, h)) {
		long len = data_len(msg, h);
		if (len < 0)
			break;
		if (n < max)
			out[n] = (struct cmsg_item){h->cmsg_level, h->cmsg_type,
			                            CMSG_DATA(h), (size_t)len};
		n++;
	}
	return n;
}
