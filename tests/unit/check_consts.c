/* check_consts.c - unit tests of the generated constant table. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <string.h>
#include <sys/socket.h>

#include "consts.h"
#include "suites.h"

static void check_const(const char *name, long value, enum const_kind kind)
{
	const struct sk_const *c = const_lookup(name);

	ck_assert_msg(c != NULL, "%s not found", name);
	ck_assert_str_eq(c->name, name);
	ck_assert_int_eq(c->value, value);
	ck_assert_int_eq(c->kind, kind);
}

START_TEST(test_lookup_known)
{
	check_const("AF_INET", 2, CK_AF);
	check_const("AF_INET6", 10, CK_AF);
	check_const("AF_UNIX", 1, CK_AF);
	check_const("PF_INET", 2, CK_AF);
	check_const("SOCK_STREAM", 1, CK_SOCK);
	check_const("SOCK_DGRAM", 2, CK_SOCK);
	check_const("SOCK_NONBLOCK", SOCK_NONBLOCK, CK_SOCK);
	check_const("SOL_SOCKET", 1, CK_SOL);
	check_const("SO_REUSEADDR", 2, CK_SO);
	check_const("SO_TYPE", SO_TYPE, CK_SO);
	check_const("IPPROTO_TCP", 6, CK_IPPROTO);
	check_const("IPPROTO_IPV6", 41, CK_IPPROTO);
	check_const("TCP_NODELAY", 1, CK_TCP);
	check_const("IP_TTL", IP_TTL, CK_IP);
	check_const("IPV6_V6ONLY", IPV6_V6ONLY, CK_IPV6);
	check_const("MSG_PEEK", 2, CK_MSG);
	check_const("SHUT_WR", 1, CK_SHUT);
	check_const("AI_PASSIVE", AI_PASSIVE, CK_AI);
	check_const("NI_NUMERICHOST", NI_NUMERICHOST, CK_NI);
	check_const("EAI_NONAME", -2, CK_EAI);
	check_const("SCM_RIGHTS", SCM_RIGHTS, CK_SCM);
	check_const("ECONNREFUSED", 111, CK_ERRNO);
	check_const("EWOULDBLOCK", 11, CK_ERRNO);
	check_const("INADDR_LOOPBACK", 0x7f000001L, CK_OTHER);
	check_const("INADDR_NONE", 0xffffffffL, CK_OTHER);
	check_const("SOMAXCONN", SOMAXCONN, CK_OTHER);
}
END_TEST

START_TEST(test_lookup_unknown)
{
	ck_assert_ptr_null(const_lookup("AF_INTE"));
	ck_assert_ptr_null(const_lookup("af_inet"));
	ck_assert_ptr_null(const_lookup(""));
	ck_assert_ptr_null(const_lookup(NULL));
	/* Header guards, lower-case names and deprecated names stay out. */
	ck_assert_ptr_null(const_lookup("_SYS_SOCKET_H"));
	ck_assert_ptr_null(const_lookup("PF_DECnet"));
	ck_assert_ptr_null(const_lookup("AI_IDN_ALLOW_UNASSIGNED"));
	/* E* macros outside <errno.h> are not errno names. */
	ck_assert_ptr_null(const_lookup("EOF"));
}
END_TEST

/* Every name with a kind's prefix has that kind, whatever prefix it shares
 * the start with (SOL_/SO_/SOCK_, IPV6_/IP_/IPPROTO_, EAI_/E). */
START_TEST(test_kind_by_prefix)
{
	static const struct {
		const char *prefix;
		enum const_kind kind;
	} map[] = {
	    {"AF_", CK_AF},	      {"PF_", CK_AF},	     {"SOCK_", CK_SOCK},
	    {"IPPROTO_", CK_IPPROTO}, {"SOL_", CK_SOL},	     {"SO_", CK_SO},
	    {"TCP_", CK_TCP},	      {"UDP_", CK_UDP},	     {"IP_", CK_IP},
	    {"IPV6_", CK_IPV6},	      {"MSG_", CK_MSG},	     {"SHUT_", CK_SHUT},
	    {"AI_", CK_AI},	      {"NI_", CK_NI},	     {"EAI_", CK_EAI},
	    {"SCM_", CK_SCM},	      {"INADDR_", CK_OTHER},
	};

	for (size_t i = 0; i < const_count(); i++) {
		const struct sk_const *c = const_at(i);

		/* A count of families, not one (the generator says why). */
		if (!strcmp(c->name, "AF_MAX") || !strcmp(c->name, "PF_MAX"))
			continue;
		for (size_t j = 0; j < sizeof(map) / sizeof(map[0]); j++)
			if (strncmp(c->name, map[j].prefix,
				    strlen(map[j].prefix)) == 0)
				ck_assert_msg(c->kind == map[j].kind,
					      "%s has kind %d", c->name,
					      c->kind);
	}
}
END_TEST

