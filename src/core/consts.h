/* consts.h - the symbolic constants of the socket API, generated from the
 * system headers at build time (see gen-consts.sh). Never prints. */
#ifndef SOCKSHELL_CONSTS_H
#define SOCKSHELL_CONSTS_H

#include <stddef.h>

/* The group a constant belongs to: decides how a value prints (families,
 * socket types and errno values print by name) and what completion offers. */
enum const_kind {
	CK_AF,      /* AF_* (and PF_*) address families */
	CK_SOCK,    /* SOCK_* types and the SOCK_NONBLOCK/SOCK_CLOEXEC flags */
	CK_IPPROTO, /* IPPROTO_* */
	CK_SOL,     /* SOL_* levels */
	CK_SO,      /* SO_* options at SOL_SOCKET */
	CK_TCP,     /* TCP_* options at IPPROTO_TCP */
	CK_UDP,     /* UDP_* options at IPPROTO_UDP */
	CK_IP,      /* IP_* options at IPPROTO_IP */
	CK_IPV6,    /* IPV6_* options at IPPROTO_IPV6 */
	CK_MSG,     /* MSG_* flags */
	CK_SHUT,    /* SHUT_* */
	CK_AI,      /* AI_* getaddrinfo flags */
	CK_NI,      /* NI_* getnameinfo flags */
	CK_EAI,     /* EAI_* resolver errors (negative) */
	CK_SCM,     /* SCM_* ancillary message types */
	CK_POLL,    /* POLL* poll(2) events */
	CK_EPOLL,   /* EPOLL* epoll events (EPOLL_CTL_*, EPOLL_CLOEXEC: other) */
	CK_ERRNO,   /* E* errno names */
	CK_OTHER,   /* INADDR_*, SOMAXCONN, EPOLL_CTL_*, ... */
	CK_SSLPROTO, /* ssl.PROTOCOL_* */
	CK_CERT,    /* ssl.CERT_* (verify_mode) */
	CK_TLSVER,  /* ssl.TLSVersion members: print as TLSVersion.TLSv1_3 */
	CK__COUNT
};

struct sk_const {
	const char *name;
	long value;
	enum const_kind kind;
};

/* Exact lookup by name ("AF_INET"); NULL when unknown. */
const struct sk_const *const_lookup(const char *name);

/* The preferred name for VALUE within KIND (AF_UNIX over AF_LOCAL, EAGAIN
 * over EWOULDBLOCK, AF_ over PF_); NULL when none. */
const struct sk_const *const_by_value(enum const_kind kind, long value);

/* All constants, in a stable order (sorted by name). */
size_t const_count(void);
const struct sk_const *const_at(size_t i);

/* "AF_INET" -> "address family" etc., for help and tables. */
const char *const_kind_name(enum const_kind kind);

#endif
