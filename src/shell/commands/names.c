/* names.c - the socket module's name look-ups: getaddrinfo, getnameinfo,
 * the host, protocol and service databases and the interfaces. Every
 * look-up is the core's (core/resolve.c), which refuses them while system
 * calls are refused. */
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/resolve.h"
#include "../lang/sockaddr.h"
#include "common.h"

static struct value *addrinfo_value(const struct addrinfo *ai)
{
	struct sk_addr a;
	memcpy(&a.ss, ai->ai_addr, ai->ai_addrlen);
	a.len = ai->ai_addrlen;
	return v_tuple(5, v_const(CK_AF, ai->ai_family),
	               v_const(CK_SOCK, ai->ai_socktype), v_int(ai->ai_protocol),
	               v_cstr(ai->ai_canonname ? ai->ai_canonname : ""),
	               sockaddr_value(&a));
}

static enum cmd_status do_getaddrinfo(struct cmd_call *c)
{
	char port[32];
	const struct value *h = c->argv[0];
	const char *host = h->type == T_NONE ? NULL : h->u.s.p;
	const char *serv = arg_service(c->argv[1], port, sizeof port);
	struct addrinfo hints = {
		.ai_family = (int)arg_int(c, 2, 0),
		.ai_socktype = (int)arg_int(c, 3, 0),
		.ai_protocol = (int)arg_int(c, 4, 0),
		.ai_flags = (int)arg_int(c, 5, 0),
	};
	struct addrinfo *res;
	int e = res_getaddrinfo(host, serv, &hints, &res);
	if (e)
		return cmd_gai(c, e);
	size_t n = 0;
	for (struct addrinfo *ai = res; ai; ai = ai->ai_next)
		n++;
	struct value **items = xmalloc(sizeof *items * (n ? n : 1));
	n = 0;
	for (struct addrinfo *ai = res; ai; ai = ai->ai_next)
		items[n++] = addrinfo_value(ai);
	res_freeaddrinfo(res);
	c->result = v_seq(T_LIST, items, n);
	free(items);
	return CMD_OK;
}

/* A sockaddr tuple as getnameinfo reads it; flowinfo and scope_id as
 * Python's "I" takes them, masked to 32 bits. */
static int nameinfo_query(struct cmd_call *c, struct ni_query *q)
{
	const struct value *t = c->argv[0];
	if (!v_is_seq(t))
		return cmd_fail(c, _("argument 1 must be a tuple")), -1;
	struct value **it = t->u.seq.items;
	size_t n = t->u.seq.n;
	bool ints = n < 3 || (v_is_int(it[2]) && (n < 4 || v_is_int(it[3])));
	if (n < 2 || n > 4 || it[0]->type != T_STR || !v_is_int(it[1]) || !ints ||
	    v_int_of(it[1]) < INT_MIN || v_int_of(it[1]) > INT_MAX)
		return cmd_fail(c, _("illegal sockaddr argument")), -1;
	*q = (struct ni_query){.host = it[0]->u.s.p, .port = (int)v_int_of(it[1]),
	                       .nparts = (int)n};
	q->flowinfo = n > 2 ? (unsigned)v_int_of(it[2]) : 0;
	q->scope_id = n > 3 ? (unsigned)v_int_of(it[3]) : 0;
	return 0;
}

static enum cmd_status do_getnameinfo(struct cmd_call *c)
{
	struct ni_query q;
	if (nameinfo_query(c, &q))
		return CMD_ERROR;
	char host[NI_MAXHOST], serv[NI_MAXSERV];
	int e = res_getnameinfo(&q, (int)arg_int(c, 1, 0), host, sizeof host, serv,
	                        sizeof serv);
	if (e == RES_EFLOWINFO)
		return cmd_fail(c, _("flowinfo must be 0-1048575."));
	if (e == RES_EIPV4TUPLE)
		return cmd_fail(c, _("IPv4 sockaddr must be 2 tuple"));
	if (e)
		return cmd_gai(c, e);
	c->result = v_tuple(2, v_cstr(host), v_cstr(serv));
	return CMD_OK;
}

/* A look-up that answers a text or an errno. */
static enum cmd_status text_result(struct cmd_call *c, int e, const char *text)
{
	if (e)
		return cmd_errno(c, e);
	c->result = v_cstr(text);
	return CMD_OK;
}

