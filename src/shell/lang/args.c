/* args.c - binding a call's arguments to its command's parameters. Every
 * argument is checked and converted here, by position and name, before a
 * handler runs: the lenient checks of the shell form, Python's own for the
 * Python form (pysig.c), and the kind of constant each parameter takes.
 * The caller evaluates the arguments; this file never prints. */
#include "args.h"

#include <math.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "../../core/i18n.h"
#include "pysig.h"
#include "../strbuf.h"
#include "suggest.h"

struct binder {
	const struct vartab *vars; /* for did-you-mean hints */
	char **err;                /* where an error goes */
	const struct cmd_entry *e;
	struct cmd_call *c;
	struct value **vals; /* evaluated positional arguments */
	char **words;        /* the unquoted text of each, or NULL */
	size_t nvals, j;
	bool method; /* self came from NAME.METHOD: positions start after it */
	/* The constant each value was written as by name, or NULL. */
	const struct sk_const **named;
	struct node **argn; /* the node of each value (NULL for self) */
	struct node *n;     /* the call, NULL for an attribute */
	bool pyform;        /* checked as Python checks it (pysig.c) */
	size_t at[CMD_MAXARGS]; /* the value each parameter took */
	size_t skipped, skipped_at; /* an optional PF_IFINT left out, or SIZE_MAX */
	struct node **bad; /* set to the argument an error is about */
};

