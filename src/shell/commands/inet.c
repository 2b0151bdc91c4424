/* inet.c - the socket module's byte order (htons, ntohl, ...) and address
 * text conversions (inet_aton, inet_ntop, ...): pure computations, no
 * system call. */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>
#include <sys/socket.h>

#include "common.h"

/* Python's range errors for the byte-order functions. */
static enum cmd_status byte_order(struct cmd_call *c, int bits, bool to_net)
{
	long long x = arg_int(c, 0, 0);
	if (bits == 16 && x < 0)
		return cmd_fail(c, _("can't convert negative Python int to C 16-bit "
		                   "unsigned integer"));
	if (bits == 16 && x > 0xffff)
		return cmd_fail(c, _("Python int too large to convert to C 16-bit "
		                   "unsigned integer"));
	if (x < 0)
		return cmd_fail(c, _("can't convert negative value to unsigned int"));
	if (x > 0xffffffffLL)
		return cmd_fail(c, _("int larger than 32 bits"));
	long long r = bits == 16 ? (to_net ? htons((uint16_t)x) : ntohs((uint16_t)x))
	                         : (to_net ? htonl((uint32_t)x) : ntohl((uint32_t)x));
	c->result = v_int(r);
	return CMD_OK;
}

static enum cmd_status do_htons(struct cmd_call *c)
{
	return byte_order(c, 16, true);
}

static enum cmd_status do_ntohs(struct cmd_call *c)
{
	return byte_order(c, 16, false);
}

static enum cmd_status do_htonl(struct cmd_call *c)
{
	return byte_order(c, 32, true);
}

static enum cmd_status do_ntohl(struct cmd_call *c)
{
	return byte_order(c, 32, false);
}

static enum cmd_status do_inet_aton(struct cmd_call *c)
{
	struct in_addr a;
	const struct value *s = c->argv[0];
	if (strlen(s->u.s.p) != s->u.s.len || !inet_aton(s->u.s.p, &a))
		return cmd_fail(c, _("illegal IP address string passed to inet_aton"));
	c->result = v_bytes(&a, sizeof a);
	return CMD_OK;
}

static enum cmd_status do_inet_ntoa(struct cmd_call *c)
{
	const struct value *b = c->argv[0];
	if (!v_is_bytes_like(b))
		return cmd_fail(c, _("a bytes-like object is required, not '%s'"),
		                v_type_name(b));
	if (b->u.s.len != 4)
		return cmd_fail(c, _("packed IP wrong length for inet_ntoa"));
	struct in_addr a;
	memcpy(&a, b->u.s.p, 4);
	c->result = v_cstr(inet_ntoa(a));
	return CMD_OK;
}

static enum cmd_status do_inet_pton(struct cmd_call *c)
{
	int family = (int)arg_int(c, 0, 0);
	unsigned char buf[16];
	if (family != AF_INET && family != AF_INET6)
		return cmd_errno(c, EAFNOSUPPORT);
	if (inet_pton(family, c->argv[1]->u.s.p, buf) != 1)
		return cmd_fail(c, _("illegal IP address string passed to inet_pton"));
	c->result = v_bytes(buf, family == AF_INET ? 4 : 16);
	return CMD_OK;
}

static enum cmd_status do_inet_ntop(struct cmd_call *c)
{
	int family = (int)arg_int(c, 0, 0);
	const struct value *b = c->argv[1];
	if (family != AF_INET && family != AF_INET6)
		return cmd_errno(c, EAFNOSUPPORT);
	if (!v_is_bytes_like(b))
		return cmd_fail(c, _("a bytes-like object is required, not '%s'"),
		                v_type_name(b));
	if (b->u.s.len != (family == AF_INET ? 4u : 16u))
		return cmd_fail(c, _("invalid length of packed IP address string"));
	char out[INET6_ADDRSTRLEN];
	inet_ntop(family, b->u.s.p, out, sizeof out);
	c->result = v_cstr(out);
	return CMD_OK;
}

