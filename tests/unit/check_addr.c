/* check_addr.c - the address codecs against CPython's socket module. The
 * machine may have no network: only numeric hosts, "localhost" (AF_INET,
 * from /etc/hosts) and NO_HOST are resolved. */
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <netdb.h>
#include <string.h>
#include <unistd.h>

#include "addr.h"
#include "suites.h"

/* A name that never resolves and never reaches the network: the C library
 * refuses a space in a host name before it asks DNS (a .invalid name is
 * still sent to the DNS server, and fails with EAI_AGAIN without one). */
#define NO_HOST "no such host.invalid"

#define UN_OFF offsetof(struct sockaddr_un, sun_path)

static struct sockaddr_in *sin_of(struct sk_addr *a)
{
	return (struct sockaddr_in *)&a->ss;
}

static struct sockaddr_in6 *sin6_of(struct sk_addr *a)
{
	return (struct sockaddr_in6 *)&a->ss;
}

static struct sockaddr_un *sun_of(struct sk_addr *a)
{
	return (struct sockaddr_un *)&a->ss;
}

/* addr_inet that must succeed. */
static void inet_ok(int family, const char *host, long port,
		    unsigned long flowinfo, unsigned long scope_id,
		    struct sk_addr *out)
{
	int gai = -1;

	ck_assert_int_eq(
	    addr_inet(family, host, port, flowinfo, scope_id, out, &gai), 0);
	ck_assert_int_eq(gai, 0);
}

/* addr_inet that must fail with errno ERR. */
static void inet_err(int family, const char *host, long port,
		     unsigned long flowinfo, unsigned long scope_id, int err)
{
	struct sk_addr a;
	int gai = -1;

	ck_assert_int_eq(
	    addr_inet(family, host, port, flowinfo, scope_id, &a, &gai), err);
	ck_assert_int_eq(gai, 0);
}

/* AF_INET HOST must come out as the dotted quad WANT. */
static void inet4_is(const char *host, const char *want)
{
	struct sk_addr a;
	struct in_addr in;

	inet_ok(AF_INET, host, 0, 0, 0, &a);
	ck_assert_int_eq(inet_pton(AF_INET, want, &in), 1);
	ck_assert_uint_eq(sin_of(&a)->sin_addr.s_addr, in.s_addr);
}

START_TEST(inet4_bytes)
{
	static const unsigned char want[] = {0, 80, 127, 0, 0, 1};
	struct sk_addr a;

	memset(&a, 0xa5, sizeof(a));
	inet_ok(AF_INET, "127.0.0.1", 80, 0, 0, &a);
	ck_assert_uint_eq(a.len, sizeof(struct sockaddr_in));
	ck_assert_int_eq(sin_of(&a)->sin_family, AF_INET);
	/* Port then address, both in network order, straight after family. */
	ck_assert_mem_eq((unsigned char *)&a.ss + sizeof(sa_family_t), want,
			 sizeof(want));
	ck_assert_mem_eq(sin_of(&a)->sin_zero, "\0\0\0\0\0\0\0\0", 8);
}
END_TEST

START_TEST(inet4_special_hosts)
{
	inet4_is("", "0.0.0.0");
	inet4_is("<broadcast>", "255.255.255.255");
	inet4_is("255.255.255.255", "255.255.255.255");
	inet4_is("10.1.2.3", "10.1.2.3");
}
END_TEST

/* Python takes inet_aton forms through getaddrinfo, never a query. */
START_TEST(inet4_aton_forms)
{
	inet4_is("127.1", "127.0.0.1");
	inet4_is("0x7f.0.0.1", "127.0.0.1");
}
END_TEST

START_TEST(inet4_localhost)
{
	inet4_is("localhost", "127.0.0.1");
}
END_TEST

