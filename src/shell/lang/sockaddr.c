/* sockaddr.c - socket addresses as Python shows and takes them. */
#include "sockaddr.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "errtext.h"
#include "../../core/i18n.h"
#include "../strbuf.h"
#include "../utf8.h"

/* A path as Python's os.fsdecode makes a str of it: a byte that is not
 * UTF-8 becomes a surrogate ('\udcff'), so the str gives the bytes back. */
static struct value *path_value(const unsigned char *p, size_t len)
{
	struct strbuf b = {0};
	utf8_fsdecode(&b, p, len);
	struct value *v = v_str(b.p ? b.p : "", b.len);
	free(b.p);
	return v;
}

struct value *sockaddr_value(const struct sk_addr *a)
{
	struct addr_parts p;
	if (a->len == 0)
		return v_none();
	int e = addr_decode((const struct sockaddr *)&a->ss, a->len, &p);
	if (e) {
		const struct sockaddr *sa = (const void *)&a->ss;
		return v_tuple(2, v_const(CK_AF, sa->sa_family),
		               v_bytes(sa->sa_data, a->len > 2 ? a->len - 2 : 0));
	}
	switch (p.family) {
	case AF_INET:
		return v_tuple(2, v_cstr(p.host), v_int(p.port));
	case AF_INET6:
		return v_tuple(4, v_cstr(p.host), v_int(p.port),
		               v_int(p.flowinfo), v_int(p.scope_id));
	default:
		/* Abstract names are bytes in Python, paths are str. */
		if (p.pathlen && p.path[0] == '\0')
			return v_bytes(p.path, p.pathlen);
		return path_value(p.path, p.pathlen);
	}
}

static const char *family_name(int family)
{
	const struct sk_const *c = const_by_value(CK_AF, family);
	return c ? c->name : _("this family");
}

static int fail(char **cause, char *msg)
{
	*cause = msg;
	return -1;
}

static int unix_from_value(const struct value *v, struct sk_addr *out,
                           char **cause)
{
	if (v->type != T_STR && !v_is_bytes_like(v))
		return fail(cause, xasprintf(_("AF_UNIX address must be str or "
		                               "bytes, not %s"),
		                             v_type_name(v)));
	struct strbuf b = {0};
	if (v->type == T_STR)
		utf8_fsencode(&b, v->u.s.p, v->u.s.len);
	else
		sb_add(&b, v->u.s.p, v->u.s.len);
	int e = addr_unix(b.p ? b.p : "", b.len, out);
	free(b.p);
	if (e)
		return fail(cause, xstrdup(_("AF_UNIX path too long")));
	return 0;
}

/* Ranges are checked before addr_inet, so what is left is the resolver's
 * answer or a family mismatch. */
static int inet_error(int e, int is_gai, char **cause)
{
	if (is_gai)
		return fail(cause, fmt_gai(e));
	if (e == EAFNOSUPPORT)
		return fail(cause, xstrdup(_("address family mismatched")));
	return fail(cause, fmt_errno(e));
}

static int inet_from_value(int family, const struct value *v,
                           struct sk_addr *out, char **cause)
{
	size_t max = family == AF_INET ? 2 : 4;
	if (v->type != T_TUPLE && v->type != T_LIST)
		return fail(cause, xasprintf(_("%s address must be a tuple "
		                               "(host, port), not %s"),
		                             family_name(family),
		                             v_type_name(v)));
	size_t n = v->u.seq.n;
	if (n < 2 || n > max)
		return fail(cause, xasprintf(max == 2
		                                 ? _("%s address must be a tuple of 2 "
		                                     "items, not %zu")
		                                 : _("%s address must be a tuple of 2 "
		                                     "to 4 items, not %zu"),
		                             family_name(family), n));
	struct value *const *it = v->u.seq.items;
	if (it[0]->type != T_STR && it[0]->type != T_NONE)
		return fail(cause, xasprintf(_("host must be str, not %s"),
		                             v_type_name(it[0])));
	for (size_t i = 1; i < n; i++)
		if (!v_is_int(it[i]))
			return fail(cause, xasprintf(_("%s must be int, not %s"),
			                             i == 1 ? "port" : i == 2 ? "flowinfo" : "scope_id",
			                             v_type_name(it[i])));
	const char *host = it[0]->type == T_STR ? it[0]->u.s.p : "";
	if (it[0]->type == T_STR && strlen(host) != it[0]->u.s.len)
		return fail(cause, xstrdup(_("host contains a NUL byte")));
	long long port = v_int_of(it[1]);
	long long flow = n > 2 ? v_int_of(it[2]) : 0;
	long long scope = n > 3 ? v_int_of(it[3]) : 0;
	if (port < 0 || port > 65535)
		return fail(cause, xstrdup(_("port must be 0-65535.")));
	if (flow < 0 || flow > 0xfffff)
		return fail(cause, xstrdup(_("flowinfo must be 0-1048575.")));
	if (scope < 0 || scope > 0xffffffffLL)
		return fail(cause, xstrdup(_("scope_id must be 0-4294967295.")));
	int is_gai = 0;
	int e = addr_inet(family, host, (long)port, (unsigned long)flow,
	                  (unsigned long)scope, out, &is_gai);
	return e ? inet_error(e, is_gai, cause) : 0;
}

int sockaddr_from_value(int family, const struct value *v,
                        struct sk_addr *out, char **cause)
{
	switch (family) {
	case AF_UNIX:
		return unix_from_value(v, out, cause);
	case AF_INET:
	case AF_INET6:
		return inet_from_value(family, v, out, cause);
	default:
		return fail(cause, xasprintf(_("addresses of %s are not supported"),
		                             family_name(family)));
	}
}
