/* check_sockopt.c - the socket option table and its codecs, down to the
 * bytes, and the table checked against the running kernel. */
#include "suites.h"
#include "sockopt.h"

#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

static const struct sockopt_desc *named(const char *name)
{
	const struct sockopt_desc *d = sockopt_by_name(name);

	ck_assert_msg(d != NULL, "%s not in the table", name);
	return d;
}

static void assert_row(const char *name, int level, int optname,
		       enum opt_type type, int readable, int writable)
{
	const struct sockopt_desc *d = named(name);

	ck_assert_str_eq(d->name, name);
	ck_assert_int_eq(d->level, level);
	ck_assert_int_eq(d->optname, optname);
	ck_assert_int_eq(d->type, type);
	ck_assert_int_eq(d->readable, readable);
	ck_assert_int_eq(d->writable, writable);
	ck_assert_msg(d->help && d->help[0], "%s has no help", name);
}

START_TEST(test_by_name)
{
	assert_row("SO_REUSEADDR", SOL_SOCKET, SO_REUSEADDR, OT_BOOL, 1, 1);
	assert_row("SO_KEEPALIVE", SOL_SOCKET, SO_KEEPALIVE, OT_BOOL, 1, 1);
	assert_row("SO_RCVBUF", SOL_SOCKET, SO_RCVBUF, OT_INT, 1, 1);
	assert_row("SO_LINGER", SOL_SOCKET, SO_LINGER, OT_LINGER, 1, 1);
	assert_row("SO_RCVTIMEO", SOL_SOCKET, SO_RCVTIMEO, OT_TIMEVAL, 1, 1);
	assert_row("SO_SNDTIMEO", SOL_SOCKET, SO_SNDTIMEO, OT_TIMEVAL, 1, 1);
	assert_row("SO_TYPE", SOL_SOCKET, SO_TYPE, OT_SOCKTYPE, 1, 0);
	assert_row("SO_DOMAIN", SOL_SOCKET, SO_DOMAIN, OT_FAMILY, 1, 0);
	assert_row("SO_PROTOCOL", SOL_SOCKET, SO_PROTOCOL, OT_PROTOCOL, 1, 0);
	assert_row("SO_ERROR", SOL_SOCKET, SO_ERROR, OT_ERRNO, 1, 0);
	assert_row("SO_ACCEPTCONN", SOL_SOCKET, SO_ACCEPTCONN, OT_BOOL, 1, 0);
	assert_row("SO_PEERCRED", SOL_SOCKET, SO_PEERCRED, OT_UCRED, 1, 0);
	assert_row("SO_BINDTODEVICE", SOL_SOCKET, SO_BINDTODEVICE, OT_STRING, 1,
		   1);
	assert_row("IP_TTL", IPPROTO_IP, IP_TTL, OT_INT, 1, 1);
	assert_row("IP_MULTICAST_TTL", IPPROTO_IP, IP_MULTICAST_TTL, OT_INT, 1,
		   1);
	assert_row("IP_MULTICAST_LOOP", IPPROTO_IP, IP_MULTICAST_LOOP, OT_BOOL,
		   1, 1);
	assert_row("IP_MULTICAST_IF", IPPROTO_IP, IP_MULTICAST_IF, OT_INADDR, 1,
		   1);
	assert_row("IP_ADD_MEMBERSHIP", IPPROTO_IP, IP_ADD_MEMBERSHIP,
		   OT_IPMREQ, 0, 1);
	assert_row("IP_DROP_MEMBERSHIP", IPPROTO_IP, IP_DROP_MEMBERSHIP,
		   OT_IPMREQ, 0, 1);
	assert_row("IPV6_V6ONLY", IPPROTO_IPV6, IPV6_V6ONLY, OT_BOOL, 1, 1);
	assert_row("IPV6_UNICAST_HOPS", IPPROTO_IPV6, IPV6_UNICAST_HOPS, OT_INT,
		   1, 1);
	assert_row("IPV6_JOIN_GROUP", IPPROTO_IPV6, IPV6_JOIN_GROUP,
		   OT_IPV6MREQ, 0, 1);
	assert_row("IPV6_LEAVE_GROUP", IPPROTO_IPV6, IPV6_LEAVE_GROUP,
		   OT_IPV6MREQ, 0, 1);
	assert_row("TCP_NODELAY", IPPROTO_TCP, TCP_NODELAY, OT_BOOL, 1, 1);
	assert_row("TCP_MAXSEG", IPPROTO_TCP, TCP_MAXSEG, OT_INT, 1, 1);
	assert_row("TCP_KEEPIDLE", IPPROTO_TCP, TCP_KEEPIDLE, OT_INT, 1, 1);
	assert_row("TCP_CONGESTION", IPPROTO_TCP, TCP_CONGESTION, OT_STRING, 1,
		   1);
	assert_row("TCP_INFO", IPPROTO_TCP, TCP_INFO, OT_STRUCT, 1, 0);
	assert_row("UDP_CORK", IPPROTO_UDP, UDP_CORK, OT_BOOL, 1, 1);
}
END_TEST

START_TEST(test_by_name_aliases_and_misses)
{
	ck_assert_ptr_eq(sockopt_by_name("IPV6_ADD_MEMBERSHIP"),
			 named("IPV6_JOIN_GROUP"));
	ck_assert_ptr_eq(sockopt_by_name("IPV6_DROP_MEMBERSHIP"),
			 named("IPV6_LEAVE_GROUP"));
	ck_assert_ptr_eq(sockopt_by_name("TCP_CM_INQ"), named("TCP_INQ"));
	ck_assert_ptr_null(sockopt_by_name("SO_REUSEADR"));
	ck_assert_ptr_null(sockopt_by_name("so_reuseaddr"));
	ck_assert_ptr_null(sockopt_by_name(""));
	ck_assert_ptr_null(sockopt_by_name(NULL));
}
END_TEST