START_TEST(inet_port_range)
{
	struct sk_addr a;

	inet_ok(AF_INET, "127.0.0.1", 0, 0, 0, &a);
	ck_assert_uint_eq(sin_of(&a)->sin_port, 0);
	inet_ok(AF_INET, "127.0.0.1", 65535, 0, 0, &a);
	ck_assert_uint_eq(sin_of(&a)->sin_port, 0xffff);
	inet_ok(AF_INET6, "::1", 65535, 0, 0, &a);
	ck_assert_uint_eq(sin6_of(&a)->sin6_port, 0xffff);
	inet_err(AF_INET, "127.0.0.1", 65536, 0, 0, EOVERFLOW);
	inet_err(AF_INET, "127.0.0.1", -1, 0, 0, EOVERFLOW);
	inet_err(AF_INET, "127.0.0.1", LONG_MAX, 0, 0, EOVERFLOW);
	inet_err(AF_INET, "127.0.0.1", LONG_MIN, 0, 0, EOVERFLOW);
	inet_err(AF_INET6, "::1", 65536, 0, 0, EOVERFLOW);
	inet_err(AF_INET6, "::1", -1, 0, 0, EOVERFLOW);
}
END_TEST

START_TEST(inet_bad_family)
{
	inet_err(AF_UNIX, "127.0.0.1", 80, 0, 0, EAFNOSUPPORT);
	inet_err(AF_UNSPEC, "127.0.0.1", 80, 0, 0, EAFNOSUPPORT);
}
END_TEST

START_TEST(inet6_bytes)
{
	struct sk_addr a;
	struct sockaddr_in6 *s6 = sin6_of(&a);

	memset(&a, 0xa5, sizeof(a));
	inet_ok(AF_INET6, "::1", 8080, 5, 3, &a);
	ck_assert_uint_eq(a.len, sizeof(struct sockaddr_in6));
	ck_assert_int_eq(s6->sin6_family, AF_INET6);
	ck_assert_mem_eq(&s6->sin6_port, "\x1f\x90", 2);
	ck_assert_mem_eq(&s6->sin6_flowinfo, "\0\0\0\5", 4);
	ck_assert_uint_eq(s6->sin6_scope_id, 3);
	ck_assert(IN6_IS_ADDR_LOOPBACK(&s6->sin6_addr));
}
END_TEST

START_TEST(inet6_special_hosts)
{
	struct sk_addr a;
	int gai = -1;

	inet_ok(AF_INET6, "", 0, 0, 0, &a);
	ck_assert(IN6_IS_ADDR_UNSPECIFIED(&sin6_of(&a)->sin6_addr));
	/* Python: OSError("address family mismatched"). */
	inet_err(AF_INET6, "<broadcast>", 1, 0, 0, EAFNOSUPPORT);
	inet_err(AF_INET6, "255.255.255.255", 1, 0, 0, EAFNOSUPPORT);
	/* No AI_V4MAPPED: an IPv4 literal is no AF_INET6 host. */
	ck_assert_int_ne(addr_inet(AF_INET6, "127.0.0.1", 1, 0, 0, &a, &gai),
			 0);
	ck_assert_int_eq(gai, 1);
}
END_TEST

START_TEST(inet6_flowinfo_range)
{
	struct sk_addr a;

	inet_ok(AF_INET6, "::1", 1, 0xfffff, 0, &a);
	ck_assert_uint_eq(ntohl(sin6_of(&a)->sin6_flowinfo), 0xfffff);
	inet_err(AF_INET6, "::1", 1, 0x100000, 0, EOVERFLOW);
	inet_err(AF_INET6, "::1", 1, (unsigned long)-1, 0, EOVERFLOW);
	inet_ok(AF_INET6, "::1", 1, 0, UINT_MAX, &a);
	ck_assert_uint_eq(sin6_of(&a)->sin6_scope_id, UINT_MAX);
	if (sizeof(long) > 4)
		inet_err(AF_INET6, "::1", 1, 0, (unsigned long)UINT_MAX + 1,
			 EOVERFLOW);
}
END_TEST

/* The tuple's scope_id is what Python puts in sin6_scope_id, even 0. */
START_TEST(inet6_scope_in_host)
{
	struct sk_addr a;
	struct in6_addr ll;

	ck_assert_int_eq(inet_pton(AF_INET6, "fe80::1", &ll), 1);
	inet_ok(AF_INET6, "fe80::1%lo", 9, 0, 7, &a);
	ck_assert_mem_eq(&sin6_of(&a)->sin6_addr, &ll, sizeof(ll));
	ck_assert_uint_eq(sin6_of(&a)->sin6_scope_id, 7);
	inet_ok(AF_INET6, "fe80::1%lo", 9, 0, 0, &a);
	ck_assert_uint_eq(sin6_of(&a)->sin6_scope_id, 0);
}
END_TEST

