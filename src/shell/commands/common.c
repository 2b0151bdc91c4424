/* common.c - argument helpers for handlers. */
#include "common.h"

#include <stdlib.h>

#include "../../core/sock.h"
#include "../sockaddr.h"

long long arg_int(const struct cmd_call *c, int k, long long dflt)
{
	const struct value *v = c->argv[k];
	return v && v->type != T_NONE ? v_int_of(v) : dflt;
}

double arg_timeout(const struct cmd_call *c, int k, double dflt)
{
	const struct value *v = c->argv[k];
	if (!v)
		return dflt;
	if (v->type == T_NONE)
		return -1;
	return v->type == T_FLOAT ? v->u.f : (double)v_int_of(v);
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
	return v_socket(fd, family, base, proto, t);
}