START_TEST(test_find)
{
	/* Same number, different levels. */
	ck_assert_str_eq(sockopt_find(SOL_SOCKET, SO_DEBUG)->name, "SO_DEBUG");
	ck_assert_str_eq(sockopt_find(IPPROTO_TCP, TCP_NODELAY)->name,
			 "TCP_NODELAY");
	ck_assert_str_eq(sockopt_find(IPPROTO_IP, IP_TOS)->name, "IP_TOS");
	ck_assert_str_eq(sockopt_find(IPPROTO_UDP, UDP_CORK)->name, "UDP_CORK");
	ck_assert_str_eq(sockopt_find(IPPROTO_IPV6, IPV6_JOIN_GROUP)->name,
			 "IPV6_JOIN_GROUP");
	ck_assert_ptr_null(sockopt_find(SOL_SOCKET, 9999));
	ck_assert_ptr_null(sockopt_find(12345, SO_DEBUG));
}
END_TEST

static int level_rank(int level)
{
	switch (level) {
	case SOL_SOCKET:
		return 0;
	case IPPROTO_IP:
		return 1;
	case IPPROTO_IPV6:
		return 2;
	case IPPROTO_TCP:
		return 3;
	case IPPROTO_UDP:
		return 4;
	default:
		return -1;
	}
}

/* Grouped by level, sorted by name, one row per option, found by both
 * lookups. */
START_TEST(test_table_order)
{
	size_t i, n = sockopt_count();
	const struct sockopt_desc *d, *prev = NULL;

	ck_assert_uint_gt(n, 150);
	ck_assert_ptr_null(sockopt_at(n));
	for (i = 0; i < n; i++, prev = d) {
		d = sockopt_at(i);
		ck_assert_ptr_nonnull(d);
		ck_assert_msg(level_rank(d->level) >= 0, "%s", d->name);
		ck_assert_msg(d->readable || d->writable, "%s", d->name);
		ck_assert_msg(d->help && d->help[0], "%s", d->name);
		ck_assert_ptr_eq(sockopt_by_name(d->name), d);
		ck_assert_ptr_eq(sockopt_find(d->level, d->optname), d);
		if (!prev)
			continue;
		ck_assert_msg(level_rank(prev->level) < level_rank(d->level) ||
				  (prev->level == d->level &&
				   strcmp(prev->name, d->name) < 0),
			      "%s after %s", d->name, prev->name);
	}
}
END_TEST

START_TEST(test_sizes)
{
	ck_assert_uint_eq(sockopt_size(named("SO_REUSEADDR")), sizeof(int));
	ck_assert_uint_eq(sockopt_size(named("SO_RCVBUF")), sizeof(int));
	ck_assert_uint_eq(sockopt_size(named("SO_TYPE")), sizeof(int));
	ck_assert_uint_eq(sockopt_size(named("SO_ERROR")), sizeof(int));
	ck_assert_uint_eq(sockopt_size(named("SO_LINGER")),
			  sizeof(struct linger));
	ck_assert_uint_eq(sockopt_size(named("SO_RCVTIMEO")),
			  sizeof(struct timeval));
	ck_assert_uint_eq(sockopt_size(named("SO_PEERCRED")),
			  sizeof(struct ucred));
	ck_assert_uint_eq(sockopt_size(named("SO_BINDTODEVICE")), IFNAMSIZ);
	ck_assert_uint_eq(sockopt_size(named("SO_COOKIE")), 8);
	ck_assert_uint_eq(sockopt_size(named("TCP_CONGESTION")), 16);
	ck_assert_uint_eq(sockopt_size(named("TCP_INFO")),
			  sizeof(struct tcp_info));
	ck_assert_uint_eq(sockopt_size(named("IP_MULTICAST_IF")),
			  sizeof(struct in_addr));
	ck_assert_uint_eq(sockopt_size(named("IP_ADD_MEMBERSHIP")),
			  sizeof(struct ip_mreqn));
	ck_assert_uint_eq(sockopt_size(named("IPV6_JOIN_GROUP")),
			  sizeof(struct ipv6_mreq));
	ck_assert_uint_eq(sockopt_size(NULL), 0);
}
END_TEST

/* A copy of a row gets the size of the row; an unknown int option an int. */
START_TEST(test_size_of_copies)
{
	struct sockopt_desc copy = *named("TCP_CONGESTION");
	struct sockopt_desc other = {"X", SOL_SOCKET, 9999, OT_INT, 1, 1, ""};

	ck_assert_uint_eq(sockopt_size(&copy), 16);
	ck_assert_uint_eq(sockopt_size(&other), sizeof(int));
}
END_TEST

START_TEST(test_decode_int_bool)
{
	struct optval v;
	int one = 1, big = 212992, neg = -1;
	unsigned char byte = 200;
	uint64_t cookie = 0x123456789aULL;

	ck_assert_int_eq(
	    sockopt_decode(named("SO_REUSEADDR"), &one, sizeof(one), &v), 0);
	ck_assert_int_eq(v.type, OT_BOOL);
	ck_assert_int_eq(v.i, 1);
	ck_assert_int_eq(
	    sockopt_decode(named("SO_RCVBUF"), &big, sizeof(big), &v), 0);
	ck_assert_int_eq(v.type, OT_INT);
	ck_assert_int_eq(v.i, 212992);
	ck_assert_int_eq(
	    sockopt_decode(named("IPV6_UNICAST_HOPS"), &neg, sizeof(neg), &v),
	    0);
	ck_assert_int_eq(v.i, -1);
	/* One byte is an unsigned char, as some IP options answer. */
	ck_assert_int_eq(
	    sockopt_decode(named("IP_MULTICAST_TTL"), &byte, 1, &v), 0);
	ck_assert_int_eq(v.i, 200);
	ck_assert_int_eq(
	    sockopt_decode(named("SO_COOKIE"), &cookie, sizeof(cookie), &v), 0);
	ck_assert_int_eq(v.i, 0x123456789aL);
}
END_TEST

