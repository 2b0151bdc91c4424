/* consts.c - the table of socket API constants and its lookups.
 *
 * The rows come from consts-gen.h, which gen-consts.sh builds from the
 * system headers at build time; it also includes those headers. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1 /* the generator scans the headers with it defined */
#endif

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "consts.h"
#include "consts-gen.h"

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* Aliases that win over every other name for their value: Python's choice
 * (socket.AddressFamily, socket.MsgFlag), or, where Python has no opinion,
 * the name strace prints. For errno the name of the call's man page and of
 * strace wins over Python's errno.errorcode (ENOTSUP, EDEADLOCK), so an
 * error line and the trace line above it say the same thing. */
static const char *const preferred[] = {
    "AF_UNIX",		/* over AF_LOCAL, AF_FILE */
    "AF_NETLINK",	/* over AF_ROUTE */
    "IPPROTO_IP",	/* over IPPROTO_HOPOPTS */
    "SO_DETACH_FILTER", /* over SO_DETACH_BPF */
    "TCP_INQ",		/* over TCP_CM_INQ */
    "IP_RETOPTS",	/* over IP_RECVRETOPTS */
    "IPV6_JOIN_GROUP",	/* over IPV6_ADD_MEMBERSHIP */
    "IPV6_LEAVE_GROUP", /* over IPV6_DROP_MEMBERSHIP */
    "EAGAIN",		/* over EWOULDBLOCK */
    "EDEADLK",		/* over EDEADLOCK */
    "EOPNOTSUPP",	/* over ENOTSUP */
    "MSG_DONTROUTE",	/* over MSG_TRYHARD */
};

/* Parts of names that mark a value of an option rather than an option
 * (IP_PMTUDISC_DO shares 2 with IP_TTL), or a limit. */
static const char *const demoted_parts[] = {
    "_PMTUDISC_", "_COOKIE_",  "_S_DATA_", "_FLAG_",
    "_RTHDR_",	  "_DEFAULT_", "_MAX_",
};

/* Python's ssl module's constants: in no header sockshell scans (the
 * TLSVersion values are TLS's wire numbers, CERT_* and PROTOCOL_* Python's
 * own), and there whether OpenSSL is or not. */
static const struct sk_const consts_ssl[] = {
    {"CERT_NONE", 0, CK_CERT},
    {"CERT_OPTIONAL", 1, CK_CERT},
    {"CERT_REQUIRED", 2, CK_CERT},
    {"MAXIMUM_SUPPORTED", -1, CK_TLSVER},
    {"MINIMUM_SUPPORTED", -2, CK_TLSVER},
    {"PROTOCOL_TLS", 2, CK_SSLPROTO},
    {"PROTOCOL_TLS_CLIENT", 16, CK_SSLPROTO},
    {"PROTOCOL_TLS_SERVER", 17, CK_SSLPROTO},
    {"SSLv3", 0x300, CK_TLSVER},
    {"TLSv1", 0x301, CK_TLSVER},
    {"TLSv1_1", 0x302, CK_TLSVER},
    {"TLSv1_2", 0x303, CK_TLSVER},
    {"TLSv1_3", 0x304, CK_TLSVER},
};

#define CONSTS_COUNT (CONSTS_GEN_COUNT + NELEM(consts_ssl))

size_t const_count(void)
{
	return CONSTS_COUNT;
}

/* Both tables merged in name order, built on first use. */
static const struct sk_const *by_name[CONSTS_COUNT];

static void merge_tables(void)
{
	size_t g = 0, x = 0;
	for (size_t i = 0; i < CONSTS_COUNT; i++) {
		bool gen = x == NELEM(consts_ssl) ||
		           (g < CONSTS_GEN_COUNT &&
		            strcmp(consts_gen[g].name, consts_ssl[x].name) < 0);
		by_name[i] = gen ? &consts_gen[g++] : &consts_ssl[x++];
	}
}

const struct sk_const *const_at(size_t i)
{
	if (!by_name[0])
		merge_tables();
	return i < CONSTS_COUNT ? by_name[i] : NULL;
}

/* Name lookups are on the interpreter's hot path (every word of every
 * statement is asked about): an open-addressing hash of the row indexes,
 * static and built on first use. */
#define NAME_SLOTS 2048 /* a power of two, over twice the rows */
_Static_assert((CONSTS_GEN_COUNT + 13) * 2 <= NAME_SLOTS, "NAME_SLOTS too small");
static short name_slot[NAME_SLOTS]; /* row + 1; 0 is empty */
static int name_slots_ready;

