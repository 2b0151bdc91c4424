/* common.c - argument helpers for handlers. */
#include "common.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "../../core/sock.h"
#include "../lang/sockaddr.h"
#include "../wire/wire.h"
#include "../../core/sockopt.h"

long long arg_int(const struct cmd_call *c, int k, long long dflt)
{
	const struct value *v = c->argv[k];
	return v && v->type != T_NONE ? v_int_of(v) : dflt;
}

int arg_c_int(struct cmd_call *c, int k, int dflt, int *out)
{
	long long v = arg_int(c, k, dflt);
	if (v < INT_MIN || v > INT_MAX)
		return cmd_fail(c, _("Python int too large to convert to C int")), -1;
	*out = (int)v;
	return 0;
}

double arg_timeout(const struct cmd_call *c, int k, double dflt)
{
	const struct value *v = c->argv[k];
	if (!v)
		return dflt;
	if (v->type == T_NONE)
		return -1;
	/* Whole nanoseconds, as Python keeps it: settimeout(0.1 + 0.2) then
	 * gettimeout() is 0.300000001. The binder refused an overflow. */
	long long ns = 0;
	v_seconds_ns(v, &ns);
	return ns_seconds(ns);
}

void arg_data(const struct value *v, const char **p, size_t *len)
{
	*p = v->u.s.p;
	*len = v->u.s.len;
}

int arg_sockaddr(struct cmd_call *c, const struct sockobj *s,
                 const struct value *v, struct sk_addr *out)
{
	char *cause = NULL;
	if (sockaddr_from_value(s->family, v, out, &cause)) {
		free(c->cause);
		c->cause = cause;
		if (c->sh && v == c->addr)
			shell_error_at(c->sh, c->addr_from, c->addr_to);
		return -1;
	}
	return 0;
}

struct value *new_socket(struct shell *sh, int fd, int family, int type,
                         int proto)
{
	double t = sh->default_timeout;
	/* Python keeps the type without its creation flags. */
	int base = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
	if (type & SOCK_NONBLOCK)
		t = 0;
	if (t >= 0)
		sk_set_nonblock(fd, true);
	if (family == AF_UNIX)
		wire_note_unix();
	return v_socket(fd, family, base, proto, t);
}

/* A decoded option as the value Python would give (names where the
 * contract asks for them). */
struct value *optval_to_value(const struct optval *o)
{
	switch (o->type) {
	case OT_LINGER:
		return v_tuple(2, v_int(o->pair[0]), v_int(o->pair[1]));
	case OT_TIMEVAL:
		return v_float(o->f);
	case OT_SOCKTYPE:
		return v_const(CK_SOCK, o->i);
	case OT_FAMILY:
		return v_const(CK_AF, o->i);
	case OT_PROTOCOL:
		return v_const(CK_IPPROTO, o->i);
	case OT_ERRNO:
		return v_const(CK_ERRNO, o->i);
	case OT_STRING:
	case OT_INADDR:
		return v_cstr(o->s);
	case OT_UCRED:
	case OT_STRUCT: {
		struct value **items = xmalloc(sizeof *items * (2 * (size_t)o->nfields + 1));
		for (int i = 0; i < o->nfields; i++) {
			items[2 * i] = v_cstr(o->fields[i].key);
			items[2 * i + 1] = v_int(o->fields[i].val);
		}
		struct value *d = v_seq(T_DICT, items, 2 * (size_t)o->nfields);
		free(items);
		return d;
	}
	case OT_BYTES:
		return v_bytes(o->raw, o->rawlen);
	default:
		return v_int(o->i);
	}
}


/* The sockets already visited, so `_` adds only those no name holds. */
struct seen {
	const struct value **p;
	size_t n;
};

static bool seen_before(const struct seen *s, const struct value *v)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->p[i] == v)
			return true;
	return false;
}

/* Each socket in V, a tuple or list named as Python indexes it: conn[0],
 * pair[1]. With ONLY_NEW, sockets visited already are left out. */
static void walk_value(const char *name, const struct value *v,
                       struct seen *s, bool only_new, sock_visit_fn fn,
                       void *ctx)
{
	if (v->type == T_SOCKET) {
		if (only_new && seen_before(s, v))
			return;
		fn(ctx, name, v);
		s->p = xgrow(s->p, s->n, sizeof *s->p);
		s->p[s->n++] = v;
		return;
	}
	if (!v_is_seq(v))
		return;
	for (size_t i = 0; i < v->u.seq.n; i++) {
		char *item = xasprintf("%s[%zu]", name, i);
		walk_value(item, v->u.seq.items[i], s, only_new, fn, ctx);
		free(item);
	}
}

void walk_sockets(struct shell *sh, sock_visit_fn fn, void *ctx)
{
	struct seen seen = {0};
	size_t n;
	const char **names = vars_names(&sh->vars, &n);
	for (size_t i = 0; i < n; i++)
		walk_value(names[i], vars_get(&sh->vars, names[i]), &seen, false,
		           fn, ctx);
	free(names);
	/* The last value (a forgotten `s.accept()`) holds its sockets too. */
	if (sh->last && !vars_get(&sh->vars, "_"))
		walk_value("_", sh->last, &seen, true, fn, ctx);
	free(seen.p);
}

const char *arg_service(const struct value *v, char *buf, size_t n)
{
	if (!v || v->type == T_NONE)
		return NULL;
	/* Python passes an int port as its decimal text. */
	if (v_is_int(v)) {
		snprintf(buf, n, "%lld", v_int_of(v));
		return buf;
	}
	return v->u.s.p;
}