START_TEST(inet_unresolvable)
{
	struct sk_addr a;
	int gai = 0;

	ck_assert_int_eq(
	    addr_inet(AF_INET, NO_HOST, 80, 0, 0, &a, &gai),
	    EAI_NONAME);
	ck_assert_int_eq(gai, 1);
	gai = 0;
	/* Python resolves before it checks an in-range int port. */
	ck_assert_int_eq(
	    addr_inet(AF_INET6, NO_HOST, 70000, 0, 0, &a, &gai),
	    EAI_NONAME);
	ck_assert_int_eq(gai, 1);
	gai = 0;
	ck_assert_int_eq(addr_inet(AF_INET, "127.0.0.1 ", 80, 0, 0, &a, &gai),
			 EAI_NONAME);
	ck_assert_int_eq(gai, 1);
	/* A port past a C int fails first, as in Python's argument parsing. */
	inet_err(AF_INET, NO_HOST, LONG_MAX, 0, 0, EOVERFLOW);
}
END_TEST

/* addr_unix of the LEN bytes P must succeed with socklen WANTLEN. */
static struct sk_addr unix_ok(const char *p, size_t len, size_t wantlen)
{
	struct sk_addr a;

	memset(&a, 0xa5, sizeof(a));
	ck_assert_int_eq(addr_unix(p, len, &a), 0);
	ck_assert_uint_eq(a.len, wantlen);
	ck_assert_int_eq(sun_of(&a)->sun_family, AF_UNIX);
	return a;
}

START_TEST(unix_path)
{
	struct sk_addr a = unix_ok("/tmp/x", 6, UN_OFF + 7);

	ck_assert_mem_eq(sun_of(&a)->sun_path, "/tmp/x", 7);
}
END_TEST

START_TEST(unix_abstract)
{
	const char in[] = "@abc";
	struct sk_addr a = unix_ok(in, 4, UN_OFF + 4);

	ck_assert_mem_eq(sun_of(&a)->sun_path, "\0abc", 4);
	ck_assert_str_eq(in, "@abc");
	a = unix_ok("\0abc", 4, UN_OFF + 4);
	ck_assert_mem_eq(sun_of(&a)->sun_path, "\0abc", 4);
	a = unix_ok("@a\0b", 4, UN_OFF + 4);
	ck_assert_mem_eq(sun_of(&a)->sun_path, "\0a\0b", 4);
	a = unix_ok("@", 1, UN_OFF + 1);
	ck_assert_int_eq(sun_of(&a)->sun_path[0], 0);
}
END_TEST

START_TEST(unix_empty)
{
	unix_ok("", 0, UN_OFF);
}
END_TEST

START_TEST(unix_too_long)
{
	char buf[ADDR_PATH_MAX + 2];
	struct sk_addr a;

	memset(buf, 'p', sizeof(buf));
	unix_ok(buf, ADDR_PATH_MAX - 1, UN_OFF + ADDR_PATH_MAX);
	ck_assert_int_eq(addr_unix(buf, ADDR_PATH_MAX, &a), ENAMETOOLONG);
	ck_assert_int_eq(addr_unix(buf, ADDR_PATH_MAX + 1, &a), ENAMETOOLONG);
	/* An abstract name may fill sun_path, having no NUL to end it. */
	buf[0] = '@';
	unix_ok(buf, ADDR_PATH_MAX, UN_OFF + ADDR_PATH_MAX);
	ck_assert_int_eq(addr_unix(buf, ADDR_PATH_MAX + 1, &a), ENAMETOOLONG);
	buf[0] = '\0';
	unix_ok(buf, ADDR_PATH_MAX, UN_OFF + ADDR_PATH_MAX);
	ck_assert_int_eq(addr_unix(buf, ADDR_PATH_MAX + 1, &a), ENAMETOOLONG);
}
END_TEST

