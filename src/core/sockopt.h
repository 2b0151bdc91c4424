/* sockopt.h - the table of socket options and their typed codecs:
 * raw getsockopt bytes <-> a neutral typed value. Never prints. */
#ifndef SOCKSHELL_SOCKOPT_H
#define SOCKSHELL_SOCKOPT_H

#include <stddef.h>
#include <sys/socket.h>

enum opt_type {
	OT_INT,      /* int */
	OT_BOOL,     /* int used as a flag: prints 0/1 like Python */
	OT_LINGER,   /* struct linger as (onoff, seconds) */
	OT_TIMEVAL,  /* struct timeval as float seconds */
	OT_SOCKTYPE, /* int printed as a SOCK_* name (SO_TYPE) */
	OT_FAMILY,   /* int printed as an AF_* name (SO_DOMAIN) */
	OT_PROTOCOL, /* int printed as an IPPROTO_* name (SO_PROTOCOL) */
	OT_ERRNO,    /* int printed as an errno name, 0 for success (SO_ERROR) */
	OT_STRING,   /* NUL-terminated text (SO_BINDTODEVICE, TCP_CONGESTION) */
	OT_INADDR,   /* struct in_addr as a dotted string (IP_MULTICAST_IF) */
	OT_IPMREQ,   /* struct ip_mreqn (group, interface) - set only */
	OT_IPV6MREQ, /* struct ipv6_mreq (group, ifindex) - set only */
	OT_UCRED,    /* struct ucred as fields pid, uid, gid (SO_PEERCRED) */
	OT_STRUCT,   /* a struct decoded field by field (TCP_INFO) */
	OT_BYTES     /* opaque bytes */
};

struct sockopt_desc {
	const char *name; /* "SO_REUSEADDR" */
	int level;        /* SOL_SOCKET */
	int optname;      /* SO_REUSEADDR */
	enum opt_type type;
	int readable, writable;
	const char *help; /* one line: what it does */
};

/* A neutral typed option value. */
#define OPTVAL_MAXFIELDS 64
struct optval {
	enum opt_type type;
	long i;                  /* INT BOOL SOCKTYPE FAMILY PROTOCOL ERRNO */
	long pair[2];            /* LINGER: onoff, seconds */
	double f;                /* TIMEVAL */
	char s[256];             /* STRING INADDR; IPMREQ/IPV6MREQ group */
	char s2[256];            /* IPMREQ interface address */
	long ifindex;            /* IPV6MREQ, IPMREQ */
	struct {
		const char *key;
		long long val;
	} fields[OPTVAL_MAXFIELDS];
	int nfields;             /* UCRED STRUCT */
	unsigned char raw[512];  /* BYTES */
	size_t rawlen;
};

/* The table, in a stable order; desc for one option or NULL. */
size_t sockopt_count(void);
const struct sockopt_desc *sockopt_at(size_t i);
const struct sockopt_desc *sockopt_find(int level, int optname);
const struct sockopt_desc *sockopt_by_name(const char *name);

/* The buffer size getsockopt needs for D. */
size_t sockopt_size(const struct sockopt_desc *d);

/* Decode LEN raw bytes read for D into OUT. Returns 0 or EINVAL. */
int sockopt_decode(const struct sockopt_desc *d, const void *buf, size_t len,
                   struct optval *out);

/* Encode IN for D into BUF (CAP bytes), setting *LEN. Returns 0 or EINVAL
 * (for a value of the wrong type or an unparsable address). */
int sockopt_encode(const struct sockopt_desc *d, const struct optval *in,
                   void *buf, size_t cap, socklen_t *len);

#endif
