/* pysig.c - Python's argument checks for the Python form, driven by the
 * command rows. CPython checks a call in one of a few ways, each with its
 * own wording (METH_O, METH_NOARGS, PyArg_ParseTuple, a def in socket.py);
 * the row says which, its parameters say how many and of what type. The
 * messages are CPython 3.11's, word for word, and so stay untranslated,
 * as Python's own do. */
#include <stdlib.h>
#include <string.h>

#include "pysig.h"
#include "../strbuf.h"

/* A method: of a socket, or of a value ('hi'.encode). */
static bool is_method(const struct cmd_entry *e)
{
	return (e->flags & (CMD_METHOD | CMD_VALUE | CMD_SSLCTX)) != 0;
}

/* The name CPython's own messages use: encode for str.encode. */
static const char *short_name(const struct cmd_entry *e)
{
	const char *dot = strrchr(e->name, '.');
	return dot ? dot + 1 : e->name;
}

/* Python's builtins (len, print): the rows of help's group python that
 * are no TYPE.NAME. CPython names their functions unqualified. */
static bool is_builtin(const struct cmd_entry *e)
{
	return e->group && !strcmp(e->group, "python") && !strchr(e->name, '.');
}

/* The name a message calls the function by: CPython qualifies methods
 * (socket.bind), builtins of _socket (_socket.htonl) and select's
 * clinic function (select.select) but not the
 * functions PyArg_ParseTuple names by its format (htons). */
static char *qualname(const struct cmd_entry *e, bool qualify)
{
	if (e->py == PY_INIT)
		return xstrdup("socket.__init__");
	if (!qualify || is_builtin(e))
		return xstrdup(short_name(e));
	if (strchr(e->name, '.') && !(e->flags & CMD_VALUE))
		return xasprintf("_%s", e->name); /* _struct.pack */
	if (e->flags & CMD_SSLCTX)
		return xasprintf("SSLContext.%s", e->name);
	if (is_method(e))
		return xasprintf("socket.%s", e->name);
	if (e->py == PY_O || e->py == PY_NOARGS)
		return xasprintf("_socket.%s", e->name);
	if (e->py == PY_CLINIC)
		return xasprintf("select.%s", e->name);
	return xstrdup(e->name);
}

/* The parameters Python sees: from FIRST (after self) to NP. */
struct sig {
	size_t first, np;
	size_t min, max;   /* positional arguments, self not counted */
	size_t say_max;    /* the most the arity message names */
	bool either;       /* sendto's "takes 2 or 3 arguments" */
	bool star;         /* a *args parameter: no most */
};

/* Parameter K is taken only by keyword: marked so, or after *args. */
static bool kw_only(const struct cmd_entry *e, size_t k)
{
	for (size_t i = 0; i < k; i++)
		if (e->params[i].flags & PF_REST)
			return true;
	return (e->params[k].flags & PF_KWONLY) != 0;
}

static struct sig sig_of(const struct cmd_entry *e)
{
	struct sig s = {.first = is_method(e) ? 1 : 0, .np = cmd_nparams(e)};
	for (size_t k = s.first; k < s.np; k++) {
		int f = e->params[k].flags;
		if (s.star || (f & PF_KWONLY))
			continue; /* after *args: keyword-only */
		if (f & PF_REST) {
			s.star = true;
			continue;
		}
		s.max++;
		s.say_max += !(f & PF_PYALT);
		if (!(f & (PF_OPT | PF_IFINT)))
			s.min++;
		if (f & PF_IFINT)
			s.either = true;
	}
	return s;
}

static char *no_keywords(const struct cmd_entry *e)
{
	char *q = qualname(e, is_method(e) || e->py != PY_TUPLE);
	char *m = xasprintf("%s() takes no keyword arguments", q);
	free(q);
	return m;
}

