/* compare.c - == and != hold between any two values (False across
 * types, as in Python); ordering between numbers, between two strings,
 * two bytes-likes, or two sequences of one type item by item; `in`
 * searches a string, a bytes-like, a sequence or a dict's keys. */
#include "compare.h"

#include <string.h>

#include "../../core/i18n.h"
#include "../strbuf.h"

const char *compare_op_text(char op)
{
	switch (op) {
	case 'E': return "==";
	case 'N': return "!=";
	case 'L': return "<=";
	case 'G': return ">=";
	case '<': return "<";
	case '>': return ">";
	case 'i': return "in";
	default: return "not in";
	}
}

static bool is_number(const struct value *v)
{
	return v_is_int(v) || v->type == T_FLOAT;
}

static double as_double(const struct value *v)
{
	return v->type == T_FLOAT ? v->u.f : (double)v_int_of(v);
}

/* Strings with strings, bytes with bytearrays: their bytes (UTF-8 keeps
 * the order of code points). */
static bool same_text_kind(const struct value *a, const struct value *b)
{
	if (a->type == T_STR || b->type == T_STR)
		return a->type == b->type;
	return v_is_bytes_like(a) && v_is_bytes_like(b);
}

static int text_cmp(const struct value *a, const struct value *b)
{
	size_t n = a->u.s.len < b->u.s.len ? a->u.s.len : b->u.s.len;
	int c = memcmp(a->u.s.p, b->u.s.p, n);
	if (c)
		return c;
	return (a->u.s.len > b->u.s.len) - (a->u.s.len < b->u.s.len);
}

static bool v_equal(const struct value *a, const struct value *b);

/* Each key of A is in B with an equal value (the sizes being equal). */
static bool dict_equal(const struct value *a, const struct value *b)
{
	for (size_t i = 0; i + 1 < a->u.seq.n; i += 2) {
		size_t j = 0;
		while (j + 1 < b->u.seq.n &&
		       !v_equal(a->u.seq.items[i], b->u.seq.items[j]))
			j += 2;
		if (j + 1 >= b->u.seq.n ||
		    !v_equal(a->u.seq.items[i + 1], b->u.seq.items[j + 1]))
			return false;
	}
	return true;
}

/* The first index where A and B differ, or the shorter one's length. */
static size_t first_difference(const struct value *a, const struct value *b)
{
	size_t i = 0;
	while (i < a->u.seq.n && i < b->u.seq.n &&
	       v_equal(a->u.seq.items[i], b->u.seq.items[i]))
		i++;
	return i;
}

static bool v_equal(const struct value *a, const struct value *b)
{
	if (a == b)
		return true;
	if (is_number(a) && is_number(b))
		return a->type == T_FLOAT || b->type == T_FLOAT
		               ? as_double(a) == as_double(b)
		               : v_int_of(a) == v_int_of(b);
	if (same_text_kind(a, b))
		return text_cmp(a, b) == 0;
	if (a->type != b->type || a->type == T_NONE)
		return a->type == b->type;
	if (!v_is_seq(a) && a->type != T_DICT)
		return false; /* sockets, files, polls: by identity */
	if (a->u.seq.n != b->u.seq.n)
		return false;
	return a->type == T_DICT ? dict_equal(a, b)
	                         : first_difference(a, b) == a->u.seq.n;
}

/* C as the ordering OP asks: C < 0, C <= 0, ... */
static bool holds(char op, int c)
{
	return op == '<' ? c < 0 : op == '>' ? c > 0 : op == 'L' ? c <= 0 : c >= 0;
}

static int order(char op, const struct value *a, const struct value *b,
                 char **err)
{
	if (is_number(a) && is_number(b)) {
		if (a->type == T_FLOAT || b->type == T_FLOAT) {
			double x = as_double(a), y = as_double(b);
			return op == '<' ? x < y : op == '>' ? x > y : op == 'L' ? x <= y : x >= y;
		}
		long long x = v_int_of(a), y = v_int_of(b);
		return holds(op, (x > y) - (x < y));
	}
	if (same_text_kind(a, b))
		return holds(op, text_cmp(a, b));
	if (v_is_seq(a) && a->type == b->type) {
		size_t i = first_difference(a, b);
		if (i < a->u.seq.n && i < b->u.seq.n)
			return order(op, a->u.seq.items[i], b->u.seq.items[i], err);
		size_t m = a->u.seq.n, n = b->u.seq.n;
		return holds(op, (m > n) - (m < n));
	}
	*err = xasprintf(_("'%s' not supported between instances of '%s' and '%s'"),
	                 compare_op_text(op), v_type_name(a), v_type_name(b));
	return -1;
}

static int contains_text(const struct value *a, const struct value *b,
                         char **err)
{
	if (b->type == T_STR && a->type != T_STR) {
		*err = xasprintf(_("'in <string>' requires string as left operand, "
		                   "not %s"), v_type_name(a));
		return -1;
	}
	if (b->type != T_STR && v_is_int(a)) {
		long long c = v_int_of(a);
		if (c < 0 || c > 255) {
			*err = xstrdup(_("byte must be in range(0, 256)"));
			return -1;
		}
		return memchr(b->u.s.p, (int)c, b->u.s.len) != NULL;
	}
	if (b->type != T_STR && !v_is_bytes_like(a)) {
		*err = xasprintf(_("a bytes-like object is required, not '%s'"),
		                 v_type_name(a));
		return -1;
	}
	return memmem(b->u.s.p, b->u.s.len, a->u.s.p, a->u.s.len) != NULL;
}

static int contains(const struct value *a, const struct value *b, char **err)
{
	if (b->type == T_STR || v_is_bytes_like(b))
		return contains_text(a, b, err);
	if (!v_is_seq(b) && b->type != T_DICT) {
		*err = xasprintf(_("argument of type '%s' is not iterable"),
		                 v_type_name(b));
		return -1;
	}
	size_t step = b->type == T_DICT ? 2 : 1;
	for (size_t i = 0; i < b->u.seq.n; i += step)
		if (v_equal(a, b->u.seq.items[i]))
			return 1;
	return 0;
}

int v_compare(char op, const struct value *a, const struct value *b,
              char **err)
{
	int r;
	switch (op) {
	case 'E': return v_equal(a, b);
	case 'N': return !v_equal(a, b);
	case 'i': return contains(a, b, err);
	case 'n': return (r = contains(a, b, err)) < 0 ? r : !r;
	default: return order(op, a, b, err);
	}
}