/* Decode A, which must succeed, into P. */
static void decode_ok(struct sk_addr *a, struct addr_parts *p)
{
	ck_assert_int_eq(addr_decode((struct sockaddr *)&a->ss, a->len, p), 0);
}

START_TEST(decode_inet4)
{
	struct sk_addr a;
	struct addr_parts p;

	inet_ok(AF_INET, "127.0.0.1", 80, 0, 0, &a);
	decode_ok(&a, &p);
	ck_assert_int_eq(p.family, AF_INET);
	ck_assert_str_eq(p.host, "127.0.0.1");
	ck_assert_int_eq(p.port, 80);
	inet_ok(AF_INET, "<broadcast>", 65535, 0, 0, &a);
	decode_ok(&a, &p);
	ck_assert_str_eq(p.host, "255.255.255.255");
	ck_assert_int_eq(p.port, 65535);
}
END_TEST

START_TEST(decode_inet6)
{
	struct sk_addr a;
	struct addr_parts p;

	inet_ok(AF_INET6, "::1", 8080, 5, 3, &a);
	decode_ok(&a, &p);
	ck_assert_int_eq(p.family, AF_INET6);
	ck_assert_str_eq(p.host, "::1");
	ck_assert_int_eq(p.port, 8080);
	ck_assert_uint_eq(p.flowinfo, 5);
	ck_assert_uint_eq(p.scope_id, 3);
	/* Python 3.7+: ('fe80::1', 9, 0, 1), the scope only in scope_id. */
	inet_ok(AF_INET6, "fe80::1", 9, 0xfffff, 1, &a);
	decode_ok(&a, &p);
	ck_assert_str_eq(p.host, "fe80::1");
	ck_assert_uint_eq(p.flowinfo, 0xfffff);
	ck_assert_uint_eq(p.scope_id, 1);
}
END_TEST

START_TEST(decode_unix)
{
	struct sk_addr a;
	struct addr_parts p;

	a = unix_ok("/tmp/x", 6, UN_OFF + 7);
	decode_ok(&a, &p);
	ck_assert_int_eq(p.family, AF_UNIX);
	ck_assert_uint_eq(p.pathlen, 6);
	ck_assert_str_eq((char *)p.path, "/tmp/x");
	a = unix_ok("@a\0b", 4, UN_OFF + 4);
	decode_ok(&a, &p);
	ck_assert_uint_eq(p.pathlen, 4);
	ck_assert_mem_eq(p.path, "\0a\0b", 5);
}
END_TEST

START_TEST(decode_unix_unnamed)
{
	struct sk_addr a = unix_ok("", 0, UN_OFF);
	struct addr_parts p;

	memset(&p, 0xa5, sizeof(p));
	decode_ok(&a, &p);
	ck_assert_int_eq(p.family, AF_UNIX);
	ck_assert_uint_eq(p.pathlen, 0);
	ck_assert_int_eq(p.path[0], 0);
}
END_TEST

/* A file name ends at its NUL or at LEN, whichever comes first. */
START_TEST(decode_unix_bounds)
{
	struct sk_addr a;
	struct addr_parts p;

	a = unix_ok("abc\0def", 7, UN_OFF + 8);
	decode_ok(&a, &p);
	ck_assert_uint_eq(p.pathlen, 3);
	ck_assert_str_eq((char *)p.path, "abc");
	a = unix_ok("abcdef", 6, UN_OFF + 7);
	a.len = UN_OFF + 2;
	decode_ok(&a, &p);
	ck_assert_uint_eq(p.pathlen, 2);
	ck_assert_str_eq((char *)p.path, "ab");
	/* Linux reports a full sun_path with one byte more than the struct. */
	memset(sun_of(&a)->sun_path, 'q', ADDR_PATH_MAX);
	a.len = UN_OFF + ADDR_PATH_MAX + 1;
	decode_ok(&a, &p);
	ck_assert_uint_eq(p.pathlen, ADDR_PATH_MAX);
	ck_assert_int_eq(p.path[ADDR_PATH_MAX], 0);
}
END_TEST

