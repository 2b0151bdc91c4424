/* resolve.c - the resolver, service, protocol and interface look-ups of
 * Python's socket module, each refused while the core refuses system calls. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include "resolve.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "forbid.h"

/* Python refuses a flowinfo past 20 bits before it resolves anything. */
#define FLOWINFO_LIMIT 0xfffffu

/* True, with errno EPERM, while the core refuses system calls: then a
 * resolver call returns EAI_SYSTEM. */
static bool refused(void)
{
	if (!sk_forbidden())
		return false;
	errno = EPERM;
	return true;
}

static int name_info(struct addrinfo *ai, const struct ni_query *q, int flags,
                     char *host, size_t hostlen, char *serv, size_t servlen)
{
	if (ai->ai_family == AF_INET && q->nparts != 2)
		return RES_EIPV4TUPLE;
	if (ai->ai_family == AF_INET6) {
		struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ai->ai_addr;
		sin6->sin6_flowinfo = htonl(q->flowinfo);
		sin6->sin6_scope_id = q->scope_id;
	}
	return getnameinfo(ai->ai_addr, ai->ai_addrlen, host, (socklen_t)hostlen,
	                   serv, (socklen_t)servlen, flags);
}

int res_getnameinfo(const struct ni_query *q, int flags, char *host,
                    size_t hostlen, char *serv, size_t servlen)
{
	if (refused())
		return EAI_SYSTEM;
	if (q->flowinfo > FLOWINFO_LIMIT)
		return RES_EFLOWINFO;
	/* Python resolves the host numerically first, then asks. */
	struct addrinfo hints = {.ai_flags = AI_NUMERICHOST, .ai_socktype = SOCK_DGRAM};
	struct addrinfo *res;
	char port[16];
	snprintf(port, sizeof port, "%d", q->port);
	int e = getaddrinfo(q->host, port, &hints, &res);
	if (e)
		return e;
	e = name_info(res, q, flags, host, hostlen, serv, servlen);
	freeaddrinfo(res);
	return e;
}

/* NAME without the blanks str.strip() takes off, into BUF. */
static const char *stripped(const char *name, char *buf, size_t len)
{
	while (isspace((unsigned char)*name))
		name++;
	size_t n = strlen(name);
	while (n && isspace((unsigned char)name[n - 1]))
		n--;
	snprintf(buf, len, "%.*s", (int)n, name);
	return buf;
}

int res_getfqdn(const char *name, char *out, size_t outlen)
{
	if (sk_forbidden())
		return EPERM;
	char buf[NI_MAXHOST];
	name = stripped(name, buf, sizeof buf);
	if (!*name || !strcmp(name, "0.0.0.0") || !strcmp(name, "::")) {
		if (gethostname(buf, sizeof buf))
			return errno;
		buf[sizeof buf - 1] = '\0';
	}
	snprintf(out, outlen, "%s", buf);
	struct addrinfo hints = {.ai_flags = AI_CANONNAME}, *res;
	if (getaddrinfo(buf, NULL, &hints, &res))
		return 0;
	char host[NI_MAXHOST];
	if (!getnameinfo(res->ai_addr, res->ai_addrlen, host, sizeof host, NULL,
	                 0, NI_NAMEREQD))
		snprintf(out, outlen, "%s", host);
	else if (res->ai_canonname)
		snprintf(out, outlen, "%s", res->ai_canonname);
	freeaddrinfo(res);
	return 0;
}

int res_getaddrinfo(const char *host, const char *serv,
                    const struct addrinfo *hints, struct addrinfo **res)
{
	if (refused())
		return EAI_SYSTEM;
	return getaddrinfo(host, serv, hints, res);
}

void res_freeaddrinfo(struct addrinfo *res)
{
	freeaddrinfo(res);
}

int res_gethostname(char *buf, size_t len)
{
	if (sk_forbidden())
		return EPERM;
	if (gethostname(buf, len))
		return errno;
	buf[len - 1] = '\0';
	return 0;
}

int res_gethostbyname(const char *name, char *out, size_t outlen)
{
	struct addrinfo hints = {.ai_family = AF_INET}, *res;
	int e = res_getaddrinfo(name, NULL, &hints, &res);
	if (e)
		return e;
	inet_ntop(AF_INET, &((struct sockaddr_in *)res->ai_addr)->sin_addr, out,
	          (socklen_t)outlen);
	freeaddrinfo(res);
	return 0;
}