START_TEST(test_decode_named_ints)
{
	struct optval v;
	int x = SOCK_DGRAM;

	ck_assert_int_eq(sockopt_decode(named("SO_TYPE"), &x, sizeof(x), &v),
			 0);
	ck_assert_int_eq(v.type, OT_SOCKTYPE);
	ck_assert_int_eq(v.i, SOCK_DGRAM);
	x = ECONNREFUSED;
	ck_assert_int_eq(sockopt_decode(named("SO_ERROR"), &x, sizeof(x), &v),
			 0);
	ck_assert_int_eq(v.type, OT_ERRNO);
	ck_assert_int_eq(v.i, ECONNREFUSED);
}
END_TEST

START_TEST(test_decode_linger_timeval)
{
	struct optval v;
	struct linger l = {1, 5};
	struct timeval tv = {1, 500000};

	ck_assert_int_eq(sockopt_decode(named("SO_LINGER"), &l, sizeof(l), &v),
			 0);
	ck_assert_int_eq(v.type, OT_LINGER);
	ck_assert_int_eq(v.pair[0], 1);
	ck_assert_int_eq(v.pair[1], 5);
	ck_assert_int_eq(
	    sockopt_decode(named("SO_RCVTIMEO"), &tv, sizeof(tv), &v), 0);
	ck_assert_int_eq(v.type, OT_TIMEVAL);
	ck_assert_double_eq(v.f, 1.5);
}
END_TEST

START_TEST(test_decode_string)
{
	struct optval v;
	char cubic[16] = "cubic";
	char big[300];

	/* The kernel pads TCP_CONGESTION with NULs to 16 bytes. */
	ck_assert_int_eq(
	    sockopt_decode(named("TCP_CONGESTION"), cubic, sizeof(cubic), &v),
	    0);
	ck_assert_int_eq(v.type, OT_STRING);
	ck_assert_str_eq(v.s, "cubic");
	/* Without a NUL, and empty (an unbound SO_BINDTODEVICE). */
	ck_assert_int_eq(
	    sockopt_decode(named("SO_BINDTODEVICE"), "eth0", 4, &v), 0);
	ck_assert_str_eq(v.s, "eth0");
	ck_assert_int_eq(sockopt_decode(named("SO_BINDTODEVICE"), "", 0, &v),
			 0);
	ck_assert_str_eq(v.s, "");
	/* A long buffer is fine when its text fits. */
	memset(big, 'a', sizeof(big));
	big[10] = '\0';
	ck_assert_int_eq(
	    sockopt_decode(named("SO_BINDTODEVICE"), big, sizeof(big), &v), 0);
	ck_assert_str_eq(v.s, "aaaaaaaaaa");
}
END_TEST

START_TEST(test_decode_inaddr_ucred)
{
	struct optval v;
	struct in_addr a = {htonl(0x0a000001)};
	struct ucred c = {1234, 1000, 100};

	ck_assert_int_eq(
	    sockopt_decode(named("IP_MULTICAST_IF"), &a, sizeof(a), &v), 0);
	ck_assert_int_eq(v.type, OT_INADDR);
	ck_assert_str_eq(v.s, "10.0.0.1");
	ck_assert_int_eq(
	    sockopt_decode(named("SO_PEERCRED"), &c, sizeof(c), &v), 0);
	ck_assert_int_eq(v.type, OT_UCRED);
	ck_assert_int_eq(v.nfields, 3);
	ck_assert_str_eq(v.fields[0].key, "pid");
	ck_assert_int_eq(v.fields[0].val, 1234);
	ck_assert_str_eq(v.fields[1].key, "uid");
	ck_assert_int_eq(v.fields[1].val, 1000);
	ck_assert_str_eq(v.fields[2].key, "gid");
	ck_assert_int_eq(v.fields[2].val, 100);
}
END_TEST

static long long field(const struct optval *v, const char *key)
{
	int i;

	for (i = 0; i < v->nfields; i++)
		if (!strcmp(v->fields[i].key, key))
			return v->fields[i].val;
	ck_abort_msg("no field %s", key);
	return -1;
}

static void fake_tcp_info(struct tcp_info *ti)
{
	memset(ti, 0, sizeof(*ti));
	ti->tcpi_state = 1;
	ti->tcpi_ca_state = 2;
	ti->tcpi_retransmits = 3;
	ti->tcpi_options = 7;
	ti->tcpi_snd_wscale = 7;
	ti->tcpi_rcv_wscale = 9;
	ti->tcpi_rto = 204000;
	ti->tcpi_snd_mss = 32768;
	ti->tcpi_rcv_mss = 536;
	ti->tcpi_rtt = 1234;
	ti->tcpi_rttvar = 567;
	ti->tcpi_snd_cwnd = 10;
	ti->tcpi_total_retrans = 0xfffffffe;
}

START_TEST(test_decode_tcp_info)
{
	struct optval v;
	struct tcp_info ti;

	fake_tcp_info(&ti);
	ck_assert_int_eq(sockopt_decode(named("TCP_INFO"), &ti, sizeof(ti), &v),
			 0);
	ck_assert_int_eq(v.type, OT_STRUCT);
	ck_assert_int_eq(v.nfields, 32);
	ck_assert_str_eq(v.fields[0].key, "state");
	ck_assert_int_eq(v.fields[0].val, 1);
	ck_assert_str_eq(v.fields[6].key, "snd_wscale");
	ck_assert_str_eq(v.fields[7].key, "rcv_wscale");
	ck_assert_str_eq(v.fields[31].key, "total_retrans");
	ck_assert_int_eq(field(&v, "ca_state"), 2);
	ck_assert_int_eq(field(&v, "retransmits"), 3);
	ck_assert_int_eq(field(&v, "options"), 7);
	ck_assert_int_eq(field(&v, "snd_wscale"), 7);
	ck_assert_int_eq(field(&v, "rcv_wscale"), 9);
	ck_assert_int_eq(field(&v, "rto"), 204000);
	ck_assert_int_eq(field(&v, "snd_mss"), 32768);
	ck_assert_int_eq(field(&v, "rcv_mss"), 536);
	ck_assert_int_eq(field(&v, "rtt"), 1234);
	ck_assert_int_eq(field(&v, "rttvar"), 567);
	ck_assert_int_eq(field(&v, "snd_cwnd"), 10);
	/* u32 fields stay unsigned. */
	ck_assert_int_eq(field(&v, "total_retrans"), 0xfffffffeLL);
}
END_TEST

