/* addr.c - socket address codecs with the semantics of CPython's
 * socketmodule.c (setipaddr, getsockaddrarg, makesockaddr). Never prints. */
#include "addr.h"

#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <netdb.h>
#include <string.h>

#include "forbid.h"

#define FLOWINFO_MAX 0xfffffUL

static socklen_t inet_len(int family)
{
	return family == AF_INET ? sizeof(struct sockaddr_in)
				 : sizeof(struct sockaddr_in6);
}

/* Name resolution, the last resort of resolve(). Returns 0, or a resolver
 * code with *IS_GAI set, or an errno for EAI_SYSTEM (as Python raises
 * OSError, not gaierror, for it). */
static int lookup(int family, const char *host, struct sk_addr *out,
		  int *is_gai)
{
	struct addrinfo hints = {.ai_family = family};
	struct addrinfo *res;
	int rc;

	if (sk_forbidden())
		return EPERM;
	rc = getaddrinfo(host, NULL, &hints, &res);
	if (rc == EAI_SYSTEM)
		return errno ? errno : EIO;
	if (rc) {
		*is_gai = 1;
		return rc;
	}
	/* The hints pin the family, so the first result has the right size. */
	memcpy(&out->ss, res->ai_addr,
	       res->ai_addrlen < inet_len(family) ? res->ai_addrlen
						  : inet_len(family));
	freeaddrinfo(res);
	return 0;
}

/* The address part of OUT from HOST, in setipaddr's order of cases. */
static int resolve(int family, const char *host, struct sk_addr *out,
		   int *is_gai)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)&out->ss;
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&out->ss;

	if (host[0] == '\0') {
		/* Zeroed storage already holds INADDR_ANY / in6addr_any. */
		return 0;
	}
	if (!strcmp(host, "<broadcast>") || !strcmp(host, "255.255.255.255")) {
		/* Python: OSError("address family mismatched"), no errno. */
		if (family != AF_INET)
			return EAFNOSUPPORT;
		sin->sin_addr.s_addr = htonl(INADDR_BROADCAST);
		return 0;
	}
	if (family == AF_INET && inet_pton(AF_INET, host, &sin->sin_addr) > 0)
		return 0;
	/* Only getaddrinfo turns the interface of a "%scope" into an index. */
	if (family == AF_INET6 && !strchr(host, '%') &&
	    inet_pton(AF_INET6, host, &sin6->sin6_addr) > 0)
		return 0;
	/* glibc's getaddrinfo also takes inet_aton forms such as "127.1",
	 * without a query, which is how Python accepts them. */
	return lookup(family, host, out, is_gai);
}

int addr_inet(int family, const char *host, long port, unsigned long flowinfo,
	      unsigned long scope_id, struct sk_addr *out, int *is_gai)
{
	int err;

	*is_gai = 0;
	if (family != AF_INET && family != AF_INET6)
		return EAFNOSUPPORT;
	/* Values past a C int/unsigned int fail in Python's argument parsing,
	 * before any resolution; an in-range bad port only after it. */
	if (port < INT_MIN || port > INT_MAX || scope_id > UINT_MAX)
		return EOVERFLOW;
	memset(out, 0, sizeof(*out));
	err = resolve(family, host, out, is_gai);
	if (err)
		return err;
	if (port < 0 || port > 0xffff || flowinfo > FLOWINFO_MAX)
		return EOVERFLOW;
	out->len = inet_len(family);
	if (family == AF_INET) {
		struct sockaddr_in *sin = (struct sockaddr_in *)&out->ss;

		sin->sin_family = AF_INET;
		sin->sin_port = htons((unsigned short)port);
		return 0;
	}
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&out->ss;

	sin6->sin6_family = AF_INET6;
	sin6->sin6_port = htons((unsigned short)port);
	sin6->sin6_flowinfo = htonl((uint32_t)flowinfo);
	/* As in Python the given scope_id wins, even 0 over a "%scope". */
	sin6->sin6_scope_id = (uint32_t)scope_id;
	return 0;
}

int addr_unix(const void *path, size_t len, struct sk_addr *out)
{
	struct sockaddr_un *sun = (struct sockaddr_un *)&out->ss;
	const char *p = path;
	int abstract = len == 0 || p[0] == '\0' || p[0] == '@';

	/* An abstract name may fill sun_path; a file name needs room for
	 * its NUL (Python's "AF_UNIX path too long"). */
	if (abstract ? len > ADDR_PATH_MAX : len >= ADDR_PATH_MAX)
		return ENAMETOOLONG;
	memset(out, 0, sizeof(*out));
	sun->sun_family = AF_UNIX;
	if (len)
		memcpy(sun->sun_path, p, len);
	if (len && p[0] == '@')
		sun->sun_path[0] = '\0';
	/* An empty name has length offsetof alone: bind() then autobinds. */
	out->len = offsetof(struct sockaddr_un, sun_path) + len + !abstract;
	return 0;
}

static int decode_in(const struct sockaddr *sa, socklen_t len,
		     struct addr_parts *out)
{
	const struct sockaddr_in *sin = (const struct sockaddr_in *)sa;

	if (len < sizeof(*sin))
		return EINVAL;
	inet_ntop(AF_INET, &sin->sin_addr, out->host, sizeof(out->host));
	out->port = ntohs(sin->sin_port);
	return 0;
}

/* The host is plain inet_ntop text: since 3.7 Python leaves "%scope" out,
 * as scope_id already carries it. */
static int decode_in6(const struct sockaddr *sa, socklen_t len,
		      struct addr_parts *out)
{
	const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)sa;

	if (len < sizeof(*sin6))
		return EINVAL;
	inet_ntop(AF_INET6, &sin6->sin6_addr, out->host, sizeof(out->host));
	out->port = ntohs(sin6->sin6_port);
	out->flowinfo = ntohl(sin6->sin6_flowinfo);
	out->scope_id = sin6->sin6_scope_id;
	return 0;
}

/* An abstract name is every byte LEN covers; a file name ends at its NUL. */
static int decode_un(const struct sockaddr *sa, socklen_t len,
		     struct addr_parts *out)
{
	const struct sockaddr_un *sun = (const struct sockaddr_un *)sa;
	size_t off = offsetof(struct sockaddr_un, sun_path);
	size_t n;

	if (len <= off)
		return 0;
	/* The kernel may report one byte past sun_path for a full name. */
	n = len - off < ADDR_PATH_MAX ? len - off : ADDR_PATH_MAX;
	if (sun->sun_path[0] != '\0')
		n = strnlen(sun->sun_path, n);
	memcpy(out->path, sun->sun_path, n);
	out->path[n] = '\0';
	out->pathlen = n;
	return 0;
}

int addr_decode(const struct sockaddr *sa, socklen_t len,
		struct addr_parts *out)
{
	memset(out, 0, sizeof(*out));
	/* No address at all (Python's None), e.g. from recvfrom on a stream. */
	if (len < sizeof(sa_family_t)) {
		out->family = AF_UNSPEC;
		return EAFNOSUPPORT;
	}
	out->family = sa->sa_family;
	switch (sa->sa_family) {
	case AF_INET:
		return decode_in(sa, len, out);
	case AF_INET6:
		return decode_in6(sa, len, out);
	case AF_UNIX:
		return decode_un(sa, len, out);
	default:
		return EAFNOSUPPORT;
	}
}