/* The hostent call's answer: 0, or RES_EHOST with *HERR. */
static int host_answer(int r, const struct hostent *res, int *herr)
{
	if (!r && res)
		return 0;
	*herr = *herr ? *herr : HOST_NOT_FOUND;
	return RES_EHOST;
}

int res_gethostbyname_ex(const char *name, struct res_host *h, int *herr)
{
	/* Python resolves the name first: an unknown one is a gaierror. */
	struct addrinfo hints = {.ai_family = AF_INET}, *ai;
	int e = res_getaddrinfo(name, NULL, &hints, &ai);
	if (e)
		return e;
	freeaddrinfo(ai);
	struct hostent *res = NULL;
	*herr = 0;
	int r = gethostbyname_r(name, &h->he, h->buf, sizeof h->buf, &res, herr);
	return host_answer(r, res, herr);
}

/* IP as an address of *FAMILY in A: numeric, or a name resolved first, as
 * Python does. Returns 0 or a resolver code. */
static int host_address(const char *ip, int *family, unsigned char a[16])
{
	*family = strchr(ip, ':') ? AF_INET6 : AF_INET;
	if (inet_pton(*family, ip, a) == 1)
		return 0;
	struct addrinfo *res;
	int e = res_getaddrinfo(ip, NULL, NULL, &res);
	if (e)
		return e;
	*family = res->ai_family;
	if (*family == AF_INET)
		memcpy(a, &((struct sockaddr_in *)res->ai_addr)->sin_addr, 4);
	else
		memcpy(a, &((struct sockaddr_in6 *)res->ai_addr)->sin6_addr, 16);
	freeaddrinfo(res);
	return 0;
}

int res_gethostbyaddr(const char *ip, struct res_host *h, int *herr)
{
	unsigned char a[16];
	int family;
	if (refused())
		return EAI_SYSTEM;
	int e = host_address(ip, &family, a);
	if (e)
		return e;
	struct hostent *res = NULL;
	*herr = 0;
	int r = gethostbyaddr_r(a, family == AF_INET ? 4 : 16, family, &h->he,
	                        h->buf, sizeof h->buf, &res, herr);
	return host_answer(r, res, herr);
}

int res_getprotobyname(const char *name, int *proto)
{
	if (sk_forbidden())
		return EPERM;
	struct protoent pe, *res = NULL;
	char buf[1024];
	if (getprotobyname_r(name, &pe, buf, sizeof buf, &res) || !res)
		return ENOENT;
	*proto = res->p_proto;
	return 0;
}

int res_getservbyname(const char *name, const char *proto, int *port)
{
	if (sk_forbidden())
		return EPERM;
	struct servent se, *res = NULL;
	char buf[1024];
	if (getservbyname_r(name, proto, &se, buf, sizeof buf, &res) || !res)
		return ENOENT;
	*port = ntohs((uint16_t)res->s_port);
	return 0;
}

int res_getservbyport(int port, const char *proto, char *name, size_t len)
{
	if (sk_forbidden())
		return EPERM;
	struct servent se, *res = NULL;
	char buf[1024];
	if (getservbyport_r(htons((uint16_t)port), proto, &se, buf, sizeof buf,
	                    &res) || !res)
		return ENOENT;
	snprintf(name, len, "%s", res->s_name);
	return 0;
}

int res_if_nameindex(struct if_nameindex **out)
{
	if (sk_forbidden())
		return EPERM;
	*out = if_nameindex();
	return *out ? 0 : errno;
}

void res_if_freenameindex(struct if_nameindex *ifs)
{
	if_freenameindex(ifs);
}

int res_if_nametoindex(const char *name, unsigned *index)
{
	if (sk_forbidden())
		return EPERM;
	*index = if_nametoindex(name);
	return *index ? 0 : ENODEV;
}

int res_if_indextoname(unsigned index, char name[IF_NAMESIZE])
{
	if (sk_forbidden())
		return EPERM;
	return if_indextoname(index, name) ? 0 : errno;
}
