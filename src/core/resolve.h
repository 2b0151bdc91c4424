/* resolve.h - every resolver, service, protocol and interface look-up the
 * socket module makes, each as Python does it. While the core refuses
 * system calls (sk_set_forbidden) each returns EPERM (EAI_SYSTEM with errno
 * EPERM where a resolver code is returned) without asking: they read files
 * and may reach the network. Never prints. */
#ifndef SOCKSHELL_RESOLVE_H
#define SOCKSHELL_RESOLVE_H

#include <netdb.h>
#include <net/if.h>
#include <stddef.h>

/* Python's own errors of getnameinfo, apart from the resolver's codes. */
#define RES_EFLOWINFO 1   /* OverflowError: flowinfo must be 0-1048575. */
#define RES_EIPV4TUPLE 2  /* OSError: IPv4 sockaddr must be 2 tuple */
#define RES_EHOST 3       /* herror: *HERR says which (Unknown host) */

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

/* getaddrinfo(3): 0 or a resolver code. */
int res_getaddrinfo(const char *host, const char *serv,
                    const struct addrinfo *hints, struct addrinfo **res);
void res_freeaddrinfo(struct addrinfo *res);

/* gethostname(2) into BUF (always terminated): 0 or an errno. */
int res_gethostname(char *buf, size_t len);

/* socket.gethostbyname: the first IPv4 address of NAME as text in OUT.
 * Returns 0 or a resolver code. */
int res_gethostbyname(const char *name, char *out, size_t outlen);

/* A hostent and the room its strings live in. */
struct res_host {
	struct hostent he;
	char buf[8192];
};

/* socket.gethostbyname_ex and gethostbyaddr into *H: the name (or address,
 * resolved first as Python does) must resolve, then the hostent is asked.
 * Returns 0, a resolver code, or RES_EHOST with *HERR set. */
int res_gethostbyname_ex(const char *name, struct res_host *h, int *herr);
int res_gethostbyaddr(const char *ip, struct res_host *h, int *herr);

/* /etc/protocols and /etc/services: 0, ENOENT when not found, or EPERM.
 * Ports are in host byte order. */
int res_getprotobyname(const char *name, int *proto);
int res_getservbyname(const char *name, const char *proto, int *port);
int res_getservbyport(int port, const char *proto, char *name, size_t len);

/* The interfaces: 0 or an errno (if_nametoindex's "no such interface" is
 * ENODEV). Free *OUT of res_if_nameindex with res_if_freenameindex. */
int res_if_nameindex(struct if_nameindex **out);
void res_if_freenameindex(struct if_nameindex *ifs);
int res_if_nametoindex(const char *name, unsigned *index);
int res_if_indextoname(unsigned index, char name[IF_NAMESIZE]);

#endif