static enum cmd_status do_gethostname(struct cmd_call *c)
{
	char buf[HOST_NAME_MAX + 1];
	return text_result(c, res_gethostname(buf, sizeof buf), buf);
}

static enum cmd_status do_getfqdn(struct cmd_call *c)
{
	char out[NI_MAXHOST];
	const char *name = c->argv[0] ? c->argv[0]->u.s.p : "";
	return text_result(c, res_getfqdn(name, out, sizeof out), out);
}

static enum cmd_status do_gethostbyname(struct cmd_call *c)
{
	char out[INET_ADDRSTRLEN];
	int e = res_gethostbyname(c->argv[0]->u.s.p, out, sizeof out);
	if (e)
		return cmd_gai(c, e);
	c->result = v_cstr(out);
	return CMD_OK;
}

static struct value *str_list(char **list)
{
	size_t n = 0;
	while (list && list[n])
		n++;
	struct value **items = xmalloc(sizeof *items * (n ? n : 1));
	for (size_t i = 0; i < n; i++)
		items[i] = v_cstr(list[i]);
	struct value *v = v_seq(T_LIST, items, n);
	free(items);
	return v;
}

static struct value *hostent_value(const struct hostent *h)
{
	size_t n = 0;
	while (h->h_addr_list[n])
		n++;
	struct value **items = xmalloc(sizeof *items * (n ? n : 1));
	for (size_t i = 0; i < n; i++) {
		char out[INET6_ADDRSTRLEN];
		inet_ntop(h->h_addrtype, h->h_addr_list[i], out, sizeof out);
		items[i] = v_cstr(out);
	}
	struct value *addrs = v_seq(T_LIST, items, n);
	free(items);
	return v_tuple(3, v_cstr(h->h_name), str_list(h->h_aliases), addrs);
}

/* A hostent answer: the value, a gaierror, or herror's "[Errno N] ...". */
static enum cmd_status host_result(struct cmd_call *c, int e,
                                   const struct res_host *h, int herr)
{
	if (e == RES_EHOST)
		return cmd_fail(c, _("[Errno %d] %s"), herr, hstrerror(herr));
	if (e)
		return cmd_gai(c, e);
	c->result = hostent_value(&h->he);
	return CMD_OK;
}

static enum cmd_status do_gethostbyname_ex(struct cmd_call *c)
{
	struct res_host h;
	int herr = 0;
	int e = res_gethostbyname_ex(c->argv[0]->u.s.p, &h, &herr);
	return host_result(c, e, &h, herr);
}

static enum cmd_status do_gethostbyaddr(struct cmd_call *c)
{
	struct res_host h;
	int herr = 0;
	int e = res_gethostbyaddr(c->argv[0]->u.s.p, &h, &herr);
	return host_result(c, e, &h, herr);
}

static enum cmd_status do_getprotobyname(struct cmd_call *c)
{
	int proto;
	int e = res_getprotobyname(c->argv[0]->u.s.p, &proto);
	if (e == ENOENT)
		return cmd_fail(c, _("protocol not found"));
	if (e)
		return cmd_errno(c, e);
	c->result = v_int(proto);
	return CMD_OK;
}

static enum cmd_status do_getservbyname(struct cmd_call *c)
{
	int port;
	const char *proto = c->argv[1] ? c->argv[1]->u.s.p : NULL;
	int e = res_getservbyname(c->argv[0]->u.s.p, proto, &port);
	if (e == ENOENT)
		return cmd_fail(c, _("service/proto not found"));
	if (e)
		return cmd_errno(c, e);
	c->result = v_int(port);
	return CMD_OK;
}

static enum cmd_status do_getservbyport(struct cmd_call *c)
{
	long long port = arg_int(c, 0, 0);
	if (port < 0 || port > 65535)
		return cmd_fail(c, _("port must be 0-65535."));
	char name[256];
	const char *proto = c->argv[1] ? c->argv[1]->u.s.p : NULL;
	int e = res_getservbyport((int)port, proto, name, sizeof name);
	if (e == ENOENT)
		return cmd_fail(c, _("port/proto not found"));
	if (e)
		return cmd_errno(c, e);
	c->result = v_cstr(name);
	return CMD_OK;
}

