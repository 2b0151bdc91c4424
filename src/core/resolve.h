/* resolve.h - name look-ups the socket module does on top of the resolver:
 * getnameinfo of a sockaddr tuple and getfqdn, each as Python does it.
 * Never prints. */
#ifndef SOCKSHELL_RESOLVE_H
#define SOCKSHELL_RESOLVE_H

#include <stddef.h>

/* Python's own errors of getnameinfo, apart from the resolver's codes. */
#define RES_EFLOWINFO 1   /* OverflowError: flowinfo must be 0-1048575. */
#define RES_EIPV4TUPLE 2  /* OSError: IPv4 sockaddr must be 2 tuple */

/* A sockaddr tuple as Python's getnameinfo reads it: (host, port
 * [, flowinfo [, scope_id]]); NPARTS says how many parts it had. */
struct ni_query {
	const char *host;
	int port;
	unsigned flowinfo, scope_id;
	int nparts;
};

/* socket.getnameinfo: resolve Q->host numerically, put flowinfo and
 * scope_id into an IPv6 address (so a "%scope" in the host gives way to
 * them), and ask getnameinfo(3) with FLAGS. Returns 0 with HOST and SERV
 * filled, a resolver code (< 0, EAI_*; EAI_SYSTEM with errno EPERM while
 * the core refuses system calls) or a RES_E* code. */
int res_getnameinfo(const struct ni_query *q, int flags, char *host,
                    size_t hostlen, char *serv, size_t servlen);

/* socket.getfqdn(NAME) into OUT: NAME stripped of blanks, the host name
 * for "", "0.0.0.0" and "::", then the name getnameinfo(3) gives for its
 * first address, else its canonical name, else itself (Python asks
 * gethostbyaddr and takes the first alias with a dot). Returns 0 or an errno
 * (of gethostname, or EPERM while system calls are refused). */
int res_getfqdn(const char *name, char *out, size_t outlen);

#endif