static char *arity_builtin(const struct cmd_entry *e, size_t n)
{
	char *q = qualname(e, true);
	char *m = NULL;
	if (e->py == PY_NOARGS && n)
		m = xasprintf("%s() takes no arguments (%zu given)", q, n);
	else if (e->py == PY_O && n != 1)
		m = xasprintf("%s() takes exactly one argument (%zu given)", q, n);
	free(q);
	return m;
}

static char *arity_tuple(const struct cmd_entry *e, struct sig s, size_t n)
{
	if (n >= s.min && (n <= s.max || s.star))
		return NULL;
	s.max = s.say_max;
	if (s.either)
		return xasprintf("%s() takes %zu or %zu arguments (%zu given)",
		                 short_name(e), s.min, s.max, n);
	const char *how = s.min == s.max ? "exactly"
	                  : n < s.min    ? "at least"
	                                 : "at most";
	size_t want = n < s.min ? s.min : s.max;
	return xasprintf("%s() takes %s %zu argument%s (%zu given)",
	                 short_name(e), how, want, want == 1 ? "" : "s", n);
}

static size_t param_by_name(const struct cmd_entry *e, struct sig s,
                            const char *name)
{
	for (size_t k = s.first; k < s.np; k++)
		if (!strcmp(e->params[k].name, name))
			return k;
	return s.np;
}

static bool kw_given(const char *const *kw, size_t nkw, const char *name)
{
	for (size_t i = 0; i < nkw; i++)
		if (!strcmp(kw[i], name))
			return true;
	return false;
}

/* Argument Clinic's positional check (select.select). */
static char *arity_clinic(const struct cmd_entry *e, struct sig s, size_t n)
{
	if (n >= s.min && n <= s.max)
		return NULL;
	const char *how = s.min == s.max ? "" : n < s.min ? "at least " : "at most ";
	size_t want = n < s.min ? s.min : s.max;
	return xasprintf("%s expected %s%zu argument%s, got %zu", short_name(e),
	                 how, want, want == 1 ? "" : "s", n);
}

/* Too many arguments for PyArg_ParseTupleAndKeywords or Argument
 * Clinic: in all, then positionally (to_bytes' signed is keyword-only). */
static char *too_many_keywords(const char *fn, struct sig s, size_t n,
                               size_t nkw)
{
	size_t all = s.np - s.first;
	if (s.star)
		return NULL; /* print(*objects, sep=...) */
	if (n + nkw > all)
		return xasprintf("%s() takes at most %zu argument%s (%zu given)", fn,
		                 all, all == 1 ? "" : "s", n + nkw);
	if (n > s.max)
		return xasprintf("%s() takes %s %zu positional argument%s (%zu "
		                 "given)", fn, s.min < s.max ? "at most" : "exactly",
		                 s.max, s.max == 1 ? "" : "s", n);
	return NULL;
}

/* PyArg_ParseTupleAndKeywords (recv_into, str): its order of checks. */
static char *arity_keywords(const struct cmd_entry *e, struct sig s, size_t n,
                            const char *const *kw, size_t nkw)
{
	const char *fn = short_name(e);
	char *m = too_many_keywords(fn, s, n, nkw);
	if (m)
		return m;
	for (size_t k = s.first; k < s.np; k++) {
		const char *name = e->params[k].name;
		if (kw_only(e, k) || (e->params[k].flags & PF_REST))
			continue;
		size_t pos = k - s.first + 1;
		bool by_kw = kw_given(kw, nkw, name);
		if (pos <= n && by_kw)
			return xasprintf("argument for %s() given by name ('%s') and "
			                 "position (%zu)", fn, name, pos);
		if (pos > n && !by_kw && !(e->params[k].flags & PF_OPT))
			return xasprintf("%s() missing required argument '%s' (pos %zu)",
			                 fn, name, pos);
	}
	for (size_t i = 0; i < nkw; i++) {
		size_t k = param_by_name(e, s, kw[i]);
		if (k == s.np || (e->params[k].flags & PF_REST))
			return xasprintf("'%s' is an invalid keyword argument for %s()",
			                 kw[i], fn);
	}
	return NULL;
}