static size_t name_hash(const char *s)
{
	size_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void build_name_slots(void)
{
	for (size_t i = 0; i < CONSTS_COUNT; i++) {
		size_t k = name_hash(const_at(i)->name) & (NAME_SLOTS - 1);

		while (name_slot[k])
			k = (k + 1) & (NAME_SLOTS - 1);
		name_slot[k] = (short)(i + 1);
	}
	name_slots_ready = 1;
}

const struct sk_const *const_lookup(const char *name)
{
	if (!name)
		return NULL;
	if (!name_slots_ready)
		build_name_slots();
	for (size_t k = name_hash(name) & (NAME_SLOTS - 1); name_slot[k];
	     k = (k + 1) & (NAME_SLOTS - 1)) {
		const struct sk_const *c = const_at((size_t)name_slot[k] - 1);

		if (!strcmp(c->name, name))
			return c;
	}
	return NULL;
}

static int in_list(const char *name, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(name, list[i]) == 0)
			return 1;
	return 0;
}

static int is_demoted(const char *name)
{
	size_t len = strlen(name);

	if (strncmp(name, "PF_", 3) == 0)
		return 1;
	if (len > 4 && strcmp(name + len - 4, "_OLD") == 0)
		return 1;
	for (size_t i = 0; i < NELEM(demoted_parts); i++)
		if (strstr(name, demoted_parts[i]))
			return 1;
	return 0;
}

/* Lower is better: preferred aliases, then plain names, then demoted ones. */
static int rank(const struct sk_const *c)
{
	if (in_list(c->name, preferred, NELEM(preferred)))
		return 0;
	return is_demoted(c->name) ? 2 : 1;
}

static int cmp_by_value(const void *a, const void *b)
{
	const struct sk_const *x = *(const struct sk_const *const *)a;
	const struct sk_const *y = *(const struct sk_const *const *)b;

	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (x->value != y->value)
		return x->value < y->value ? -1 : 1;
	if (rank(x) != rank(y))
		return rank(x) < rank(y) ? -1 : 1;
	/* Same rank: the table order, which is name order. */
	return x < y ? -1 : x > y;
}

/* The rows ordered by (kind, value, preference), built on first use so that
 * a value lookup is a binary search. */
static const struct sk_const *by_value[CONSTS_COUNT];
static int by_value_ready;

static void build_by_value(void)
{
	for (size_t i = 0; i < CONSTS_COUNT; i++)
		by_value[i] = const_at(i);
	qsort(by_value, CONSTS_COUNT, sizeof(by_value[0]), cmp_by_value);
	by_value_ready = 1;
}

const struct sk_const *const_by_value(enum const_kind kind, long value)
{
	size_t lo = 0, hi = CONSTS_COUNT;

	if (!by_value_ready)
		build_by_value();
	/* Lower bound of (kind, value): the first row is the preferred one. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct sk_const *c = by_value[mid];

		if (c->kind < kind || (c->kind == kind && c->value < value))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < CONSTS_COUNT && by_value[lo]->kind == kind &&
	    by_value[lo]->value == value)
		return by_value[lo];
	return NULL;
}

/* Marks a text for po/sockshell.pot; the shell translates it when it
 * prints it. */
#define N_(text) text

const char *const_kind_name(enum const_kind kind)
{
	static const char *const names[CK__COUNT] = {
	    [CK_AF] = N_("address family"),     [CK_SOCK] = N_("socket type"),
	    [CK_IPPROTO] = N_("protocol"),      [CK_SOL] = N_("option level"),
	    [CK_SO] = N_("socket option"),      [CK_TCP] = N_("TCP option"),
	    [CK_UDP] = N_("UDP option"),        [CK_IP] = N_("IP option"),
	    [CK_IPV6] = N_("IPv6 option"),      [CK_MSG] = N_("message flag"),
	    [CK_SHUT] = N_("shutdown mode"),    [CK_AI] = N_("getaddrinfo flag"),
	    [CK_NI] = N_("getnameinfo flag"),   [CK_EAI] = N_("resolver error"),
	    [CK_SCM] = N_("control message type"), [CK_ERRNO] = "errno",
	    [CK_POLL] = N_("poll event"),       [CK_EPOLL] = N_("epoll event"),
	    [CK_OTHER] = N_("constant"),
	    [CK_SSLPROTO] = N_("ssl protocol"), [CK_CERT] = N_("verify mode"),
	    [CK_TLSVER] = N_("TLS version"),
	};

	if ((unsigned)kind >= CK__COUNT)
		return N_("constant");
	return names[kind];
}