/* An older kernel's shorter struct: only the fields that fit. */
START_TEST(test_decode_tcp_info_short)
{
	struct optval v;
	struct tcp_info ti;

	fake_tcp_info(&ti);
	ck_assert_int_eq(sockopt_decode(named("TCP_INFO"), &ti,
					offsetof(struct tcp_info, tcpi_ato),
					&v),
			 0);
	ck_assert_int_eq(v.nfields, 9);
	ck_assert_str_eq(v.fields[8].key, "rto");
	ck_assert_int_eq(sockopt_decode(named("TCP_INFO"), &ti, 3, &v), 0);
	ck_assert_int_eq(v.nfields, 3);
	ck_assert_int_eq(sockopt_decode(named("TCP_INFO"), &ti, 0, &v), 0);
	ck_assert_int_eq(v.nfields, 0);
}
END_TEST

START_TEST(test_decode_meminfo_bytes)
{
	struct optval v;
	uint32_t mi[9] = {0, 131072, 0, 16384, 0, 0, 0, 0, 42};
	unsigned char opts[3] = {1, 2, 3};

	ck_assert_int_eq(
	    sockopt_decode(named("SO_MEMINFO"), mi, sizeof(mi), &v), 0);
	ck_assert_int_eq(v.nfields, 9);
	ck_assert_int_eq(field(&v, "rcvbuf"), 131072);
	ck_assert_int_eq(field(&v, "sndbuf"), 16384);
	ck_assert_int_eq(field(&v, "drops"), 42);
	ck_assert_int_eq(
	    sockopt_decode(named("IP_OPTIONS"), opts, sizeof(opts), &v), 0);
	ck_assert_int_eq(v.type, OT_BYTES);
	ck_assert_uint_eq(v.rawlen, 3);
	ck_assert_mem_eq(v.raw, opts, 3);
}
END_TEST

START_TEST(test_decode_mreq)
{
	struct optval v;
	struct ip_mreqn m;
	struct ipv6_mreq m6;

	memset(&m, 0, sizeof(m));
	inet_pton(AF_INET, "224.1.1.1", &m.imr_multiaddr);
	inet_pton(AF_INET, "10.0.0.2", &m.imr_address);
	m.imr_ifindex = 3;
	ck_assert_int_eq(
	    sockopt_decode(named("IP_ADD_MEMBERSHIP"), &m, sizeof(m), &v), 0);
	ck_assert_str_eq(v.s, "224.1.1.1");
	ck_assert_str_eq(v.s2, "10.0.0.2");
	ck_assert_int_eq(v.ifindex, 3);
	memset(&m6, 0, sizeof(m6));
	inet_pton(AF_INET6, "ff02::1", &m6.ipv6mr_multiaddr);
	m6.ipv6mr_interface = 2;
	ck_assert_int_eq(
	    sockopt_decode(named("IPV6_JOIN_GROUP"), &m6, sizeof(m6), &v), 0);
	ck_assert_str_eq(v.s, "ff02::1");
	ck_assert_int_eq(v.ifindex, 2);
}
END_TEST

START_TEST(test_decode_errors)
{
	struct optval v;
	unsigned char buf[600];
	struct sockopt_desc fake = {"X", SOL_SOCKET, 9999, OT_STRUCT, 1, 0, ""};

	memset(buf, 'a', sizeof(buf));
	ck_assert_int_eq(sockopt_decode(named("SO_RCVBUF"), buf, 0, &v),
			 EINVAL);
	ck_assert_int_eq(sockopt_decode(named("SO_RCVBUF"), buf, 2, &v),
			 EINVAL);
	ck_assert_int_eq(sockopt_decode(named("SO_RCVBUF"), buf, 5, &v),
			 EINVAL);
	ck_assert_int_eq(sockopt_decode(named("SO_TYPE"), buf, 3, &v), EINVAL);
	ck_assert_int_eq(sockopt_decode(named("SO_LINGER"), buf, 4, &v),
			 EINVAL);
	ck_assert_int_eq(sockopt_decode(named("SO_RCVTIMEO"), buf, 8, &v),
			 EINVAL);
	/* 300 bytes without a NUL do not fit optval.s. */
	ck_assert_int_eq(sockopt_decode(named("SO_BINDTODEVICE"), buf, 300, &v),
			 EINVAL);
	ck_assert_int_eq(sockopt_decode(named("IP_MULTICAST_IF"), buf, 3, &v),
			 EINVAL);
	ck_assert_int_eq(sockopt_decode(named("IP_ADD_MEMBERSHIP"), buf, 5, &v),
			 EINVAL);
	ck_assert_int_eq(sockopt_decode(named("IPV6_JOIN_GROUP"), buf, 16, &v),
			 EINVAL);
	ck_assert_int_eq(sockopt_decode(named("SO_PEERCRED"), buf, 8, &v),
			 EINVAL);
	ck_assert_int_eq(
	    sockopt_decode(named("IP_OPTIONS"), buf, sizeof(buf), &v), EINVAL);
	ck_assert_int_eq(sockopt_decode(&fake, buf, 8, &v), EINVAL);
	ck_assert_int_eq(sockopt_decode(NULL, buf, 4, &v), EINVAL);
	ck_assert_int_eq(sockopt_decode(named("SO_RCVBUF"), NULL, 4, &v),
			 EINVAL);
	ck_assert_int_eq(sockopt_decode(named("SO_RCVBUF"), buf, 4, NULL),
			 EINVAL);
}
END_TEST