/* 'a'; 'a' and 'b'; 'a', 'b', and 'c': CPython's list of missing names. */
static void name_list(struct strbuf *b, const char **names, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i && n > 2)
			sb_adds(b, ",");
		if (i && i == n - 1)
			sb_adds(b, " and");
		if (i)
			sb_adds(b, " ");
		sb_printf(b, "'%s'", names[i]);
	}
}

static char *missing_args(const char *q, const struct cmd_entry *e,
                          struct sig s, size_t n, const char *const *kw,
                          size_t nkw)
{
	const char *names[CMD_MAXARGS];
	size_t nmiss = 0;
	for (size_t k = s.first; k < s.np; k++) {
		const struct param *p = &e->params[k];
		if (k - s.first >= n && !(p->flags & (PF_OPT | PF_REST)) && !kw_only(e, k) &&
		    !kw_given(kw, nkw, p->name))
			names[nmiss++] = p->name;
	}
	if (!nmiss)
		return NULL;
	struct strbuf b = {0};
	sb_printf(&b, "%s() missing %zu required positional argument%s: ", q,
	          nmiss, nmiss == 1 ? "" : "s");
	name_list(&b, names, nmiss);
	return sb_take(&b);
}

static char *too_many_positional(const char *q, struct sig s, size_t n,
                                 size_t self)
{
	size_t lo = s.min + self, hi = s.max + self, given = n + self;
	const char *was = given == 1 ? "was" : "were";
	if (lo == hi)
		return xasprintf("%s() takes %zu positional argument%s but %zu %s "
		                 "given", q, hi, hi == 1 ? "" : "s", given, was);
	return xasprintf("%s() takes from %zu to %zu positional arguments but "
	                 "%zu %s given", q, lo, hi, given, was);
}

/* A def in socket.py (socket.accept, getaddrinfo, socket.__init__):
 * keywords first, then too many positionals, then missing ones. */
static char *arity_def(const struct cmd_entry *e, struct sig s, size_t n,
                       const char *const *kw, size_t nkw)
{
	char *q = qualname(e, true);
	char *m = NULL;
	size_t self = is_method(e) || e->py == PY_INIT;
	for (size_t i = 0; i < nkw && !m; i++) {
		size_t k = param_by_name(e, s, kw[i]);
		if (k == s.np)
			m = xasprintf("%s() got an unexpected keyword argument '%s'", q,
			              kw[i]);
		else if (k - s.first < n && !kw_only(e, k))
			m = xasprintf("%s() got multiple values for argument '%s'", q,
			              kw[i]);
	}
	if (!m && n > s.max && !s.star)
		m = too_many_positional(q, s, n, self);
	if (!m)
		m = missing_args(q, e, s, n, kw, nkw);
	free(q);
	return m;
}

char *pysig_arity(const struct cmd_entry *e, size_t npos,
                  const char *const *kw, size_t nkw)
{
	struct sig s = sig_of(e);
	switch (e->py) {
	case PY_NONE:
		return NULL;
	case PY_O:
	case PY_NOARGS:
	case PY_TUPLE:
		if (nkw)
			return no_keywords(e);
		return e->py == PY_TUPLE ? arity_tuple(e, s, npos)
		                         : arity_builtin(e, npos);
	case PY_CLINIC:
		return nkw ? no_keywords(e) : arity_clinic(e, s, npos);
	case PY_FAST:
		if (nkw)
			return no_keywords(e);
		return npos < s.min ? xasprintf("missing %s argument",
		                                e->params[s.first].name)
		                    : NULL;
	case PY_KW:
		return arity_keywords(e, s, npos, kw, nkw);
	case PY_DEF:
	case PY_INIT:
		return arity_def(e, s, npos, kw, nkw);
	}
	return NULL;
}

/* ---- types ---- */