static enum cmd_status do_if_nameindex(struct cmd_call *c)
{
	struct if_nameindex *ifs;
	int e = res_if_nameindex(&ifs);
	if (e)
		return cmd_errno(c, e);
	size_t n = 0;
	while (ifs[n].if_index)
		n++;
	struct value **items = xmalloc(sizeof *items * (n ? n : 1));
	for (size_t i = 0; i < n; i++)
		items[i] = v_tuple(2, v_int(ifs[i].if_index), v_cstr(ifs[i].if_name));
	res_if_freenameindex(ifs);
	c->result = v_seq(T_LIST, items, n);
	free(items);
	return CMD_OK;
}

static enum cmd_status do_if_nametoindex(struct cmd_call *c)
{
	unsigned idx;
	int e = res_if_nametoindex(c->argv[0]->u.s.p, &idx);
	if (e == EPERM)
		return cmd_errno(c, e);
	if (e)
		return cmd_fail(c, _("no interface with this name"));
	c->result = v_int(idx);
	return CMD_OK;
}

static enum cmd_status do_if_indextoname(struct cmd_call *c)
{
	char name[IF_NAMESIZE];
	long long idx = arg_int(c, 0, 0);
	if (idx < 0 || idx > UINT_MAX)
		return cmd_fail(c, _("index must be 0-%u"), UINT_MAX);
	return text_result(c, res_if_indextoname((unsigned)idx, name), name);
}