static struct optval val(enum opt_type type)
{
	struct optval v;

	memset(&v, 0, sizeof(v));
	v.type = type;
	return v;
}

START_TEST(test_encode_linger)
{
	static const unsigned char want[8] = {1, 0, 0, 0, 5, 0, 0, 0};
	struct optval v = val(OT_LINGER);
	unsigned char buf[64];
	socklen_t len = 0;

	v.pair[0] = 1;
	v.pair[1] = 5;
	ck_assert_int_eq(
	    sockopt_encode(named("SO_LINGER"), &v, buf, sizeof(buf), &len), 0);
	ck_assert_uint_eq(len, 8);
	/* The byte order is the host's; the test machine is little-endian. */
	if (htonl(1) != 1)
		ck_assert_mem_eq(buf, want, sizeof(want));
}
END_TEST

/* F seconds as OPT's struct timeval must be SEC and USEC. */
static void timeval_is(const char *opt, double f, long sec, long usec)
{
	struct optval v = val(OT_TIMEVAL);
	struct timeval tv;
	socklen_t len = 0;

	v.f = f;
	ck_assert_int_eq(sockopt_encode(named(opt), &v, &tv, sizeof(tv), &len), 0);
	ck_assert_uint_eq(len, sizeof(tv));
	ck_assert_msg(tv.tv_sec == sec && tv.tv_usec == usec,
		      "%s %.17g: {%ld, %ld}, want {%ld, %ld}", opt, f,
		      (long)tv.tv_sec, (long)tv.tv_usec, sec, usec);
}

START_TEST(test_encode_timeval)
{
	struct optval v;
	struct timeval tv;
	socklen_t len = 0;

	timeval_is("SO_RCVTIMEO", 1.5, 1, 500000);
	timeval_is("SO_SNDTIMEO", 0.1, 0, 100000);
	/* Rounded to the nearest microsecond, not truncated: 2.3 - 2 is
	 * 0.29999999999999982 in binary, 0.001 is 0.00099999999999999998.
	 * The kernel rounds to jiffies, so reading back cannot show this. */
	timeval_is("SO_RCVTIMEO", 2.3, 2, 300000);
	timeval_is("SO_SNDTIMEO", 1.001, 1, 1000);
	/* Rounding up to a whole second carries into tv_sec. */
	timeval_is("SO_RCVTIMEO", 0.9999999, 1, 0);
	/* Whole seconds may come as an int. */
	v = val(OT_INT);
	v.i = 2;
	ck_assert_int_eq(
	    sockopt_encode(named("SO_RCVTIMEO"), &v, &tv, sizeof(tv), &len), 0);
	ck_assert_int_eq(tv.tv_sec, 2);
	ck_assert_int_eq(tv.tv_usec, 0);
}
END_TEST

START_TEST(test_encode_int_bool)
{
	struct optval v = val(OT_INT);
	int out = 0;
	socklen_t len = 0;

	v.i = 4096;
	ck_assert_int_eq(
	    sockopt_encode(named("SO_RCVBUF"), &v, &out, sizeof(out), &len), 0);
	ck_assert_uint_eq(len, sizeof(int));
	ck_assert_int_eq(out, 4096);
	v.i = 1;
	ck_assert_int_eq(
	    sockopt_encode(named("TCP_NODELAY"), &v, &out, sizeof(out), &len),
	    0);
	ck_assert_int_eq(out, 1);
	v = val(OT_BOOL);
	v.i = 0;
	ck_assert_int_eq(
	    sockopt_encode(named("SO_REUSEADDR"), &v, &out, sizeof(out), &len),
	    0);
	ck_assert_int_eq(out, 0);
	v = val(OT_INT);
	v.i = -1;
	ck_assert_int_eq(sockopt_encode(named("IPV6_UNICAST_HOPS"), &v, &out,
					sizeof(out), &len),
			 0);
	ck_assert_int_eq(out, -1);
	/* 32-bit masks may be typed unsigned. */
	v.i = 0xffffffffL;
	ck_assert_int_eq(sockopt_encode(named("SO_MAX_PACING_RATE"), &v, &out,
					sizeof(out), &len),
			 0);
	ck_assert_int_eq(out, -1);
}
END_TEST

START_TEST(test_encode_string_inaddr)
{
	struct optval v = val(OT_STRING);
	char buf[64];
	struct in_addr a;
	socklen_t len = 0;

	strcpy(v.s, "cubic");
	ck_assert_int_eq(
	    sockopt_encode(named("TCP_CONGESTION"), &v, buf, sizeof(buf), &len),
	    0);
	ck_assert_uint_eq(len, 5);
	ck_assert_mem_eq(buf, "cubic", 5);
	v = val(OT_INADDR);
	strcpy(v.s, "10.1.2.3");
	ck_assert_int_eq(
	    sockopt_encode(named("IP_MULTICAST_IF"), &v, &a, sizeof(a), &len),
	    0);
	ck_assert_uint_eq(len, 4);
	ck_assert_uint_eq(ntohl(a.s_addr), 0x0a010203);
	v.s[0] = '\0';
	ck_assert_int_eq(
	    sockopt_encode(named("IP_MULTICAST_IF"), &v, &a, sizeof(a), &len),
	    0);
	ck_assert_uint_eq(a.s_addr, htonl(INADDR_ANY));
}
END_TEST

