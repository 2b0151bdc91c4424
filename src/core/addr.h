/* addr.h - socket address codecs: build a sockaddr from Python-style parts
 * and take one apart again. Never prints. */
#ifndef SOCKSHELL_ADDR_H
#define SOCKSHELL_ADDR_H

#include <stddef.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <netinet/in.h>
#include <net/if.h>

struct sk_addr {
	struct sockaddr_storage ss;
	socklen_t len;
};

#define ADDR_PATH_MAX sizeof(((struct sockaddr_un *)0)->sun_path)

/* A decoded address, the parts Python returns from getsockname() & co. */
struct addr_parts {
	int family;
	/* Numeric, without "%scope" as Python 3.7+ prints it; the size leaves
	 * room for one anyway. */
	char host[INET6_ADDRSTRLEN + IF_NAMESIZE + 2];
	int port;
	unsigned flowinfo, scope_id;
	unsigned char path[ADDR_PATH_MAX + 1]; /* AF_UNIX; abstract starts '\0' */
	size_t pathlen;
};

/* Fill OUT for AF_INET/AF_INET6 from HOST as Python resolves it: "" is the
 * any-address, "<broadcast>" INADDR_BROADCAST, numeric forms directly, other
 * names through getaddrinfo. Returns 0; on failure returns an errno
 * (EOVERFLOW for a port outside 0-65535, a flowinfo outside 0-1048575 or a
 * scope_id past 32 bits; EAFNOSUPPORT for another family or "<broadcast>"
 * with AF_INET6) or, with *IS_GAI set, a getaddrinfo code. */
int addr_inet(int family, const char *host, long port, unsigned long flowinfo,
              unsigned long scope_id, struct sk_addr *out, int *is_gai);

/* Fill OUT for AF_UNIX from LEN path bytes; a leading '@' or '\0' names
 * the abstract namespace. Returns 0 or ENAMETOOLONG. */
int addr_unix(const void *path, size_t len, struct sk_addr *out);

/* Take SA apart into OUT. Returns 0, EINVAL for an AF_INET/AF_INET6 address
 * shorter than its struct, or EAFNOSUPPORT for another family (OUT->family
 * set); a LEN of 0, no address (Python's None), gives AF_UNSPEC. */
int addr_decode(const struct sockaddr *sa, socklen_t len, struct addr_parts *out);

#endif