START_TEST(decode_errors)
{
	struct sk_addr a;
	struct addr_parts p;

	memset(&a, 0, sizeof(a));
	a.ss.ss_family = AF_PACKET;
	ck_assert_int_eq(addr_decode((struct sockaddr *)&a.ss, 20, &p),
			 EAFNOSUPPORT);
	ck_assert_int_eq(p.family, AF_PACKET);
	ck_assert_int_eq(addr_decode((struct sockaddr *)&a.ss, 0, &p),
			 EAFNOSUPPORT);
	ck_assert_int_eq(p.family, AF_UNSPEC);
	inet_ok(AF_INET, "127.0.0.1", 80, 0, 0, &a);
	ck_assert_int_eq(addr_decode((struct sockaddr *)&a.ss, 8, &p), EINVAL);
	inet_ok(AF_INET6, "::1", 80, 0, 0, &a);
	ck_assert_int_eq(addr_decode((struct sockaddr *)&a.ss,
				     sizeof(struct sockaddr_in), &p),
			 EINVAL);
}
END_TEST

/* Bind S to A, read the name back, and decode it into P. */
static void bound_name(int s, struct sk_addr *a, struct addr_parts *p)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);

	ck_assert_int_eq(bind(s, (struct sockaddr *)&a->ss, a->len), 0);
	ck_assert_int_eq(getsockname(s, (struct sockaddr *)&ss, &len), 0);
	ck_assert_int_eq(addr_decode((struct sockaddr *)&ss, len, p), 0);
	close(s);
}

START_TEST(kernel_round_trip)
{
	struct sk_addr a;
	struct addr_parts p;

	inet_ok(AF_INET, "127.0.0.1", 0, 0, 0, &a);
	bound_name(socket(AF_INET, SOCK_DGRAM, 0), &a, &p);
	ck_assert_str_eq(p.host, "127.0.0.1");
	ck_assert_int_ne(p.port, 0);
	a = unix_ok("@sockshell-check-addr", 21, UN_OFF + 21);
	bound_name(socket(AF_UNIX, SOCK_DGRAM, 0), &a, &p);
	ck_assert_uint_eq(p.pathlen, 21);
	ck_assert_mem_eq(p.path, "\0sockshell-check-addr", 21);
	/* Autobind: a NUL and five hex digits, as Python shows b'\0d6f8f'. */
	a = unix_ok("", 0, UN_OFF);
	bound_name(socket(AF_UNIX, SOCK_DGRAM, 0), &a, &p);
	ck_assert_uint_eq(p.pathlen, 6);
	ck_assert_int_eq(p.path[0], 0);
}
END_TEST

Suite *make_addr_suite(void)
{
	Suite *s = suite_create("addr");
	TCase *enc = tcase_create("encode");
	TCase *dec = tcase_create("decode");

	tcase_add_test(enc, inet4_bytes);
	tcase_add_test(enc, inet4_special_hosts);
	tcase_add_test(enc, inet4_aton_forms);
	tcase_add_test(enc, inet4_localhost);
	tcase_add_test(enc, inet_port_range);
	tcase_add_test(enc, inet_bad_family);
	tcase_add_test(enc, inet6_bytes);
	tcase_add_test(enc, inet6_special_hosts);
	tcase_add_test(enc, inet6_flowinfo_range);
	tcase_add_test(enc, inet6_scope_in_host);
	tcase_add_test(enc, inet_unresolvable);
	tcase_add_test(enc, unix_path);
	tcase_add_test(enc, unix_abstract);
	tcase_add_test(enc, unix_empty);
	tcase_add_test(enc, unix_too_long);
	tcase_add_test(dec, decode_inet4);
	tcase_add_test(dec, decode_inet6);
	tcase_add_test(dec, decode_unix);
	tcase_add_test(dec, decode_unix_unnamed);
	tcase_add_test(dec, decode_unix_bounds);
	tcase_add_test(dec, decode_errors);
	tcase_add_test(dec, kernel_round_trip);
	suite_add_tcase(s, enc);
	suite_add_tcase(s, dec);
	return s;
}
