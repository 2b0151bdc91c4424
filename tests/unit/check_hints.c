/* check_hints.c - the hint table: each cause said on the error line, from
 * the call, the errno and the address, including those a loopback
 * transcript cannot provoke (ETIMEDOUT, EHOSTUNREACH, ENETUNREACH). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "suites.h"
#include "commands/cmd.h"
#include "session/hints.h"

/* The hint for ERR from CALL with ADDR as its address argument (host,
 * port), or with no address when HOST is NULL. */
static char *hint(const char *call, int err, const char *host, long port)
{
	struct cmd_call c = {.cmd = cmd_find(call), .callname = call};
	ck_assert_ptr_nonnull(c.cmd);
	c.argv[0] = v_socket(-1, AF_INET, SOCK_STREAM, 0, -1);
	size_t k = 1;
	while (host && c.cmd->params[k].type != P_ADDR)
		k++;
	if (host)
		c.argv[k] = v_tuple(2, v_cstr(host), v_int(port));
	char *h = error_hint(&c, err);
	for (size_t i = 0; i < CMD_MAXARGS; i++)
		v_unref(c.argv[i]);
	return h;
}

static void check(const char *call, int err, const char *host, long port,
                  const char *want)
{
	char *got = hint(call, err, host, port);
	if (!want)
		ck_assert_msg(!got, "%s %d: no hint wanted, got '%s'", call, err, got);
	else
		ck_assert_msg(got && !strcmp(got, want), "%s %d: got '%s', want '%s'",
		              call, err, got ? got : "(none)", want);
	free(got);
}

START_TEST(address_hints)
{
	check("connect", ECONNREFUSED, "127.0.0.1", 1,
	      "127.0.0.1 port 1: nothing listens there");
	check("connect", ETIMEDOUT, "192.0.2.1", 80,
	      "192.0.2.1 port 80: no answer: the host is down, or a firewall "
	      "drops the packets");
	check("connect", EHOSTUNREACH, "192.0.2.1", 80,
	      "192.0.2.1 port 80: no route reaches that host");
	check("sendto", ENETUNREACH, "198.51.100.7", 53,
	      "198.51.100.7 port 53: no route reaches that network");
	check("bind", EADDRNOTAVAIL, "", 80,
	      "0.0.0.0 port 80: no interface of this machine has that address");
}
END_TEST

START_TEST(call_hints)
{
	check("accept", EINVAL, NULL, 0, "call listen first");
	/* EINVAL from another call has other causes: no hint. */
	check("listen", EINVAL, NULL, 0, NULL);
	check("bind", EACCES, "127.0.0.1", 80,
	      "ports below 1024 are privileged: use one from 1024 up, or run as "
	      "root");
	check("bind", EACCES, "127.0.0.1", 8080, NULL);
	check("recv", ECONNRESET, NULL, 0,
	      "the peer reset the connection: it closed with data unread, or "
	      "with SO_LINGER (1, 0)");
	/* A closed socket: no address to name, no state to read. */
	check("connect", ECONNREFUSED, NULL, 0, NULL);
	check("recv", EAGAIN, NULL, 0, NULL);
}
END_TEST

Suite *make_hints_suite(void)
{
	Suite *s = suite_create("hints");
	TCase *tc = tcase_create("hints");
	tcase_add_test(tc, address_hints);
	tcase_add_test(tc, call_hints);
	suite_add_tcase(s, tc);
	return s;
}