START_TEST(test_sorted)
{
	size_t n = const_count();

	ck_assert_uint_gt(n, 300);
	for (size_t i = 1; i < n; i++)
		ck_assert_msg(
		    strcmp(const_at(i - 1)->name, const_at(i)->name) < 0,
		    "%s before %s", const_at(i - 1)->name, const_at(i)->name);
	ck_assert_ptr_null(const_at(n));
}
END_TEST

/* Every row can be found again by name, and by value within its kind. */
START_TEST(test_round_trip)
{
	for (size_t i = 0; i < const_count(); i++) {
		const struct sk_const *c = const_at(i);
		const struct sk_const *v = const_by_value(c->kind, c->value);

		ck_assert_ptr_eq(const_lookup(c->name), c);
		ck_assert_ptr_nonnull(v);
		ck_assert_int_eq(v->kind, c->kind);
		ck_assert_int_eq(v->value, c->value);
	}
}
END_TEST

static void check_by_value(enum const_kind kind, long value, const char *name)
{
	const struct sk_const *c = const_by_value(kind, value);

	ck_assert_msg(c != NULL, "no name for %ld", value);
	ck_assert_str_eq(c->name, name);
}

START_TEST(test_by_value_preferred)
{
	check_by_value(CK_AF, 0, "AF_UNSPEC");
	check_by_value(CK_AF, 1, "AF_UNIX");
	check_by_value(CK_AF, 2, "AF_INET");
	check_by_value(CK_AF, 10, "AF_INET6");
	check_by_value(CK_AF, AF_NETLINK, "AF_NETLINK");
	check_by_value(CK_SOCK, 1, "SOCK_STREAM");
	check_by_value(CK_SOCK, 2, "SOCK_DGRAM");
	check_by_value(CK_SOCK, 5, "SOCK_SEQPACKET");
	check_by_value(CK_SOL, 1, "SOL_SOCKET");
	check_by_value(CK_IPPROTO, 0, "IPPROTO_IP");
	check_by_value(CK_IPPROTO, 6, "IPPROTO_TCP");
	check_by_value(CK_SO, 2, "SO_REUSEADDR");
	check_by_value(CK_SO, SO_RCVTIMEO, "SO_RCVTIMEO");
	check_by_value(CK_TCP, 1, "TCP_NODELAY");
	check_by_value(CK_TCP, 2, "TCP_MAXSEG");
	check_by_value(CK_IP, 1, "IP_TOS");
	check_by_value(CK_IP, 2, "IP_TTL");
	check_by_value(CK_IP, 10, "IP_MTU_DISCOVER");
	check_by_value(CK_MSG, 4, "MSG_DONTROUTE");
	check_by_value(CK_ERRNO, 11, "EAGAIN");
	check_by_value(CK_ERRNO, 111, "ECONNREFUSED");
	/* As the man pages and strace name them (Python: ENOTSUP, EDEADLOCK). */
	check_by_value(CK_ERRNO, 95, "EOPNOTSUPP");
	check_by_value(CK_ERRNO, 35, "EDEADLK");
	check_by_value(CK_EAI, -2, "EAI_NONAME");
}
END_TEST

START_TEST(test_by_value_unknown)
{
	ck_assert_ptr_null(const_by_value(CK_AF, 9999));
	/* AF_MAX counts the families: 46 is no family's name. */
	ck_assert_ptr_null(const_by_value(CK_AF, AF_MAX));
	ck_assert_ptr_null(const_by_value(CK_ERRNO, 0));
	ck_assert_ptr_null(const_by_value(CK_ERRNO, 99999));
	/* A value of another kind is not a match. */
	ck_assert_ptr_null(const_by_value(CK_SHUT, 111));
	ck_assert_ptr_null(const_by_value(CK__COUNT, 1));
}
END_TEST

START_TEST(test_kind_names)
{
	ck_assert_str_eq(const_kind_name(CK_AF), "address family");
	ck_assert_str_eq(const_kind_name(CK_SOCK), "socket type");
	ck_assert_str_eq(const_kind_name(CK_IPPROTO), "protocol");
	ck_assert_str_eq(const_kind_name(CK_SOL), "option level");
	ck_assert_str_eq(const_kind_name(CK_SO), "socket option");
	ck_assert_str_eq(const_kind_name(CK_TCP), "TCP option");
	ck_assert_str_eq(const_kind_name(CK_ERRNO), "errno");
	for (int k = 0; k <= CK__COUNT; k++)
		ck_assert_ptr_nonnull(const_kind_name((enum const_kind)k));
}
END_TEST

Suite *make_consts_suite(void)
{
	Suite *s = suite_create("consts");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_lookup_known);
	tcase_add_test(tc, test_lookup_unknown);
	tcase_add_test(tc, test_kind_by_prefix);
	tcase_add_test(tc, test_sorted);
	tcase_add_test(tc, test_round_trip);
	tcase_add_test(tc, test_by_value_preferred);
	tcase_add_test(tc, test_by_value_unknown);
	tcase_add_test(tc, test_kind_names);
	suite_add_tcase(s, tc);
	return s;
}