enum {
	A_INT = 1, A_FLOAT = 2, A_NONE = 4, A_STR = 8, A_BYTES = 16,
	A_BYTEARRAY = 32, A_SEQ = 64, A_ANY = 128
};

/* What Python takes for each parameter type, and the message when it gets
 * something else: a format of (function, argument number, type name) or
 * of the type name alone. */
struct pytype {
	unsigned accept;
	bool positional; /* the format takes function and position first */
	const char *msg;
};

static const char integer_msg[] = "'%s' object cannot be interpreted as an "
                                  "integer";
static const char bytes_msg[] = "a bytes-like object is required, not '%s'";

static const struct pytype *pytype_of(enum ptype t)
{
	static const struct pytype any = {A_ANY, false, NULL};
	static const struct pytype integer = {A_INT, false, integer_msg};
	static const struct pytype seconds = {A_INT | A_FLOAT | A_NONE, false,
	                                      integer_msg};
	static const struct pytype number = {A_INT | A_FLOAT, false,
	                                     integer_msg};
	static const struct pytype data = {A_BYTES | A_BYTEARRAY, false,
	                                   bytes_msg};
	/* Typed option values (tuples, floats) are sockshell's extension. */
	static const struct pytype optval = {
	    A_INT | A_FLOAT | A_BYTES | A_BYTEARRAY | A_SEQ | A_NONE, false,
	    bytes_msg}; /* None: the handler checks for optlen */
	static const struct pytype str = {A_STR, true,
	                                  "%s() argument %zu must be str, not %s"};
	static const struct pytype hostname = {
	    A_STR | A_BYTES | A_BYTEARRAY, true,
	    "%s() argument %zu must be str, bytes or bytearray, not %s"};
	static const struct pytype host = {
	    A_STR | A_BYTES | A_BYTEARRAY | A_NONE, true,
	    "%s() argument %zu must be string or None"};
	static const struct pytype service = {
	    A_INT | A_STR | A_BYTES | A_BYTEARRAY | A_NONE, false,
	    "Int or String expected"};
	static const struct pytype buffer = {
	    A_BYTEARRAY, true,
	    "%s() argument %zu must be read-write bytes-like object, not %s"};
	switch (t) {
	case P_INT: case P_FAMILY: case P_SOCKTYPE: case P_PROTO: case P_LEVEL:
	case P_OPTNAME: case P_MSGFLAGS: case P_HOW: case P_AIFLAGS:
	case P_NIFLAGS: case P_BOOL:
		return &integer;
	case P_TIMEOUT: return &seconds;
	case P_FLOAT: return &number;
	case P_DATA: return &data;
	case P_OPTVAL: return &optval;
	case P_STR: return &str;
	case P_STRBYTES: return &hostname;
	case P_HOST: return &host;
	case P_SERVICE: return &service;
	case P_BUFFER: return &buffer;
	default: return &any;
	}
}

static unsigned type_bit(const struct value *v)
{
	switch (v->type) {
	case T_NONE: return A_NONE;
	case T_BOOL: case T_INT: case T_CONST: return A_INT;
	case T_FLOAT: return A_FLOAT;
	case T_STR: return A_STR;
	case T_BYTES: return A_BYTES;
	case T_BYTEARRAY: return A_BYTEARRAY;
	case T_TUPLE: case T_LIST: return A_SEQ;
	default: return 0;
	}
}

char *pysig_type(const struct cmd_entry *e, size_t k, const struct value *v)
{
	const struct param *p = &e->params[k];
	const struct pytype *t = pytype_of(p->type);
	if (e->py == PY_NONE || (p->flags & PF_PYANY) || (t->accept & A_ANY) ||
	    (t->accept & type_bit(v)))
		return NULL;
	const char *tn = v_type_name(v);
	if (p->pymsg)
		return xasprintf(p->pymsg, tn);
	if (!t->positional)
		return xasprintf(t->msg, tn);
	size_t pos = k + (is_method(e) ? 0 : 1);
	return xasprintf(t->msg, e->name, pos, tn);
}