START_TEST(test_encode_ipmreq)
{
	struct optval v = val(OT_IPMREQ);
	struct ip_mreqn m;
	socklen_t len = 0;

	strcpy(v.s, "224.1.1.1");
	v.ifindex = 2;
	ck_assert_int_eq(
	    sockopt_encode(named("IP_ADD_MEMBERSHIP"), &v, &m, sizeof(m), &len),
	    0);
	ck_assert_uint_eq(len, sizeof(struct ip_mreqn));
	ck_assert_uint_eq(ntohl(m.imr_multiaddr.s_addr), 0xe0010101);
	ck_assert_uint_eq(m.imr_address.s_addr, htonl(INADDR_ANY));
	ck_assert_int_eq(m.imr_ifindex, 2);
	strcpy(v.s2, "192.168.0.7");
	ck_assert_int_eq(sockopt_encode(named("IP_DROP_MEMBERSHIP"), &v, &m,
					sizeof(m), &len),
			 0);
	ck_assert_uint_eq(ntohl(m.imr_address.s_addr), 0xc0a80007);
}
END_TEST

START_TEST(test_encode_ipv6mreq)
{
	struct optval v = val(OT_IPV6MREQ);
	struct ipv6_mreq m, want;
	socklen_t len = 0;

	strcpy(v.s, "ff02::1");
	v.ifindex = 1;
	ck_assert_int_eq(sockopt_encode(named("IPV6_ADD_MEMBERSHIP"), &v, &m,
					sizeof(m), &len),
			 0);
	ck_assert_uint_eq(len, sizeof(m));
	inet_pton(AF_INET6, "ff02::1", &want.ipv6mr_multiaddr);
	ck_assert_mem_eq(&m.ipv6mr_multiaddr, &want.ipv6mr_multiaddr, 16);
	ck_assert_uint_eq(m.ipv6mr_interface, 1);
}
END_TEST

/* Bytes go through unchanged for any option, as Python passes them. */
START_TEST(test_encode_bytes)
{
	struct optval v = val(OT_BYTES);
	unsigned char buf[16];
	socklen_t len = 0;

	memcpy(v.raw, "\x01\x00\x00\x00\x05\x00", 6);
	v.rawlen = 6;
	ck_assert_int_eq(
	    sockopt_encode(named("SO_LINGER"), &v, buf, sizeof(buf), &len), 0);
	ck_assert_uint_eq(len, 6);
	ck_assert_mem_eq(buf, v.raw, 6);
	ck_assert_int_eq(
	    sockopt_encode(named("TCP_INFO"), &v, buf, sizeof(buf), &len), 0);
	v.rawlen = 0;
	ck_assert_int_eq(
	    sockopt_encode(named("IP_OPTIONS"), &v, buf, sizeof(buf), &len), 0);
	ck_assert_uint_eq(len, 0);
}
END_TEST

static int enc(const char *name, const struct optval *v)
{
	unsigned char buf[512];
	socklen_t len = 0;

	return sockopt_encode(named(name), v, buf, sizeof(buf), &len);
}

START_TEST(test_encode_wrong_types)
{
	struct optval v;

	v = val(OT_STRING);
	strcpy(v.s, "1");
	ck_assert_int_eq(enc("SO_RCVBUF", &v), EINVAL);
	ck_assert_int_eq(enc("SO_LINGER", &v), EINVAL);
	ck_assert_int_eq(enc("SO_RCVTIMEO", &v), EINVAL);
	ck_assert_int_eq(enc("IP_ADD_MEMBERSHIP", &v), EINVAL);
	v = val(OT_LINGER);
	ck_assert_int_eq(enc("SO_REUSEADDR", &v), EINVAL);
	ck_assert_int_eq(enc("SO_RCVTIMEO", &v), EINVAL);
	v = val(OT_INT);
	ck_assert_int_eq(enc("SO_LINGER", &v), EINVAL);
	ck_assert_int_eq(enc("TCP_CONGESTION", &v), EINVAL);
	ck_assert_int_eq(enc("IP_MULTICAST_IF", &v), EINVAL);
	ck_assert_int_eq(enc("IP_ADD_MEMBERSHIP", &v), EINVAL);
	ck_assert_int_eq(enc("IPV6_JOIN_GROUP", &v), EINVAL);
	ck_assert_int_eq(enc("SO_PEERCRED", &v), EINVAL);
	ck_assert_int_eq(enc("TCP_INFO", &v), EINVAL);
	ck_assert_int_eq(enc("IP_OPTIONS", &v), EINVAL);
	v = val(OT_TIMEVAL);
	v.f = 1.0;
	ck_assert_int_eq(enc("SO_RCVBUF", &v), EINVAL);
	v = val(OT_IPMREQ);
	strcpy(v.s, "224.1.1.1");
	ck_assert_int_eq(enc("IPV6_JOIN_GROUP", &v), EINVAL);
	v = val(OT_IPV6MREQ);
	strcpy(v.s, "ff02::1");
	ck_assert_int_eq(enc("IP_ADD_MEMBERSHIP", &v), EINVAL);
}
END_TEST