const struct cmd_entry cmd_names_table[] = {
	{.name = "getaddrinfo", .group = "names",
	 .py = PY_DEF,
	 .params = {{"host", P_HOST, 0}, {"port", P_SERVICE, 0},
	            {"family", P_FAMILY, PF_OPT}, {"type", P_SOCKTYPE, PF_OPT},
	            {"proto", P_PROTO, PF_OPT}, {"flags", P_AIFLAGS, PF_OPT}},
	 .exec = do_getaddrinfo, .usage = "HOST PORT [FAMILY [TYPE [PROTO [FLAGS]]]]",
	 .summary = N_("resolve a host and service into addresses to connect or bind to"),
	 .python = "socket.getaddrinfo(host, port)", .c_call = "getaddrinfo(3)",
	 .errors = N_("EAI_NONAME: the name does not resolve\n"
	           "EAI_SERVICE: the service is unknown for that type\n"
	           "EAI_AGAIN: the resolver could not be reached\n"),
	 .example = "getaddrinfo localhost 80 AF_INET SOCK_STREAM"},
	{.name = "getnameinfo", .group = "names",
	 .py = PY_TUPLE,
	 .params = {{"sockaddr", P_HOSTPORT, 0}, {"flags", P_NIFLAGS, 0}},
	 .exec = do_getnameinfo, .usage = "ADDRESS FLAGS",
	 .summary = N_("an address back to (host, service) names"),
	 .python = "socket.getnameinfo(('127.0.0.1', 80), 0)",
	 .c_call = "getnameinfo(3)",
	 .errors = N_("EAI_NONAME: with NI_NAMEREQD, no name for the address\n"),
	 .example = "getnameinfo 127.0.0.1 80 NI_NUMERICSERV"},
	{.name = "gethostname", .group = "names", .exec = do_gethostname,
	 .py = PY_NOARGS,
	 .usage = "", .summary = N_("this machine's host name"),
	 .python = "socket.gethostname()", .c_call = "gethostname(2)",
	 .errors = "", .example = "gethostname"},
	{.name = "getfqdn", .group = "names",
	 .params = {{"name", P_STR, PF_OPT | PF_PYANY}},
	 .py = PY_DEF,
	 .exec = do_getfqdn, .usage = "[NAME]",
	 .summary = N_("the fully qualified name of NAME (default: this host)"),
	 .python = "socket.getfqdn()", .c_call = "getaddrinfo(3) + getnameinfo(3)",
	 .errors = "", .example = "getfqdn"},
	{.name = "gethostbyname", .group = "names", .py = PY_TUPLE,
	 .params = {{"hostname", P_STRBYTES, 0}},
	 .exec = do_gethostbyname, .usage = "NAME",
	 .summary = N_("the first IPv4 address of a name (old API: prefer getaddrinfo)"),
	 .python = "socket.gethostbyname('localhost')", .c_call = "gethostbyname(3)",
	 .errors = N_("EAI_NONAME: the name does not resolve\n"),
	 .example = "gethostbyname localhost"},
	{.name = "gethostbyname_ex", .group = "names",
	 .py = PY_TUPLE,
	 .params = {{"hostname", P_STRBYTES, 0}},
	 .exec = do_gethostbyname_ex, .usage = "NAME",
	 .summary = N_("(name, aliases, IPv4 addresses) of a host"),
	 .python = "socket.gethostbyname_ex('localhost')",
	 .c_call = "gethostbyname_r(3)",
	 .errors = N_("[Errno 1] Unknown host: the name does not resolve\n"),
	 .example = "gethostbyname_ex localhost"},
	{.name = "gethostbyaddr", .group = "names", .py = PY_TUPLE,
	 .params = {{"ip", P_STRBYTES, 0}},
	 .exec = do_gethostbyaddr, .usage = "ADDRESS",
	 .summary = N_("(name, aliases, addresses) for an address (reverse lookup)"),
	 .python = "socket.gethostbyaddr('127.0.0.1')",
	 .c_call = "gethostbyaddr_r(3)",
	 .errors = N_("[Errno 1] Unknown host: no name for that address\n"),
	 .example = "gethostbyaddr 127.0.0.1"},
	{.name = "getprotobyname", .group = "names",
	 .py = PY_TUPLE,
	 .params = {{"protocolname", P_STR, 0}},
	 .exec = do_getprotobyname, .usage = "NAME",
	 .summary = N_("the number of a protocol from /etc/protocols"),
	 .python = "socket.getprotobyname('tcp')", .c_call = "getprotobyname(3)",
	 .errors = N_("protocol not found: not in /etc/protocols\n"),
	 .example = "getprotobyname tcp"},
	{.name = "getservbyname", .group = "names",
	 .py = PY_TUPLE,
	 .params = {{"servicename", P_STR, 0}, {"protocolname", P_STR, PF_OPT}},
	 .exec = do_getservbyname, .usage = "NAME [PROTO]",
	 .summary = N_("the port of a service from /etc/services"),
	 .python = "socket.getservbyname('http', 'tcp')",
	 .c_call = "getservbyname(3)",
	 .errors = N_("service/proto not found: not in /etc/services\n"),
	 .example = "getservbyname http tcp"},
	{.name = "getservbyport", .group = "names",
	 .py = PY_TUPLE,
	 .params = {{"port", P_INT, PF_CINT}, {"protocolname", P_STR, PF_OPT}},
	 .exec = do_getservbyport, .usage = "PORT [PROTO]",
	 .summary = N_("the service name of a port from /etc/services"),
	 .python = "socket.getservbyport(80)", .c_call = "getservbyport(3)",
	 .errors = N_("port/proto not found: not in /etc/services\n"),
	 .example = "getservbyport 80"},
	{.name = "if_nameindex", .group = "names", .exec = do_if_nameindex,
	 .py = PY_NOARGS,
	 .usage = "", .summary = N_("the network interfaces: [(index, name), ...]"),
	 .python = "socket.if_nameindex()", .c_call = "if_nameindex(3)",
	 .errors = "", .example = "if_nameindex"},
	{.name = "if_nametoindex", .group = "names",
	 .py = PY_TUPLE,
	 .params = {{"ifname", P_STRBYTES, 0,
	             "expected str, bytes or os.PathLike object, not %s"}},
	 .exec = do_if_nametoindex, .usage = "NAME",
	 .summary = N_("the index of an interface"), .python = "socket.if_nametoindex('lo')",
	 .c_call = "if_nametoindex(3)",
	 .errors = N_("no interface with this name\n"), .example = "if_nametoindex lo"},
	{.name = "if_indextoname", .group = "names",
	 .py = PY_O,
	 .params = {{"ifindex", P_INT, 0, "an integer is required"}},
	 .exec = do_if_indextoname, .usage = "INDEX",
	 .summary = N_("the name of an interface"), .python = "socket.if_indextoname(1)",
	 .c_call = "if_indextoname(3)",
	 .errors = N_("ENXIO: no interface has that index\n"), .example = "if_indextoname 1"},
	{.name = NULL},
};