const struct cmd_entry cmd_inet_table[] = {
	{.name = "htons", .group = "byte order", .params = {{"x", P_INT, 0}},
	 .py = PY_TUPLE,
	 .exec = do_htons, .usage = "INT16",
	 .summary = N_("host to network byte order, 16 bits (ports)"),
	 .python = "socket.htons(80)", .c_call = "htons(3)",
	 .errors = N_("Python int too large: more than 16 bits\n"), .example = "htons 80"},
	{.name = "ntohs", .group = "byte order", .params = {{"x", P_INT, 0}},
	 .py = PY_TUPLE,
	 .exec = do_ntohs, .usage = "INT16",
	 .summary = N_("network to host byte order, 16 bits"),
	 .python = "socket.ntohs(20480)", .c_call = "ntohs(3)",
	 .errors = N_("Python int too large: more than 16 bits\n"), .example = "ntohs 20480"},
	{.name = "htonl", .group = "byte order", .py = PY_O,
	 .params = {{"x", P_INT, 0, "expected int, %s found"}},
	 .exec = do_htonl, .usage = "INT32",
	 .summary = N_("host to network byte order, 32 bits (IPv4 addresses)"),
	 .python = "socket.htonl(1)", .c_call = "htonl(3)",
	 .errors = N_("int larger than 32 bits\n"), .example = "htonl 1"},
	{.name = "ntohl", .group = "byte order", .py = PY_O,
	 .params = {{"x", P_INT, 0, "expected int, %s found"}},
	 .exec = do_ntohl, .usage = "INT32",
	 .summary = N_("network to host byte order, 32 bits"),
	 .python = "socket.ntohl(16777216)", .c_call = "ntohl(3)",
	 .errors = N_("int larger than 32 bits\n"), .example = "ntohl 1"},
	{.name = "inet_aton", .group = "addresses", .params = {{"ip", P_STR, 0}},
	 .py = PY_TUPLE,
	 .exec = do_inet_aton, .usage = "IPV4",
	 .summary = N_("dotted IPv4 text to 4 packed bytes"),
	 .python = "socket.inet_aton('10.0.0.1')", .c_call = "inet_aton(3)",
	 .errors = N_("illegal IP address string: not an IPv4 address\n"),
	 .example = "inet_aton 192.168.1.1"},
	{.name = "inet_ntoa", .group = "addresses", .params = {{"packed", P_ANY, 0}},
	 .py = PY_TUPLE,
	 .exec = do_inet_ntoa, .usage = "BYTES4",
	 .summary = N_("4 packed bytes to dotted IPv4 text"),
	 .python = "socket.inet_ntoa(b'\\x7f\\0\\0\\1')", .c_call = "inet_ntoa(3)",
	 .errors = N_("packed IP wrong length: not 4 bytes\n"),
	 .example = "inet_ntoa x'7f000001'"},
	{.name = "inet_pton", .group = "addresses",
	 .py = PY_TUPLE,
	 .params = {{"family", P_FAMILY, 0}, {"ip", P_STR, 0}},
	 .exec = do_inet_pton, .usage = "FAMILY TEXT",
	 .summary = N_("IPv4 or IPv6 text to packed bytes"),
	 .python = "socket.inet_pton(AF_INET6, '::1')", .c_call = "inet_pton(3)",
	 .errors = N_("illegal IP address string: not an address of that family\n"),
	 .example = "inet_pton AF_INET6 ::1"},
	{.name = "inet_ntop", .group = "addresses",
	 .py = PY_TUPLE,
	 .params = {{"family", P_FAMILY, 0}, {"packed", P_ANY, 0}},
	 .exec = do_inet_ntop, .usage = "FAMILY BYTES",
	 .summary = N_("packed bytes to IPv4 or IPv6 text"),
	 .python = "socket.inet_ntop(AF_INET6, packed)", .c_call = "inet_ntop(3)",
	 .errors = N_("invalid length: 4 bytes for AF_INET, 16 for AF_INET6\n"),
	 .example = "inet_ntop AF_INET x'7f000001'"},
	{.name = NULL},
};