START_TEST(test_encode_bad_values)
{
	struct optval v;

	v = val(OT_TIMEVAL);
	v.f = -0.5;
	ck_assert_int_eq(enc("SO_RCVTIMEO", &v), EINVAL);
	v.f = NAN;
	ck_assert_int_eq(enc("SO_RCVTIMEO", &v), EINVAL);
	v.f = INFINITY;
	ck_assert_int_eq(enc("SO_SNDTIMEO", &v), EINVAL);
	v = val(OT_INT);
	v.i = -1;
	ck_assert_int_eq(enc("SO_RCVTIMEO", &v), EINVAL);
	v.i = 0x100000000L;
	ck_assert_int_eq(enc("SO_RCVBUF", &v), EINVAL);
	v.i = (long)INT_MIN - 1;
	ck_assert_int_eq(enc("SO_RCVBUF", &v), EINVAL);
	v = val(OT_LINGER);
	v.pair[1] = 0x100000000L;
	ck_assert_int_eq(enc("SO_LINGER", &v), EINVAL);
	v = val(OT_IPMREQ);
	strcpy(v.s, "300.1.1.1");
	ck_assert_int_eq(enc("IP_ADD_MEMBERSHIP", &v), EINVAL);
	strcpy(v.s, "");
	ck_assert_int_eq(enc("IP_ADD_MEMBERSHIP", &v), EINVAL);
	strcpy(v.s, "224.1.1.1");
	strcpy(v.s2, "eth0");
	ck_assert_int_eq(enc("IP_ADD_MEMBERSHIP", &v), EINVAL);
	v.s2[0] = '\0';
	v.ifindex = -1;
	ck_assert_int_eq(enc("IP_ADD_MEMBERSHIP", &v), EINVAL);
	v = val(OT_IPV6MREQ);
	strcpy(v.s, "224.1.1.1");
	ck_assert_int_eq(enc("IPV6_JOIN_GROUP", &v), EINVAL);
	strcpy(v.s, "ff02::1");
	v.ifindex = -2;
	ck_assert_int_eq(enc("IPV6_JOIN_GROUP", &v), EINVAL);
	v = val(OT_INADDR);
	strcpy(v.s, "localhost");
	ck_assert_int_eq(enc("IP_MULTICAST_IF", &v), EINVAL);
	v = val(OT_STRING);
	memset(v.s, 'x', sizeof(v.s)); /* no NUL */
	ck_assert_int_eq(enc("SO_BINDTODEVICE", &v), EINVAL);
	v = val(OT_BYTES);
	v.rawlen = sizeof(v.raw) + 1;
	ck_assert_int_eq(enc("IP_OPTIONS", &v), EINVAL);
}
END_TEST

START_TEST(test_encode_bad_calls)
{
	struct optval v = val(OT_LINGER);
	unsigned char buf[8];
	socklen_t len = 0;

	v.pair[0] = 1;
	/* A buffer too small for the value. */
	ck_assert_int_eq(sockopt_encode(named("SO_LINGER"), &v, buf, 4, &len),
			 EINVAL);
	ck_assert_int_eq(sockopt_encode(NULL, &v, buf, sizeof(buf), &len),
			 EINVAL);
	ck_assert_int_eq(
	    sockopt_encode(named("SO_LINGER"), NULL, buf, sizeof(buf), &len),
	    EINVAL);
	ck_assert_int_eq(
	    sockopt_encode(named("SO_LINGER"), &v, buf, sizeof(buf), NULL),
	    EINVAL);
}
END_TEST

/* Encode, setsockopt, getsockopt and decode on a real socket. */
START_TEST(test_linger_round_trip)
{
	const struct sockopt_desc *d = named("SO_LINGER");
	struct optval v = val(OT_LINGER), out;
	unsigned char buf[64];
	socklen_t len = 0;
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	ck_assert_int_ge(fd, 0);
	v.pair[0] = 1;
	v.pair[1] = 5;
	ck_assert_int_eq(sockopt_encode(d, &v, buf, sizeof(buf), &len), 0);
	ck_assert_int_eq(setsockopt(fd, d->level, d->optname, buf, len), 0);
	memset(buf, 0xff, sizeof(buf));
	len = (socklen_t)sockopt_size(d);
	ck_assert_int_eq(getsockopt(fd, d->level, d->optname, buf, &len), 0);
	ck_assert_int_eq(sockopt_decode(d, buf, len, &out), 0);
	ck_assert_int_eq(out.pair[0], 1);
	ck_assert_int_eq(out.pair[1], 5);
	close(fd);
}
END_TEST

START_TEST(test_real_tcp_info_and_timeout)
{
	const struct sockopt_desc *ti = named("TCP_INFO");
	const struct sockopt_desc *to = named("SO_RCVTIMEO");
	struct optval v = val(OT_TIMEVAL), out;
	unsigned char buf[512];
	socklen_t len = (socklen_t)sockopt_size(ti);
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(getsockopt(fd, ti->level, ti->optname, buf, &len), 0);
	ck_assert_int_eq(sockopt_decode(ti, buf, len, &out), 0);
	ck_assert_int_eq(out.nfields, 32);
	ck_assert_int_eq(field(&out, "state"), TCP_CLOSE);
	v.f = 1.5;
	ck_assert_int_eq(sockopt_encode(to, &v, buf, sizeof(buf), &len), 0);
	ck_assert_int_eq(setsockopt(fd, to->level, to->optname, buf, len), 0);
	len = (socklen_t)sockopt_size(to);
	ck_assert_int_eq(getsockopt(fd, to->level, to->optname, buf, &len), 0);
	ck_assert_int_eq(sockopt_decode(to, buf, len, &out), 0);
	ck_assert_double_eq_tol(out.f, 1.5, 0.01);
	close(fd);
}
END_TEST

/* The sockets an option of LEVEL may work on: the first that answers
 * anything but ENOPROTOOPT/EOPNOTSUPP shows the option exists. Raw sockets
 * need CAP_NET_RAW; without it they are skipped. */
struct kind {
	int family, type, proto;
};

static const struct kind *kinds_for(int level, size_t *n)
{
	static const struct kind so[] = {{AF_INET, SOCK_STREAM, 0},
					 {AF_INET, SOCK_DGRAM, 0},
					 {AF_UNIX, SOCK_STREAM, 0}};
	static const struct kind ip[] = {{AF_INET, SOCK_STREAM, 0},
					 {AF_INET, SOCK_DGRAM, 0},
					 {AF_INET, SOCK_RAW, IPPROTO_UDP}};
	static const struct kind ip6[] = {{AF_INET6, SOCK_STREAM, 0},
					  {AF_INET6, SOCK_DGRAM, 0},
					  {AF_INET6, SOCK_RAW, IPPROTO_UDP}};
	static const struct kind tcp[] = {{AF_INET, SOCK_STREAM, 0}};
	static const struct kind udp[] = {{AF_INET, SOCK_DGRAM, 0}};

#define KINDS(a) (*n = sizeof(a) / sizeof(a[0]), a)
	switch (level) {
	case SOL_SOCKET:
		return KINDS(so);
	case IPPROTO_IP:
		return KINDS(ip);
	case IPPROTO_IPV6:
		return KINDS(ip6);
	case IPPROTO_TCP:
		return KINDS(tcp);
	default:
		return KINDS(udp);
	}
#undef KINDS
}