static int bind_fail(struct binder *b, size_t k, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int bind_fail(struct binder *b, size_t k, const char *fmt, ...)
{
	struct strbuf s = {0};
	size_t pos = k + (b->method ? 0 : 1);
	sb_printf(&s, _("%s: argument %zu (%s): "), b->c->callname, pos,
	          b->e->params[k].name);
	va_list ap;
	va_start(ap, fmt);
	sb_vprintf(&s, fmt, ap);
	va_end(ap);
	free(*b->err);
	*b->err = sb_take(&s);
	if (b->bad && b->at[k] < b->nvals)
		*b->bad = b->argn[b->at[k]];
	return -1;
}

/* The binder's error, set as every pending error is. */
#define args_fail(b, ...) sb_set((b)->err, __VA_ARGS__)

#define KB(k) (1u << (k))
#define ANY_KIND (~0u)

/* Every parameter type: raw or evaluated, the constants that fit (CK_OTHER
 * fits anywhere, as plain numbers do), the prefixes a did-you-mean looks
 * among, and what completion offers. */
static const struct ptype_info ptypes[] = {
	[P_ANY] = {P_ANY, false, ANY_KIND, {""}, OFFER_VARS_CONSTS},
	[P_SOCK] = {P_SOCK, false, ANY_KIND, {""}, OFFER_SOCKETS},
	[P_INT] = {P_INT, false, ANY_KIND, {""}, OFFER_VARS_CONSTS},
	[P_FAMILY] = {P_FAMILY, false, KB(CK_AF), {"AF_"}, OFFER_KIND},
	[P_SOCKTYPE] = {P_SOCKTYPE, false, KB(CK_SOCK), {"SOCK_"}, OFFER_KIND},
	[P_PROTO] = {P_PROTO, false, KB(CK_IPPROTO), {"IPPROTO_"}, OFFER_KIND},
	[P_LEVEL] = {P_LEVEL, false, KB(CK_SOL) | KB(CK_IPPROTO), {"SOL_", "IPPROTO_"},
	 OFFER_LEVELS},
	[P_OPTNAME] = {P_OPTNAME, false, KB(CK_SO) | KB(CK_TCP) | KB(CK_IP) | KB(CK_IPV6) |
	 KB(CK_UDP), {"SO_", "TCP_", "IP_", "IPV6_", "UDP_"}, OFFER_OPTIONS},
	[P_MSGFLAGS] = {P_MSGFLAGS, false, KB(CK_MSG), {"MSG_"}, OFFER_KIND},
	[P_HOW] = {P_HOW, false, KB(CK_SHUT), {"SHUT_"}, OFFER_KIND},
	[P_AIFLAGS] = {P_AIFLAGS, false, KB(CK_AI), {"AI_"}, OFFER_KIND},
	[P_NIFLAGS] = {P_NIFLAGS, false, KB(CK_NI), {"NI_"}, OFFER_KIND},
	[P_TIMEOUT] = {P_TIMEOUT, false, ANY_KIND, {""}, OFFER_TIMEOUT},
	[P_FLOAT] = {P_FLOAT, false, ANY_KIND, {""}, OFFER_VARS},
	[P_BOOL] = {P_BOOL, false, ANY_KIND, {""}, OFFER_BOOL},
	[P_DATA] = {P_DATA, false, ANY_KIND, {""}, OFFER_VARS},
	[P_STR] = {P_STR, false, ANY_KIND, {""}, OFFER_NOTHING},
	[P_STRBYTES] = {P_STRBYTES, false, ANY_KIND, {""}, OFFER_NOTHING},
	[P_FILE] = {P_FILE, false, ANY_KIND, {""}, OFFER_FILES},
	[P_HOST] = {P_HOST, false, ANY_KIND, {""}, OFFER_VARS},
	[P_SERVICE] = {P_SERVICE, false, ANY_KIND, {""}, OFFER_VARS},
	[P_ADDR] = {P_ADDR, false, ANY_KIND, {""}, OFFER_ADDRESS},
	[P_HOSTPORT] = {P_HOSTPORT, false, ANY_KIND, {""}, OFFER_VARS},
	[P_BUFFER] = {P_BUFFER, false, ANY_KIND, {""}, OFFER_VARS},
	[P_SEQ] = {P_SEQ, false, ANY_KIND, {""}, OFFER_VARS},
	[P_OPTVAL] = {P_OPTVAL, false, ANY_KIND, {""}, OFFER_VARS_CONSTS},
	[P_RAW] = {P_RAW, true, ANY_KIND, {""}, OFFER_NOTHING},
	[P_TOPIC] = {P_TOPIC, true, ANY_KIND, {""}, OFFER_TOPICS},
	[P_ONOFF] = {P_ONOFF, true, ANY_KIND, {""}, OFFER_ONOFF},
	[P_VARNAME] = {P_VARNAME, true, ANY_KIND, {""}, OFFER_VARS},
	[P_ERRNAME] = {P_ERRNAME, true, KB(CK_ERRNO), {""}, OFFER_KIND},
	[P_PREFIX] = {P_PREFIX, true, ANY_KIND, {""}, OFFER_CONSTS},
	[P_MODULE] = {P_MODULE, true, ANY_KIND, {""}, OFFER_MODULES},
	[P_SCRIPT] = {P_SCRIPT, true, ANY_KIND, {""}, OFFER_FILES},
	[P_RECORD] = {P_RECORD, true, ANY_KIND, {""}, OFFER_RECORD},
	[P_WIRE] = {P_WIRE, true, ANY_KIND, {""}, OFFER_WIRE},
	[P_STMT] = {P_STMT, false, ANY_KIND, {""}, OFFER_VARS},
};

const struct ptype_info *ptype_info(enum ptype t)
{
	/* A type the table lacks has a zero row there: type P_ANY. */
	if ((size_t)t < sizeof ptypes / sizeof *ptypes && ptypes[t].type == t)
		return &ptypes[t];
	return &ptypes[P_ANY];
}

enum const_kind ptype_kind(enum ptype t)
{
	return (enum const_kind)__builtin_ctz(ptype_info(t)->kinds);
}

static const char *const *kind_prefixes(enum ptype t)
{
	return ptype_info(t)->prefixes;
}

/* A kind of constant with its article, for "X is a socket type". */
static const char *kind_phrase(enum const_kind k)
{
	return _(const_kind_phrase(k));
}

static bool kind_fits(enum ptype t, enum const_kind k)
{
	return k == CK_OTHER || (ptype_info(t)->kinds & KB(k));
}

static int unknown_constant(struct binder *b, size_t k, const char *word)
{
	struct suggester s;
	suggest_begin(&s, word);
	const char *const *pre = kind_prefixes(b->e->params[k].type);
	for (size_t i = 0; i < const_count(); i++) {
		const char *name = const_at(i)->name;
		for (size_t p = 0; pre[p]; p++)
			if (!strncmp(name, pre[p], strlen(pre[p])))
				suggest_offer(&s, name);
	}
	if (pre[0][0] == '\0') {
		size_t n;
		const char **names = vars_names(b->vars, &n);
		for (size_t i = 0; i < n; i++)
			suggest_offer(&s, names[i]);
		free(names);
	}
	const char *h = suggest_result(&s);
	const char *what = pre[0][0] ? _("unknown constant") : _("unknown name");
	if (h)
		return bind_fail(b, k, _("%s '%s' (did you mean %s?)"), what, word, h);
	return bind_fail(b, k, _("%s '%s'"), what, word);
}

static bool is_word(const struct value *v)
{
	return v->type == T_STR && v->u.s.word;
}

/* A shell-form word of decimal digits that did not become an int is one
 * too large for 64 bits, not a name. */
static bool is_digit_word(const char *w)
{
	w += *w == '-';
	return *w && strspn(w, "0123456789") == strlen(w);
}

static int check_int(struct binder *b, size_t k, struct value *v)
{
	if (v_is_int(v))
		return 0;
	if (is_word(v) && is_digit_word(v->u.s.p))
		return bind_fail(b, k, "%s",
		                 _("integer too large (sockshell integers are 64-bit)"));
	if (is_word(v))
		return unknown_constant(b, k, v->u.s.p);
	return bind_fail(b, k, _("expected an integer, got %s"), v_type_name(v));
}

/* A string the shell form takes unquoted as the same string: an address
 * or a path (127.0.0.1, ::1, /tmp/s), never a name or a number. */
static bool bare_word_ok(const char *p)
{
	if (!*p || p[strspn(p, "0123456789abcdefABCDEF.:/-_%@")] ||
	    !strpbrk(p, ".:/"))
		return false;
	char *end;
	(void)strtod(p, &end);
	return *end != '\0' && !(p[0] >= 'A' && p[0] <= 'z');
}

/* Argument I of the call as the user would write it in FORM. */
static void arg_text(struct strbuf *t, struct binder *b, size_t i,
                     bool shell)
{
	struct value *v = b->vals[i];
	struct node *a = b->argn[i];
	if (b->named[i])
		sb_adds(t, b->named[i]->name);
	else if (a && a->kind == N_NAME)
		sb_adds(t, a->name);
	else if (shell && v->type == T_STR && bare_word_ok(v->u.s.p))
		sb_adds(t, v->u.s.p);
	else {
		char *r = v_repr(v);
		sb_adds(t, r);
		free(r);
	}
}

/* The call with its positional arguments, in the shell form or the
 * Python form; NULL when it cannot be written (self is no plain name). */
static char *call_text(struct binder *b, bool shell)
{
	struct strbuf t = {0};
	size_t i = 0;
	if (b->method) {
		struct node *self = b->n ? b->n->obj : NULL;
		if (!self || self->kind != N_NAME)
			return NULL;
		sb_printf(&t, "%s.", self->name);
		i = 1;
	}
	sb_adds(&t, b->e->name);
	sb_adds(&t, shell ? " " : "(");
	for (size_t first = i; i < b->nvals; i++) {
		if (i > first)
			sb_adds(&t, shell ? " " : ", ");
		arg_text(&t, b, i, shell);
	}
	if (!shell)
		sb_adds(&t, ")");
	return sb_take(&t);
}

/* Before binding: no value taken yet. */
static void binder_start(struct binder *b)
{
	b->j = 0;
	for (size_t k = 0; k < CMD_MAXARGS; k++)
		b->at[k] = SIZE_MAX;
	b->skipped = SIZE_MAX;
}

static bool has_keywords(const struct node *n)
{
	for (size_t i = 0; n && n->kwnames && i < n->nargs; i++)
		if (n->kwnames[i])
			return true;
	return false;
}

static int bind_all(struct binder *b, struct node *n, struct value **kwvals);
static void free_call(struct cmd_call *c);

/* The shell form of a Python-form call Python refuses, when the shell
 * form takes the same arguments: what the user most likely meant. */
static char *shell_hint(struct binder *b)
{
	if (has_keywords(b->n))
		return NULL;
	struct cmd_call c = {.sh = b->c->sh, .cmd = b->e,
	                     .callname = b->c->callname};
	struct binder t = *b;
	t.c = &c;
	t.pyform = false;
	t.bad = NULL;
	binder_start(&t);
	char *saved = *b->err;
	*b->err = NULL;
	int r = bind_all(&t, NULL, NULL);
	free(*b->err);
	*b->err = saved;
	free_call(&c);
	return r ? NULL : call_text(b, true);
}

/* Python's TypeError MSG (taken over) as the error, with the shell form
 * that would have worked at the end of the line. */
static int py_fail(struct binder *b, char *msg)
{
	char *hint = shell_hint(b);
	if (hint)
		args_fail(b, _("%s: %s (shell form: %s)"), b->c->callname, msg, hint);
	else
		args_fail(b, "%s: %s", b->c->callname, msg);
	free(hint);
	free(msg);
	return -1;
}

/* The value at which parameter K2 stands, seen from parameter K at J. */
static size_t index_of(struct binder *b, size_t k, size_t k2)
{
	return k2 < k ? b->at[k2] : b->j + (k2 - k);
}

/* "(did you mean socket AF_INET SOCK_STREAM?)": the constant written for
 * parameter K fits another parameter whose constant fits K. */
static char *swap_hint(struct binder *b, size_t k)
{
	const struct param *ps = b->e->params;
	const struct sk_const *c = b->named[b->j];
	for (size_t k2 = b->method ? 1 : 0; ps[k2].name; k2++) {
		size_t i = index_of(b, k, k2);
		if (k2 == k || i >= b->nvals || !b->named[i] ||
		    !kind_fits(ps[k2].type, c->kind) ||
		    !kind_fits(ps[k].type, b->named[i]->kind))
			continue;
		const struct sk_const *other = b->named[i];
		b->named[i] = c;
		b->named[b->j] = other;
		char *t = call_text(b, !b->pyform);
		b->named[i] = other;
		b->named[b->j] = c;
		return t;
	}
	return NULL;
}

const struct sk_const *args_const_of(const struct node *a,
                                     const struct value *v)
{
	const struct sk_const *c =
	    a && a->kind == N_NAME ? const_lookup(a->name) : NULL;
	/* Python's AddressFamily and SocketKind keep what they are in a
	 * variable; an errno value (connect_ex's) is a plain int there. */
	if (!c && v->type == T_CONST && v->u.c.kind != CK_ERRNO)
		c = const_by_value(v->u.c.kind, v->u.c.v);
	return c;
}

/* The constant a keyword argument NAME was written as, or NULL. */
static const struct sk_const *kw_const(const struct node *n, const char *name,
                                       const struct value *v)
{
	for (size_t i = 0; n && n->kwnames && i < n->nargs; i++)
		if (n->kwnames[i] && !strcmp(n->kwnames[i], name))
			return args_const_of(n->args[i], v);
	return NULL;
}

/* A constant C written by name for parameter K, of another kind. */
static int check_kind(struct binder *b, size_t k, const struct sk_const *c,
                      bool positional)
{
	enum ptype t = b->e->params[k].type;
	if (!c || kind_fits(t, c->kind))
		return 0;
	char *hint = positional ? swap_hint(b, k) : NULL;
	const char *want = kind_phrase(ptype_kind(t));
	if (hint)
		args_fail(b, _("%s: %s is %s, not %s (did you mean %s?)"),
		          b->c->callname, c->name, kind_phrase(c->kind), want, hint);
	else
		args_fail(b, _("%s: %s is %s, not %s"), b->c->callname, c->name,
		          kind_phrase(c->kind), want);
	free(hint);
	return -1;
}

/* Seconds: an int or a float, not negative; None too for a timeout. */
static int check_seconds(struct binder *b, size_t k, struct value *v)
{
	if (v->type == T_NONE && b->e->params[k].type == P_TIMEOUT)
		return 0;
	if (v->type == T_FLOAT || v_is_int(v)) {
		double f = v->type == T_FLOAT ? v->u.f : (double)v_int_of(v);
		long long ns;
		if (!v_seconds_ns(v, &ns)) {
			args_fail(b, _("%s: timestamp too large to convert to C "
			               "_PyTime_t"), b->c->callname);
			return -1;
		}
		if (ns < 0 || isnan(f)) {
			/* Python's ValueError names no argument. */
			args_fail(b, _("%s: Timeout value out of range"),
			          b->c->callname);
			return -1;
		}
		return 0;
	}
	if (is_word(v))
		return unknown_constant(b, k, v->u.s.p);
	return bind_fail(b, k, _("expected seconds (int or float), got %s"),
	                 v_type_name(v));
}

const char *c_int_overflow(long long i, bool as_int)
{
	if (i >= INT_MIN && i <= INT_MAX)
		return NULL;
	if (as_int)
		return _("Python int too large to convert to C int");
	return i > 0 ? _("signed integer is greater than maximum")
	             : _("signed integer is less than minimum");
}

/* Parameter K is a C int, and V, an int, does not fit one: CPython's
 * OverflowError, in both forms (the shell's would otherwise be cut to 32
 * bits). socket() and shutdown() convert with _PyLong_AsInt, the rest
 * with the 'i' format of PyArg_ParseTuple. */
static int check_c_int(struct binder *b, size_t k, const struct value *v)
{
	const struct param *p = &b->e->params[k];
	if (!(p->flags & (PF_CINT | PF_ASINT)) &&
	    (p->type < P_FAMILY || p->type > P_NIFLAGS))
		return 0;
	bool as_int = (p->flags & PF_ASINT) || p->type == P_HOW ||
	              b->e->py == PY_INIT;
	const char *msg = c_int_overflow(v_int_of(v), as_int);
	if (msg)
		args_fail(b, "%s: %s", b->c->callname, msg);
	return msg ? -1 : 0;
}

/* Check V against parameter K; returns the value to pass (a new reference)
 * or NULL with the error set. */
static struct value *convert(struct binder *b, size_t k, struct value *v,
                             const char *word)
{
	enum ptype t = b->e->params[k].type;
	char *pymsg = b->pyform && !is_word(v) ? pysig_type(b->e, k, v) : NULL;
	if (pymsg)
		return py_fail(b, pymsg), NULL;
	switch (t) {
	case P_SOCK:
		if (v->type == T_SOCKET)
			break;
		if (is_word(v))
			return bind_fail(b, k, _("no socket named '%s'"), v->u.s.p), NULL;
		return bind_fail(b, k, _("expected a socket, got %s"), v_type_name(v)), NULL;
	case P_INT: case P_FAMILY: case P_SOCKTYPE: case P_PROTO: case P_LEVEL:
	case P_OPTNAME: case P_MSGFLAGS: case P_HOW: case P_AIFLAGS: case P_NIFLAGS:
		if (check_int(b, k, v) || check_c_int(b, k, v))
			return NULL;
		break;
	case P_BOOL:
		if (v_is_int(v))
			break;
		return check_int(b, k, v), NULL;
	case P_TIMEOUT:
	case P_FLOAT:
		if (check_seconds(b, k, v))
			return NULL;
		break;
	case P_DATA:
		if (is_word(v))
			return bind_fail(b, k, _("'%s' is not a variable; quote it to send "
			                    "text: '%s'"), v->u.s.p, v->u.s.p), NULL;
		if (v->type == T_STR || v_is_bytes_like(v))
			break;
		return bind_fail(b, k, _("a bytes-like object is required, not '%s'"),
		                 v_type_name(v)), NULL;
	case P_HOST:
		if (v->type == T_NONE)
			break;
		/* fall through */
	case P_STR: case P_STRBYTES: case P_FILE:
		if (v->type == T_STR)
			break;
		if (word && (v_is_int(v) || v->type == T_FLOAT))
			return v_word(word, strlen(word));
		if (v_is_bytes_like(v))
			return v_str(v->u.s.p, v->u.s.len);
		return bind_fail(b, k, _("expected a string, got %s"), v_type_name(v)), NULL;
	case P_SERVICE:
		if (v->type == T_NONE || v->type == T_STR || v_is_int(v))
			break;
		if (v_is_bytes_like(v))
			return v_str(v->u.s.p, v->u.s.len);
		return bind_fail(b, k, _("expected a port number or service name, got %s"),
		                 v_type_name(v)), NULL;
	case P_BUFFER:
		if (v->type == T_BYTEARRAY)
			break;
		return bind_fail(b, k, _("expected a bytearray (make one with: bytearray N), "
		                    "got %s"), v_type_name(v)), NULL;
	case P_SEQ:
		if (v_is_seq(v))
			break;
		return bind_fail(b, k, _("expected a list, got %s"), v_type_name(v)), NULL;
	case P_OPTVAL:
		if (is_word(v))
			return unknown_constant(b, k, v->u.s.p), NULL;
		break;
	default:
		break;
	}
	return v_ref(v);
}

/* "host:port" or "[v6]:port" in one word. */
static bool split_hostport(const char *s, char **host, long long *port)
{
	const char *colon;
	const char *h = s;
	size_t hlen;
	if (s[0] == '[') {
		const char *close = strchr(s, ']');
		if (!close || close[1] != ':')
			return false;
		h = s + 1;
		hlen = (size_t)(close - s - 1);
		colon = close + 1;
	} else {
		colon = strchr(s, ':');
		if (!colon || strchr(colon + 1, ':'))
			return false;
		hlen = (size_t)(colon - s);
	}
	const char *p = colon + 1;
	if (!*p || strspn(p, "0123456789") != strlen(p) || strlen(p) > 9)
		return false;
	*host = xstrndup(h, hlen);
	*port = atoll(p);
	return true;
}

/* Take an address from the arguments: a tuple, a path, "h:p", or a host
 * followed by a port (and, for IPv6, flowinfo and scope_id). */
static struct value *take_address(struct binder *b, size_t k, int family,
                                  bool greedy)
{
	struct value *v = b->vals[b->j];
	if (b->pyform || v_is_seq(v) || family == AF_UNIX || v->type != T_STR) {
		b->j++;
		return v_ref(v);
	}
	char *host;
	long long port;
	if (split_hostport(v->u.s.p, &host, &port)) {
		b->j++;
		struct value *t = v_tuple(2, v_str(host, strlen(host)), v_int(port));
		free(host);
		return t;
	}
	if (b->j + 1 >= b->nvals || !v_is_int(b->vals[b->j + 1]))
		return bind_fail(b, k, _("expected a host and a port, as 127.0.0.1 8080, "
		                    "127.0.0.1:8080 or ('127.0.0.1', 8080)")), NULL;
	size_t n = 2;
	size_t max = greedy && family == AF_INET6 ? 4 : 2;
	while (n < max && b->j + n < b->nvals && v_is_int(b->vals[b->j + n]))
		n++;
	struct value *items[4];
	items[0] = v_ref(v);
	for (size_t i = 1; i < n; i++)
		items[i] = v_ref(b->vals[b->j + i]);
	b->j += n;
	return v_seq(T_TUPLE, items, n);
}

/* The address V was written as the values from FIRST to the one before
 * b->j (host and port, or one tuple): where a caret points when the
 * handler finds it is no address. */
static void note_address(struct binder *b, const struct value *v, size_t first)
{
	if (!v || b->j <= first)
		return; /* refused already: no address was taken */
	struct node *from = b->argn[first], *to = b->argn[b->j - 1];
	if (from && to) {
		b->c->addr = v;
		b->c->addr_from = from->pos;
		b->c->addr_to = to->end;
	}
}

static int family_of(struct cmd_call *c)
{
	struct value *self = c->argv[0];
	return self && self->type == T_SOCKET ? self->u.sock.family : AF_INET;
}

static int bind_param(struct binder *b, size_t k, struct value *kwval)
{
	const struct param *p = &b->e->params[k];
	struct cmd_call *c = b->c;
	if (kwval) {
		if (check_kind(b, k, kw_const(b->n, p->name, kwval), false))
			return -1;
		c->argv[k] = convert(b, k, kwval, NULL);
		return c->argv[k] ? 0 : -1;
	}
	if (b->j >= b->nvals) {
		if (p->flags & (PF_OPT | PF_IFINT))
			return 0;
		size_t pos = k + (b->method ? 0 : 1);
		args_fail(b, _("%s: missing argument %zu (%s); usage: %s %s"),
		          c->callname, pos, p->name, b->e->name, b->e->usage);
		return -1;
	}
	/* Python's sendto(data, flags, address): flags when three are given. */
	if ((p->flags & PF_IFINT) &&
	    (b->pyform ? b->nvals - b->j < 2 : !v_is_int(b->vals[b->j]))) {
		b->skipped = k;
		b->skipped_at = b->j;
		return 0;
	}
	b->at[k] = b->j;
	if (check_kind(b, k, b->named[b->j], true))
		return -1;
	if (p->type == P_ADDR || p->type == P_HOSTPORT) {
		int fam = p->type == P_ADDR ? family_of(c) : AF_INET6;
		size_t first = b->j;
		c->argv[k] = take_address(b, k, fam, p->type == P_ADDR);
		note_address(b, c->argv[k], first);
		return c->argv[k] ? 0 : -1;
	}
	c->argv[k] = convert(b, k, b->vals[b->j], b->words[b->j]);
	b->j++;
	return c->argv[k] ? 0 : -1;
}

static struct value *find_kw(struct node *n, const struct param *p,
                             struct value **kwvals)
{
	for (size_t i = 0; n && i < n->nargs; i++)
		if (n->kwnames && n->kwnames[i] && !strcmp(n->kwnames[i], p->name))
			return kwvals[i];
	return NULL;
}

static int check_kwargs(struct binder *b, struct node *n)
{
	for (size_t i = 0; n && i < n->nargs; i++) {
		if (!n->kwnames || !n->kwnames[i])
			continue;
		bool found = false;
		for (size_t k = 0; b->e->params[k].name; k++)
			if (!strcmp(b->e->params[k].name, n->kwnames[i]))
				found = true;
		if (!found) {
			args_fail(b, _("%s: unexpected keyword argument '%s'"),
			          b->c->callname, n->kwnames[i]);
			return -1;
		}
	}
	return 0;
}

/* A keyword naming a parameter a positional argument already filled. */
static int check_kw_twice(struct binder *b, struct node *n)
{
	size_t npos = b->nvals - (b->method ? 1 : 0);
	for (size_t i = 0; n && i < n->nargs; i++) {
		if (!n->kwnames || !n->kwnames[i])
			continue;
		for (size_t k = b->method ? 1 : 0; b->e->params[k].name; k++) {
			if (b->e->params[k].flags & PF_REST)
				break; /* keyword-only from there on */
			size_t pos = k - (b->method ? 1 : 0);
			if (!strcmp(b->e->params[k].name, n->kwnames[i]) && pos < npos) {
				args_fail(b, _("%s: got multiple values for argument '%s'"),
				          b->c->callname, n->kwnames[i]);
				return -1;
			}
		}
	}
	return 0;
}

/* The level an option written by name belongs to. */
static const char *level_of(enum const_kind k)
{
	switch (k) {
	case CK_SO: return "SOL_SOCKET";
	case CK_TCP: return "IPPROTO_TCP";
	case CK_UDP: return "IPPROTO_UDP";
	case CK_IP: return "IPPROTO_IP";
	case CK_IPV6: return "IPPROTO_IPV6";
	default: return NULL;
	}
}

static size_t param_of_type(const struct cmd_entry *e, enum ptype t)
{
	size_t k = 0;
	while (e->params[k].name && e->params[k].type != t)
		k++;
	return k;
}

/* getsockopt SOL_SOCKET TCP_NODELAY: the option is of another level. */
static int check_option_level(struct binder *b)
{
	size_t kl = param_of_type(b->e, P_LEVEL);
	size_t ko = param_of_type(b->e, P_OPTNAME);
	if (!b->e->params[kl].name || !b->e->params[ko].name ||
	    b->at[kl] >= b->nvals || b->at[ko] >= b->nvals)
		return 0;
	const struct sk_const *opt = b->named[b->at[ko]];
	const char *lname = opt ? level_of(opt->kind) : NULL;
	const struct sk_const *level = lname ? const_lookup(lname) : NULL;
	if (!level || level->value == v_int_of(b->c->argv[kl]))
		return 0;
	size_t il = b->at[kl];
	const struct sk_const *given = b->named[il];
	char *was = given ? xstrdup(given->name)
	                  : xasprintf("%lld", v_int_of(b->c->argv[kl]));
	b->named[il] = level;
	char *hint = call_text(b, !b->pyform);
	b->named[il] = given;
	if (hint)
		args_fail(b, _("%s: %s is %s of level %s, not of %s (did you "
		                   "mean %s?)"),
		          b->c->callname, opt->name, kind_phrase(opt->kind),
		          level->name, was, hint);
	else
		args_fail(b, _("%s: %s is %s of level %s, not of %s"),
		          b->c->callname, opt->name, kind_phrase(opt->kind),
		          level->name, was);
	free(was);
	free(hint);
	return -1;
}

/* Python's own count of the arguments, for the Python form. */
static int check_py_arity(struct binder *b, struct node *n)
{
	const char *kw[CMD_MAXARGS + 1];
	size_t nkw = 0;
	for (size_t i = 0; n && n->kwnames && i < n->nargs; i++)
		if (n->kwnames[i] && nkw < CMD_MAXARGS + 1)
			kw[nkw++] = n->kwnames[i];
	size_t npos = b->nvals - (b->method ? 1 : 0);
	char *m = pysig_arity(b->e, npos, kw, nkw);
	return m ? py_fail(b, m) : 0;
}

static int bind_all(struct binder *b, struct node *n, struct value **kwvals)
{
	struct cmd_call *c = b->c;
	if (b->pyform && check_py_arity(b, n))
		return -1;
	if (check_kwargs(b, n) || check_kw_twice(b, n))
		return -1;
	for (size_t k = 0; b->e->params[k].name; k++) {
		const struct param *p = &b->e->params[k];
		if (p->flags & PF_REST) {
			c->rest = xmalloc(sizeof *c->rest * (b->nvals - b->j + 1));
			for (; b->j < b->nvals; b->j++)
				c->rest[c->nrest++] = v_ref(b->vals[b->j]);
			continue; /* those after it are keyword-only (print's sep=) */
		}
		if (k == 0 && b->method) {
			c->argv[0] = v_ref(b->vals[b->j++]);
			continue;
		}
		if (ptype_info(p->type)->raw || p->type == P_STMT) {
			/* Raw words and statements are not evaluated, but a
			 * required one must still be there. */
			if (b->j >= b->nvals && !(p->flags & (PF_OPT | PF_REST))) {
				args_fail(b,
				          _("%s: missing argument %zu (%s); usage: %s %s"),
				          c->callname, k + (b->method ? 0 : 1), p->name,
				          b->e->name, b->e->usage);
				return -1;
			}
			b->j++;
			continue;
		}
		if (bind_param(b, k, find_kw(n, p, kwvals)))
			return -1;
	}
	if (b->j < b->nvals && b->skipped < CMD_MAXARGS) {
		/* sendto b'x' None ADDRESS: the flags were no integer. */
		return bind_fail(b, b->skipped, _("expected an integer, got %s"),
		                 v_type_name(b->vals[b->skipped_at]));
	}
	if (b->j < b->nvals) {
		size_t max = cmd_nparams(b->e) - (b->method ? 1 : 0);
		args_fail(b,
		          ngettext("%s: takes at most %zu argument (%zu given); "
		                   "usage: %s %s",
		                   "%s: takes at most %zu arguments (%zu given); "
		                   "usage: %s %s",
		                   max),
		          c->callname, max, b->nvals - (b->method ? 1 : 0),
		          b->e->name, b->e->usage);
		return -1;
	}
	return check_option_level(b);
}

static void free_call(struct cmd_call *c)
{
	/* Most slots are empty: test them here rather than make two calls
	 * a slot on every statement. (A raw text may sit past the row's
	 * parameters, so every slot is looked at.) */
	for (size_t i = 0; i < CMD_MAXARGS; i++) {
		if (c->argv[i])
			v_unref(c->argv[i]);
		if (c->argsrc[i])
			free((char *)c->argsrc[i]);
	}
	for (size_t i = 0; i < c->nrest; i++)
		v_unref(c->rest[i]);
	free(c->rest);
	if (c->restsrc)
		for (size_t i = 0; i < c->nrest; i++)
			free((char *)c->restsrc[i]);
	free(c->restsrc);
	free(c->cause);
}

/* ---- the arguments of one call ---- */

void args_init(struct call_args *a, size_t nargs)
{
	memset(a, 0, offsetof(struct call_args, vals_buf));
	a->nargs = nargs;
	if (nargs <= CMD_MAXARGS) {
		memset(a->vals_buf, 0, sizeof a->vals_buf);
		memset(a->kw_buf, 0, sizeof a->kw_buf);
		memset(a->words_buf, 0, sizeof a->words_buf);
		memset(a->argn_buf, 0, sizeof a->argn_buf);
		memset(a->named_buf, 0, sizeof a->named_buf);
		a->vals = a->vals_buf;
		a->kwvals = a->kw_buf;
		a->words = a->words_buf;
		a->argn = a->argn_buf;
		a->named = a->named_buf;
		return;
	}
	a->vals = xcalloc(nargs + 2, sizeof *a->vals);
	a->kwvals = xcalloc(nargs + 1, sizeof *a->kwvals);
	a->words = xcalloc(nargs + 2, sizeof *a->words);
	a->argn = xcalloc(nargs + 2, sizeof *a->argn);
	a->named = xcalloc(nargs + 2, sizeof *a->named);
}

void args_free(struct call_args *a, struct cmd_call *c)
{
	free_call(c);
	for (size_t i = 0; i < a->nvals; i++)
		v_unref(a->vals[i]);
	for (size_t i = 0; i < a->nargs; i++)
		v_unref(a->kwvals[i]);
	if (a->vals == a->vals_buf)
		return;
	/* The arrays only: the word texts are the nodes'. */
	free(a->vals);
	free(a->kwvals);
	free(a->words);
	free(a->argn);
	free(a->named);
}

/* Commands taking raw words (del NAME...) have no other parameters: the
 * texts are in c->restsrc already. */
static bool has_raw_rest(const struct cmd_entry *e)
{
	size_t np = cmd_nparams(e);
	return np && (e->params[np - 1].flags & PF_REST) &&
	       ptype_info(e->params[np - 1].type)->raw;
}

int args_bind(struct call_args *a, struct cmd_call *c, struct node *n,
              bool method, const struct vartab *vars, char **err)
{
	const struct cmd_entry *e = c->cmd;
	if (has_raw_rest(e))
		return 0;
	struct binder b = {.vars = vars, .err = err, .e = e, .c = c,
	                   .vals = a->vals, .words = a->words, .nvals = a->nvals,
	                   .method = method, .named = a->named, .argn = a->argn,
	                   .n = n, .bad = &a->bad,
	                   .pyform = n && !n->shell_form && e->py != PY_NONE &&
	                             (method ||
	                              !(e->flags & (CMD_METHOD | CMD_VALUE)))};
	binder_start(&b);
	c->pyform = b.pyform;
	return bind_all(&b, n, a->kwvals);
}
