/* resolve.c - getnameinfo and getfqdn as Python's socket module does them. */
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

#include "sock.h"

/* Python refuses a flowinfo past 20 bits before it resolves anything. */
#define FLOWINFO_LIMIT 0xfffffu

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
	if (sk_forbidden()) {
		errno = EPERM;
		return EAI_SYSTEM;
	}
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