static int missing(int err)
{
	return err == ENOPROTOOPT || err == EOPNOTSUPP;
}

/* EINVAL for sockopt_size bytes but not for a large buffer: a size bug. */
static void assert_size_enough(int fd, const struct sockopt_desc *d)
{
	unsigned char buf[512];
	socklen_t len = sizeof(buf);

	ck_assert_msg(getsockopt(fd, d->level, d->optname, buf, &len) != 0,
		      "%s: %zu bytes is too small a buffer", d->name,
		      sockopt_size(d));
}

/* Read D on each kind of socket; 1 when some socket knows it. A value read
 * must decode. */
static int readable_somewhere(const struct sockopt_desc *d, int *raw_skipped)
{
	size_t i, n;
	const struct kind *k = kinds_for(d->level, &n);

	for (i = 0; i < n; i++) {
		unsigned char buf[512];
		socklen_t len = (socklen_t)sockopt_size(d);
		struct optval v;
		int fd = socket(k[i].family, k[i].type, k[i].proto);
		int rc, err;

		if (fd < 0) {
			*raw_skipped = 1;
			continue;
		}
		rc = getsockopt(fd, d->level, d->optname, buf, &len);
		err = errno;
		if (rc != 0 && err == EINVAL)
			assert_size_enough(fd, d);
		close(fd);
		if (rc == 0)
			ck_assert_msg(sockopt_decode(d, buf, len, &v) == 0,
				      "%s: %u bytes do not decode", d->name,
				      (unsigned)len);
		if (rc == 0 || !missing(err))
			return 1;
	}
	return 0;
}

/* SO_PEERSEC answers ENOPROTOOPT unless an LSM (SELinux, AppArmor, Smack)
 * provides peer labels; IPV6_CHECKSUM and IPV6_HDRINCL exist on raw
 * sockets only. */
static int excused(const char *name, int raw_skipped)
{
	if (!strcmp(name, "SO_PEERSEC"))
		return 1;
	return raw_skipped && (!strcmp(name, "IPV6_CHECKSUM") ||
			       !strcmp(name, "IPV6_HDRINCL"));
}

START_TEST(test_readable_rows_read)
{
	char bad[2048] = "";
	size_t i;

	for (i = 0; i < sockopt_count(); i++) {
		const struct sockopt_desc *d = sockopt_at(i);
		int raw_skipped = 0;

		if (!d->readable || readable_somewhere(d, &raw_skipped) ||
		    excused(d->name, raw_skipped))
			continue;
		strncat(bad, " ", sizeof(bad) - strlen(bad) - 1);
		strncat(bad, d->name, sizeof(bad) - strlen(bad) - 1);
	}
	ck_assert_msg(bad[0] == '\0', "not readable:%s", bad);
}
END_TEST

/* Set-only rows must really refuse getsockopt, or the flag is wrong. */
START_TEST(test_write_only_rows_refuse_reads)
{
	char bad[2048] = "";
	size_t i;

	for (i = 0; i < sockopt_count(); i++) {
		const struct sockopt_desc *d = sockopt_at(i);
		int raw_skipped = 0;

		if (d->readable || !readable_somewhere(d, &raw_skipped))
			continue;
		strncat(bad, " ", sizeof(bad) - strlen(bad) - 1);
		strncat(bad, d->name, sizeof(bad) - strlen(bad) - 1);
	}
	ck_assert_msg(bad[0] == '\0', "readable but marked set-only:%s", bad);
}
END_TEST

Suite *make_sockopt_suite(void)
{
	Suite *s = suite_create("sockopt");
	TCase *table = tcase_create("table");
	TCase *codec = tcase_create("codec");
	TCase *kernel = tcase_create("kernel");

	tcase_add_test(table, test_by_name);
	tcase_add_test(table, test_by_name_aliases_and_misses);
	tcase_add_test(table, test_find);
	tcase_add_test(table, test_table_order);
	tcase_add_test(table, test_sizes);
	tcase_add_test(table, test_size_of_copies);
	suite_add_tcase(s, table);

	tcase_add_test(codec, test_decode_int_bool);
	tcase_add_test(codec, test_decode_named_ints);
	tcase_add_test(codec, test_decode_linger_timeval);
	tcase_add_test(codec, test_decode_string);
	tcase_add_test(codec, test_decode_inaddr_ucred);
	tcase_add_test(codec, test_decode_tcp_info);
	tcase_add_test(codec, test_decode_tcp_info_short);
	tcase_add_test(codec, test_decode_meminfo_bytes);
	tcase_add_test(codec, test_decode_mreq);
	tcase_add_test(codec, test_decode_errors);
	tcase_add_test(codec, test_encode_linger);
	tcase_add_test(codec, test_encode_timeval);
	tcase_add_test(codec, test_encode_int_bool);
	tcase_add_test(codec, test_encode_string_inaddr);
	tcase_add_test(codec, test_encode_ipmreq);
	tcase_add_test(codec, test_encode_ipv6mreq);
	tcase_add_test(codec, test_encode_bytes);
	tcase_add_test(codec, test_encode_wrong_types);
	tcase_add_test(codec, test_encode_bad_values);
	tcase_add_test(codec, test_encode_bad_calls);
	suite_add_tcase(s, codec);

	tcase_add_test(kernel, test_linger_round_trip);
	tcase_add_test(kernel, test_real_tcp_info_and_timeout);
	tcase_add_test(kernel, test_readable_rows_read);
	tcase_add_test(kernel, test_write_only_rows_refuse_reads);
	suite_add_tcase(s, kernel);
	return s;
}
