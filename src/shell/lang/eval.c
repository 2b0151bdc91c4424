/* eval.c - the evaluator: names, operators, indexing, and calls through the
 * command table, each call's arguments bound by args.c before its handler
 * runs. */
#include "eval.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "../commands/cmd.h"
#include "../commands/ssl-hooks.h"
#include "compare.h"
#include "format.h"
#include "../session/hints.h"
#include "../../core/i18n.h"
#include "lexer.h"
#include "suggest.h"
#include "../utf8.h"

struct value *const_value(const struct sk_const *c)
{
	/* Families, types and errno values print by name, as Python's enums
	 * do; every other constant is a plain int. */
	if (c->kind == CK_AF || c->kind == CK_SOCK || c->kind == CK_ERRNO)
		return v_const(c->kind, c->value);
	return v_int(c->value);
}

const char *eval_reserved(const char *name)
{
	if (!strcmp(name, "None") || !strcmp(name, "True") ||
	    !strcmp(name, "False"))
		return N_("a literal");
	if (cmd_find(name) || !strcmp(name, "socket"))
		return N_("a command");
	/* help lists family, type, proto and timeout among the commands. */
	const struct cmd_entry *a = cmd_find_method(T_SOCKET, name);
	if (a && (a->flags & CMD_ATTR))
		return N_("the name of a socket attribute");
	if (const_lookup(name))
		return N_("a constant");
	return NULL;
}

/* A hint among variables, commands and constants for an unknown NAME. */
static const char *hint_for(struct shell *sh, const char *name,
                            bool commands_only)
{
	struct suggester s;
	suggest_begin(&s, name);
	const struct cmd_entry *e;
	for (size_t i = 0; (e = cmd_at(i)); i++)
		if (!(e->flags & CMD_FILE))
			suggest_offer(&s, e->name);
	if (!commands_only) {
		/* true is Python's True, as Python's NameError suggests. */
		suggest_offer(&s, "True");
		suggest_offer(&s, "False");
		suggest_offer(&s, "None");
		size_t n;
		const char **names = vars_names(&sh->vars, &n);
		for (size_t i = 0; i < n; i++)
			suggest_offer(&s, names[i]);
		free(names);
		for (size_t i = 0; i < const_count(); i++)
			suggest_offer(&s, const_at(i)->name);
	}
	return suggest_result(&s);
}

static void fail_unknown(struct shell *sh, const char *name, const char *what,
                         bool commands_only)
{
	const char *h = hint_for(sh, name, commands_only);
	if (h)
		eval_fail(sh, _("%s: %s (did you mean %s?)"), name, _(what), h);
	else
		eval_fail(sh, "%s: %s", name, _(what));
}

static struct value *eval_name(struct shell *sh, struct node *n, bool argpos)
{
	/* No variable has a constant's name (assignment refuses one), so the
	 * order of the two lookups is only a matter of speed: a name in
	 * capitals is most likely a constant, and a miss in a full variable
	 * table costs the most. */
	const struct sk_const *c = NULL;
	if (n->name[0] >= 'A' && n->name[0] <= 'Z' && (c = const_lookup(n->name)))
		return const_value(c);
	/* A variable named _ wins over the last value, as in Python. */
	struct value *v = vars_get(&sh->vars, n->name);
	if (!v && !strcmp(n->name, "_"))
		v = sh->last;
	if (v)
		return v_ref(v);
	if ((c = const_lookup(n->name)))
		return const_value(c);
	if (argpos)
		return v_word(n->word ? n->word : n->name,
		              strlen(n->word ? n->word : n->name));
	fail_unknown(sh, n->name, N_("no such variable"), false);
	return NULL;
}

static struct value *run_call(struct shell *sh, const struct cmd_entry *e,
                              struct value *self, struct node *n);

/* The part of ENTRY_NAME after "TYPE.", or NULL. */
static const char *method_part(const char *entry_name, const char *type)
{
	size_t tl = strlen(type);
	if (!entry_name || strncmp(entry_name, type, tl) || entry_name[tl] != '.')
		return NULL;
	return entry_name + tl + 1;
}

static void offer_methods(struct suggester *s, const struct value *self)
{
	bool handle = self->type == T_SOCKET || self->type == T_FILE ||
	              self->type == T_POLL ||
	              self->type == T_SSLCTX;
	const char *t = v_type_name(self), *part;
	const struct cmd_entry *m;
	for (size_t i = 0; (m = cmd_at(i)); i++) {
		if (handle && cmd_find_method(self->type, m->name) == m)
			suggest_offer(s, m->name);
		else if (!handle && (m->flags & CMD_VALUE) &&
		         ((part = method_part(m->name, t)) ||
		          (part = method_part(m->alias, t))))
			suggest_offer(s, part);
	}
}

static struct value *method_call(struct shell *sh, struct value *self,
                                 const char *name, struct node *n)
{
	const struct cmd_entry *e = NULL;
	bool has_methods = self->type == T_SOCKET || self->type == T_FILE ||
	                   self->type == T_POLL ||
	                   self->type == T_SSLCTX;
	if (has_methods)
		e = cmd_find_method(self->type, name);
	else
		e = cmd_find_value_method(self, name);
	if (!e) {
		struct suggester s;
		suggest_begin(&s, name);
		offer_methods(&s, self);
		const char *h = suggest_result(&s);
		if (h)
			eval_fail(sh, _("%s: '%s' object has no attribute '%s' (did "
			                "you mean %s?)"),
			          name, v_type_name(self), name, h);
		else
			eval_fail(sh, _("%s: '%s' object has no attribute '%s'"), name,
			          v_type_name(self), name);
		return NULL;
	}
	return run_call(sh, e, self, n);
}

/* socket.X where X is neither a command nor a constant: name the typo
 * with the closest name the module has. */
static bool module_attr_error(struct shell *sh, struct node *n)
{
	if (n->obj->kind == N_NAME && !strcmp(n->obj->name, "os") &&
	    !vars_get(&sh->vars, "os")) {
		eval_fail(sh, _("%s: module 'os' has no attribute '%s' here (only "
		                "os.unlink)"), n->name, n->name);
		return true;
	}
	if (n->obj->kind != N_NAME || strcmp(n->obj->name, "socket") ||
	    vars_get(&sh->vars, "socket"))
		return false;
	struct suggester s;
	suggest_begin(&s, n->name);
	const struct cmd_entry *e;
	for (size_t i = 0; (e = cmd_at(i)); i++)
		if (!(e->flags & (CMD_FILE | CMD_ATTR)))
			suggest_offer(&s, e->name);
	for (size_t i = 0; i < const_count(); i++)
		suggest_offer(&s, const_at(i)->name);
	const char *h = suggest_result(&s);
	if (h)
		eval_fail(sh, _("%s: module 'socket' has no attribute '%s' (did you "
		                "mean %s?)"),
		          n->name, n->name, h);
	else
		eval_fail(sh, _("%s: module 'socket' has no attribute '%s'"),
		          n->name, n->name);
	return true;
}

/* struct.X or int.X where no command of that name is: Python's
 * AttributeError, with the closest name the module or type has. */
static bool dotted_attr_error(struct shell *sh, struct node *n)
{
	if (n->obj->kind != N_NAME || vars_get(&sh->vars, n->obj->name))
		return false;
	const char *mod = n->obj->name, *part;
	struct suggester s;
	suggest_begin(&s, n->name);
	bool any = false;
	const struct cmd_entry *e;
	for (size_t i = 0; (e = cmd_at(i)); i++)
		if ((part = method_part(e->name, mod)))
			any = true, suggest_offer(&s, part);
	if (!any)
		return false;
	const char *h = suggest_result(&s);
	bool type = cmd_find(mod) != NULL; /* int, str, bytes */
	if (h)
		eval_fail(sh, type ? _("%s: type object '%s' has no attribute '%s' "
		                       "(did you mean %s?)")
		                   : _("%s: module '%s' has no attribute '%s' (did "
		                       "you mean %s?)"), n->name, mod, n->name, h);
	else
		eval_fail(sh, type ? _("%s: type object '%s' has no attribute '%s'")
		                   : _("%s: module '%s' has no attribute '%s'"),
		          n->name, mod, n->name);
	return true;
}

static struct value *eval_attr(struct shell *sh, struct node *n, bool argpos)
{
	if (module_attr_error(sh, n) || dotted_attr_error(sh, n))
		return NULL;
	/* example.com as an argument: a dotted word, unless its first part
	 * is a variable. */
	if (argpos && n->word) {
		struct node *root = n->obj;
		while (root->kind == N_ATTR)
			root = root->obj;
		if (root->kind == N_NAME && !vars_get(&sh->vars, root->name) &&
		    strcmp(root->name, "_"))
			return v_word(n->word, strlen(n->word));
	}
	struct value *self = eval_node(sh, n->obj, false);
	if (!self)
		return NULL;
	struct value *r = method_call(sh, self, n->name, NULL);
	v_unref(self);
	return r;
}

static struct value *eval_call(struct shell *sh, struct node *n)
{
	if (n->obj && (module_attr_error(sh, n) || dotted_attr_error(sh, n)))
		return NULL;
	if (n->obj) {
		struct value *self = eval_node(sh, n->obj, false);
		if (!self)
			return NULL;
		struct value *r = method_call(sh, self, n->name, n);
		v_unref(self);
		return r;
	}
	const struct cmd_entry *e = cmd_find(n->name);
	if (!e) {
		if (vars_get(&sh->vars, n->name))
			eval_fail(sh, _("%s: a variable, not a command (to call a "
			                "method: %s.METHOD ARGS)"),
			          n->name, n->name);
		else
			fail_unknown(sh, n->name, N_("unknown command"), true);
		shell_error_at(sh, n->pos, n->pos + strlen(n->name));
		return NULL;
	}
	return run_call(sh, e, NULL, n);
}

static struct value *eval_items(struct shell *sh, struct node *n,
                                enum vtype type)
{
	struct value **items = xmalloc(sizeof *items * (n->nargs ? n->nargs : 1));
	for (size_t i = 0; i < n->nargs; i++) {
		items[i] = eval_node(sh, n->args[i], false);
		if (items[i] && v_depth(items[i]) >= V_MAX_DEPTH) {
			eval_fail(sh, "%s: nested too deeply (at most %d levels)",
			          type == T_LIST ? "list" : "tuple", V_MAX_DEPTH);
			v_unref(items[i]);
			items[i] = NULL;
		}
		if (!items[i]) {
			for (size_t k = 0; k < i; k++)
				v_unref(items[k]);
			free(items);
			return NULL;
		}
	}
	struct value *v = v_seq(type, items, n->nargs);
	free(items);
	return v;
}

/* Python's index rules: negative counts from the end. */
static bool norm_index(long long *i, size_t len)
{
	if (*i < 0)
		*i += (long long)len;
	return *i >= 0 && *i < (long long)len;
}

static size_t seq_len(const struct value *v)
{
	return v_is_seq(v) || v->type == T_DICT ? v->u.seq.n : v->u.s.len;
}

/* The byte offset of each code point of the str S, then its end; *N the
 * count. Python indexes a str by code point; a byte that is not UTF-8
 * counts as one, as it prints as one (\xe9). */
static size_t *cp_offsets(const struct value *s, size_t *n)
{
	size_t len = s->u.s.len, k = 0;
	size_t *off = xmalloc(sizeof *off * (len + 1));
	for (size_t i = 0; i < len; k++) {
		off[k] = i;
		struct utf8_step m = utf8_step((const unsigned char *)s->u.s.p + i,
		                               len - i, true);
		i += m.fault ? 1 : m.len;
	}
	off[k] = len;
	*n = k;
	return off;
}

static struct value *index_value(struct shell *sh, struct value *obj,
                                 struct value *idx)
{
	if (obj->type == T_DICT) {
		for (size_t i = 0; i + 1 < obj->u.seq.n; i += 2) {
			struct value *k = obj->u.seq.items[i];
			if (idx->type == T_STR && k->type == T_STR &&
			    !strcmp(k->u.s.p, idx->u.s.p))
				return v_ref(obj->u.seq.items[i + 1]);
		}
		char *r = v_repr(idx);
		eval_fail(sh, _("index: no key %s"), r);
		free(r);
		return NULL;
	}
	bool seq = v_is_seq(obj);
	if (!seq && obj->type != T_STR && !v_is_bytes_like(obj)) {
		eval_fail(sh, _("index: '%s' object is not subscriptable"),
		          v_type_name(obj));
		return NULL;
	}
	if (!v_is_int(idx)) {
		eval_fail(sh, _("index: indices must be integers, not %s"),
		          v_type_name(idx));
		return NULL;
	}
	long long i = v_int_of(idx);
	size_t ncp = 0, *off = obj->type == T_STR ? cp_offsets(obj, &ncp) : NULL;
	if (!norm_index(&i, off ? ncp : seq_len(obj))) {
		free(off);
		eval_fail(sh, _("index: %s index out of range"), v_type_name(obj));
		return NULL;
	}
	if (seq)
		return v_ref(obj->u.seq.items[i]);
	if (off) {
		struct value *r = v_str(obj->u.s.p + off[i], off[i + 1] - off[i]);
		free(off);
		return r;
	}
	return v_int((unsigned char)obj->u.s.p[i]);
}

/* Clamp a slice bound as Python does. */
static long long slice_bound(struct value *v, long long dflt, size_t len,
                             long long step)
{
	if (!v || v->type == T_NONE)
		return dflt;
	long long i = v_int_of(v);
	long long n = (long long)len;
	if (i < 0)
		i += n;
	if (step > 0)
		return i < 0 ? 0 : i > n ? n : i;
	return i < -1 ? -1 : i >= n ? n - 1 : i;
}

static struct value *slice_value(struct shell *sh, struct value *obj,
                                 struct value *b[3])
{
	for (int k = 0; k < 3; k++) {
		if (b[k] && b[k]->type != T_NONE && !v_is_int(b[k])) {
			eval_fail(sh, _("slice: indices must be integers or None"));
			return NULL;
		}
	}
	if (!v_is_seq(obj) && obj->type != T_STR && !v_is_bytes_like(obj)) {
		eval_fail(sh, _("slice: '%s' object is not subscriptable"),
		          v_type_name(obj));
		return NULL;
	}
	long long step = b[2] && b[2]->type != T_NONE ? v_int_of(b[2]) : 1;
	if (step == 0) {
		eval_fail(sh, _("slice: slice step cannot be zero"));
		return NULL;
	}
	size_t len = seq_len(obj), *off = NULL;
	if (obj->type == T_STR)
		off = cp_offsets(obj, &len);
	long long start = slice_bound(b[0], step > 0 ? 0 : (long long)len - 1, len, step);
	long long stop = slice_bound(b[1], step > 0 ? (long long)len : -1, len, step);
	struct strbuf out = {0};
	struct value **items = xmalloc(sizeof *items * (len ? len : 1));
	size_t n = 0;
	for (long long i = start; step > 0 ? i < stop : i > stop; i += step) {
		if (v_is_seq(obj))
			items[n++] = v_ref(obj->u.seq.items[i]);
		else if (off)
			sb_add(&out, obj->u.s.p + off[i], off[i + 1] - off[i]);
		else
			sb_addc(&out, obj->u.s.p[i]);
	}
	struct value *r;
	if (v_is_seq(obj))
		r = v_seq(obj->type, items, n);
	else if (obj->type == T_STR)
		r = v_str(out.p ? out.p : "", out.len);
	else if (obj->type == T_BYTES)
		r = v_bytes(out.p, out.len);
	else
		r = v_bytearray(out.p, out.len);
	free(items);
	free(off);
	sb_free(&out);
	return r;
}

static struct value *eval_subscript(struct shell *sh, struct node *n)
{
	struct value *obj = eval_node(sh, n->obj, false);
	if (!obj)
		return NULL;
	struct value *b[3] = {NULL, NULL, NULL};
	struct value *r = NULL;
	size_t k;
	for (k = 0; k < n->nargs; k++) {
		if (n->args[k] && !(b[k] = eval_node(sh, n->args[k], false)))
			goto out;
	}
	r = n->kind == N_INDEX ? index_value(sh, obj, b[0])
	                       : slice_value(sh, obj, b);
out:
	for (size_t i = 0; i < 3; i++)
		v_unref(b[i]);
	v_unref(obj);
	return r;
}

/* Results past this size are refused rather than exhausting memory. */
#define MAX_RESULT VALUE_MAX

static bool sized(const struct value *v)
{
	return v_is_seq(v) || v->type == T_STR || v_is_bytes_like(v);
}

static struct value *concat(struct shell *sh, struct value *a, struct value *b)
{
	size_t elem = v_is_seq(a) ? sizeof(struct value *) : 1;
	if (sized(a) && sized(b) && (seq_len(a) + seq_len(b)) * elem > MAX_RESULT) {
		eval_fail(sh, _("+: result too large (over 256 MiB)"));
		return NULL;
	}
	if (a->type == T_STR && b->type == T_STR) {
		struct strbuf s = {0};
		sb_add(&s, a->u.s.p, a->u.s.len);
		sb_add(&s, b->u.s.p, b->u.s.len);
		struct value *r = v_str(s.p, s.len);
		sb_free(&s);
		return r;
	}
	if (v_is_bytes_like(a) && v_is_bytes_like(b)) {
		struct strbuf s = {0};
		sb_add(&s, a->u.s.p, a->u.s.len);
		sb_add(&s, b->u.s.p, b->u.s.len);
		struct value *r = a->type == T_BYTES ? v_bytes(s.p, s.len)
		                                     : v_bytearray(s.p, s.len);
		sb_free(&s);
		return r;
	}
	if (v_is_seq(a) && a->type == b->type) {
		size_t n = a->u.seq.n + b->u.seq.n;
		struct value **items = xmalloc(sizeof *items * (n ? n : 1));
		for (size_t i = 0; i < a->u.seq.n; i++)
			items[i] = v_ref(a->u.seq.items[i]);
		for (size_t i = 0; i < b->u.seq.n; i++)
			items[a->u.seq.n + i] = v_ref(b->u.seq.items[i]);
		struct value *r = v_seq(a->type, items, n);
		free(items);
		return r;
	}
	eval_fail(sh, _("+: can't add %s and %s"), v_type_name(a), v_type_name(b));
	return NULL;
}

static struct value *repeat_value(struct shell *sh, struct value *a,
                                  long long times)
{
	size_t unit = seq_len(a);
	/* A list's size is its item pointers, not its item count. */
	size_t bytes = unit * (v_is_seq(a) ? sizeof(struct value *) : 1);
	if (times < 0)
		times = 0;
	if (bytes && (unsigned long long)times > MAX_RESULT / bytes) {
		eval_fail(sh, _("*: result too large (over 256 MiB)"));
		return NULL;
	}
	size_t n = unit * (size_t)times;
	if (v_is_seq(a)) {
		struct value **items = xmalloc(sizeof *items * (n ? n : 1));
		for (size_t i = 0; i < n; i++)
			items[i] = v_ref(a->u.seq.items[i % unit]);
		struct value *r = v_seq(a->type, items, n);
		free(items);
		return r;
	}
	char *p = xmalloc(n + 1);
	for (size_t i = 0; i < (size_t)times; i++)
		memcpy(p + i * unit, a->u.s.p, unit);
	struct value *r = a->type == T_STR     ? v_str(p, n)
	                  : a->type == T_BYTES ? v_bytes(p, n)
	                                       : v_bytearray(p, n);
	free(p);
	return r;
}

static struct value *arith(struct shell *sh, char op, struct value *a,
                           struct value *b)
{
	if (a->type == T_FLOAT || b->type == T_FLOAT) {
		double x = a->type == T_FLOAT ? a->u.f : (double)v_int_of(a);
		double y = b->type == T_FLOAT ? b->u.f : (double)v_int_of(b);
		return v_float(op == '+' ? x + y : op == '-' ? x - y : x * y);
	}
	long long r, x = v_int_of(a), y = v_int_of(b);
	bool over = op == '+'   ? __builtin_add_overflow(x, y, &r)
	            : op == '-' ? __builtin_sub_overflow(x, y, &r)
	                        : __builtin_mul_overflow(x, y, &r);
	if (over) {
		eval_fail(sh, _("%c: integer overflow (sockshell integers are 64-bit)"), op);
		return NULL;
	}
	return v_int(r);
}

static bool is_number(const struct value *v)
{
	return v_is_int(v) || v->type == T_FLOAT;
}

static struct value *binop_value(struct shell *sh, char op, struct value *a,
                                 struct value *b)
{
	if (op == '|') {
		if (!v_is_int(a) || !v_is_int(b)) {
			eval_fail(sh, _("|: needs integers or constants, not %s and %s"),
			          v_type_name(a), v_type_name(b));
			return NULL;
		}
		long long r = v_int_of(a) | v_int_of(b);
		if (a->type == T_CONST)
			return v_const(a->u.c.kind, r);
		return v_int(r);
	}
	if (is_number(a) && is_number(b))
		return arith(sh, op, a, b);
	if (op == '-') {
		eval_fail(sh, _("-: unsupported operand type(s) for -: '%s' and '%s'"),
		          v_type_name(a), v_type_name(b));
		return NULL;
	}
	if (op == '+')
		return concat(sh, a, b);
	if (v_is_int(b) && a->type != T_NONE && (v_is_seq(a) || a->type == T_STR || v_is_bytes_like(a)))
		return repeat_value(sh, a, v_int_of(b));
	if (v_is_int(a) && (v_is_seq(b) || b->type == T_STR || v_is_bytes_like(b)))
		return repeat_value(sh, b, v_int_of(a));
	eval_fail(sh, _("*: can't multiply %s by %s"), v_type_name(a), v_type_name(b));
	return NULL;
}

static struct value *eval_binop(struct shell *sh, struct node *n, bool argpos)
{
	struct value *a = eval_node(sh, n->args[0], argpos);
	if (!a)
		return NULL;
	struct value *b = eval_node(sh, n->args[1], argpos);
	if (!b) {
		v_unref(a);
		return NULL;
	}
	struct value *r = NULL;
	if (a->type == T_STR && a->u.s.word && n->op == '|')
		fail_unknown(sh, a->u.s.p, N_("unknown constant"), false);
	else if (b->type == T_STR && b->u.s.word && n->op == '|')
		fail_unknown(sh, b->u.s.p, N_("unknown constant"), false);
	else
		r = binop_value(sh, n->op, a, b);
	v_unref(a);
	v_unref(b);
	return r;
}

/* a < b < c: each comparison in turn, the next operand evaluated only
 * while they hold, as Python does. */
static struct value *eval_compare(struct shell *sh, struct node *n,
                                  bool argpos)
{
	struct value *a = eval_node(sh, n->args[0], argpos);
	if (!a)
		return NULL;
	int r = 1;
	for (size_t i = 1; r == 1 && i < n->nargs; i++) {
		struct value *b = eval_node(sh, n->args[i], argpos);
		char *err = NULL;
		r = b ? v_compare(n->name[i - 1], a, b, &err) : -1;
		if (err)
			eval_fail(sh, "%s: %s", compare_op_text(n->name[i - 1]), err);
		free(err);
		v_unref(a);
		a = b;
	}
	v_unref(a);
	return r < 0 ? NULL : v_bool(r);
}

static struct value *eval_kind(struct shell *sh, struct node *n, bool argpos);

/* A failure names the innermost node that failed, for the caret. */
struct value *eval_node(struct shell *sh, struct node *n, bool argpos)
{
	struct value *v = eval_kind(sh, n, argpos);
	if (!v)
		shell_error_at(sh, n->pos, n->end);
	return v;
}

static struct value *eval_kind(struct shell *sh, struct node *n, bool argpos)
{
	switch (n->kind) {
	case N_LIT:
		return v_ref(n->lit);
	case N_NAME:
		return eval_name(sh, n, argpos);
	case N_WORD:
		return v_word(n->word, strlen(n->word));
	case N_ATTR:
		return eval_attr(sh, n, argpos);
	case N_CALL:
		return eval_call(sh, n);
	case N_TUPLE:
		return eval_items(sh, n, T_TUPLE);
	case N_LIST:
		return eval_items(sh, n, T_LIST);
	case N_INDEX:
	case N_SLICE:
		return eval_subscript(sh, n);
	case N_BINOP:
		return eval_binop(sh, n, argpos);
	case N_COMPARE:
		return eval_compare(sh, n, argpos);
	case N_STMT:
		break;
	}
	eval_fail(sh, _("a statement cannot stand here"));
	return NULL;
}

/* ---- calls ---- */

/* NAME.NAME... as written, for help(socket.socket.connect); NULL when
 * A is something else. */
static char *dotted_text(const struct node *a)
{
	if (a->kind == N_NAME)
		return xstrdup(a->name);
	if (a->kind != N_ATTR || !a->obj)
		return NULL;
	char *obj = dotted_text(a->obj);
	if (!obj)
		return NULL;
	char *r = xasprintf("%s.%s", obj, a->name);
	free(obj);
	return r;
}

/* The text of an argument that a command takes unevaluated. */
static char *raw_text(struct shell *sh, struct node *a)
{
	if (a->word)
		return xstrdup(a->word);
	char *dotted = dotted_text(a);
	if (dotted)
		return dotted;
	if (a->kind == N_LIT && a->lit->type == T_STR)
		return xstrdup(a->lit->u.s.p);
	struct value *v = eval_node(sh, a, true);
	if (!v)
		return NULL;
	char *s = v_str_of(v);
	v_unref(v);
	return s;
}

/* The type of parameter K, the last one standing for any beyond it. */
static enum ptype param_type_at(const struct cmd_entry *e, size_t k,
                                int *flags)
{
	size_t np = cmd_nparams(e);
	if (np == 0)
		return P_ANY;
	if (k >= np)
		k = np - 1;
	*flags = e->params[k].flags;
	return e->params[k].type;
}

/* A raw or statement argument A for parameter K: its text and tree kept
 * in C, unevaluated. Returns 0 or -1. */
static int keep_unevaluated(struct shell *sh, struct cmd_call *c, size_t k,
                            enum ptype t, int flags, struct node *a)
{
	bool raw = ptype_info(t)->raw;
	char *txt = raw ? raw_text(sh, a) : NULL;
	if (raw && !txt)
		return -1;
	if (flags & PF_REST) {
		c->restsrc = xgrow(c->restsrc, c->nrest, sizeof *c->restsrc);
		c->rest = xgrow(c->rest, c->nrest, sizeof *c->rest);
		c->restsrc[c->nrest] = txt;
		c->rest[c->nrest++] = NULL;
	} else if (k < CMD_MAXARGS) {
		c->argsrc[k] = txt;
		c->argnode[k] = a->kind == N_STMT || t == P_STMT ? a : NULL;
	} else {
		/* Too many: binding says so; the text is not kept. */
		free(txt);
	}
	return 0;
}

/* Evaluate the arguments of N into A; raw and statement parameters keep
 * their text and tree. Returns 0 or -1. */
static int collect_args(struct shell *sh, struct cmd_call *c, struct node *n,
                        size_t first, struct call_args *a)
{
	size_t k = first;
	for (size_t i = 0; n && i < n->nargs; i++) {
		struct node *arg = n->args[i];
		bool kw = n->kwnames && n->kwnames[i];
		int flags = 0;
		enum ptype t = kw ? P_ANY : param_type_at(c->cmd, k, &flags);
		if (!kw && (ptype_info(t)->raw || t == P_STMT)) {
			if (keep_unevaluated(sh, c, k++, t, flags, arg))
				return -1;
			a->vals[a->nvals++] = v_none();
			continue;
		}
		struct value *v = eval_node(sh, arg, true);
		if (!v)
			return -1;
		if (kw) {
			a->kwvals[i] = v;
			continue;
		}
		a->words[a->nvals] = arg->kind == N_LIT ? arg->word : NULL;
		a->argn[a->nvals] = arg;
		a->named[a->nvals] = args_const_of(arg, v);
		a->vals[a->nvals++] = v;
		k++;
	}
	return 0;
}

/* The likely cause of the call's errno at the end of its error line:
 * "ECONNREFUSED [Errno 111] Connection refused (nothing listens there)". */
static void add_hint(struct cmd_call *c)
{
	char *hint = c->cause_errno ? error_hint(c, c->cause_errno) : NULL;
	if (!hint)
		return;
	char *with = xasprintf("%s (%s)", c->cause, hint);
	free(c->cause);
	free(hint);
	c->cause = with;
}

/* The handler's status as the call's result, or NULL with the error. */
static struct value *call_result(struct shell *sh, struct cmd_call *c,
                                 enum cmd_status st)
{
	if (st == CMD_ERROR && !c->cause) {
		/* Already reported (a statement run by repeat or time). */
		free(sh->err);
		sh->err = NULL;
		sh->err_to = 0;
		sh->err_reported = true;
		return NULL;
	}
	if (st == CMD_ERROR) {
		if (c->sh_last_errno)
			sh->last_errno = c->sh_last_errno;
		add_hint(c);
		eval_fail(sh, "%s: %s", c->callname, c->cause ? c->cause : _("failed"));
		v_unref(c->result);
		return NULL;
	}
	if (st == CMD_EXIT)
		sh->exiting = true;
	return c->result ? c->result : v_none();
}

/* A socket method that would pass TLS by, on a TLS socket: refused
 * before it runs, as Python's SSLSocket refuses it. */
static bool tls_guard(struct cmd_call *c)
{
	const struct value *s = c->argv[0];
	const char *why = (c->cmd->flags & CMD_METHOD) && s &&
	                                  s->type == T_SOCKET && s->u.sock.tls
	                          ? ssl_refused(c->cmd, &s->u.sock)
	                          : NULL;
	if (why)
		cmd_fail(c, "%s", why);
	return why != NULL;
}

static struct value *run_call(struct shell *sh, const struct cmd_entry *e,
                              struct value *self, struct node *n)
{
	struct cmd_call c = {.sh = sh, .cmd = e, .callname = e->name};
	if (self && (e->flags & CMD_VALUE))
		c.callname = strchr(e->name, '.') + 1; /* as s.recv fails as recv */
	struct call_args a;
	args_init(&a, n ? n->nargs : 0);
	struct value *result = NULL;
	if (self)
		a.vals[a.nvals++] = v_ref(self);
	if (!collect_args(sh, &c, n, self ? 1 : 0, &a)) {
		if (!args_bind(&a, &c, n, self != NULL, &sh->vars, &sh->err))
			result = call_result(sh, &c, tls_guard(&c) ? CMD_ERROR
			                                           : e->exec(&c));
		else if (a.bad)
			shell_error_at(sh, a.bad->pos, a.bad->end);
	}
	args_free(&a, &c);
	return result;
}

/* ---- statements ---- */

/* OBJ.ATTR = V (the parser lets only an SSLContext's settable
 * attributes through). */
static int assign_attr(struct shell *sh, const char *target,
                       const struct value *v)
{
	const char *attr = strchr(target, '.') + 1;
	char *obj = xasprintf("%.*s", (int)(attr - 1 - target), target);
	struct value *o = vars_get(&sh->vars, obj);
	char *err = o ? ssl_setattr(o, attr, v) : NULL;
	if (!o)
		eval_fail(sh, _("%s: no such variable"), obj);
	else if (err)
		eval_fail(sh, "%s: %s", attr, err);
	free(obj);
	free(err);
	return o && !err ? 0 : -1;
}

static int assign(struct shell *sh, struct stmt *s, struct value *v)
{
	if (s->ntargets == 1 && strchr(s->targets[0], '.'))
		return assign_attr(sh, s->targets[0], v);
	/* A bound name passed the check below when it was first assigned. */
	if (s->ntargets == 1 && !s->unpack) {
		if (!vars_replace(&sh->vars, s->targets[0], v_ref(v)))
			return 0;
		v_unref(v); /* not bound yet: the reference was not taken */
	}
	for (size_t i = 0; i < s->ntargets; i++) {
		const char *why = eval_reserved(s->targets[i]);
		if (why && !strcmp(why, N_("a literal"))) {
			eval_fail(sh, _("%s: cannot assign to %s"), s->targets[i], _(why));
			return -1;
		}
		if (why) {
			eval_fail(sh, _("%s: cannot assign to %s (pick another name, "
			                "such as %s_)"),
			          s->targets[i], _(why), s->targets[i]);
			return -1;
		}
	}
	if (s->ntargets == 1 && !s->unpack) {
		vars_set(&sh->vars, s->targets[0], v_ref(v));
		return 0;
	}
	if (!v_is_seq(v)) {
		eval_fail(sh, _("%s: cannot unpack non-sequence %s"), s->targets[0],
		          v_type_name(v));
		return -1;
	}
	if (v->u.seq.n != s->ntargets) {
		eval_fail(sh, v->u.seq.n > s->ntargets
		                      ? _("%s: too many values to unpack (expected "
		                          "%zu, got %zu)")
		                      : _("%s: not enough values to unpack (expected "
		                          "%zu, got %zu)"),
		          s->targets[0], s->ntargets, v->u.seq.n);
		return -1;
	}
	for (size_t i = 0; i < s->ntargets; i++)
		vars_set(&sh->vars, s->targets[i], v_ref(v->u.seq.items[i]));
	return 0;
}

static void print_value(struct value *v)
{
	struct strbuf b = {0};
	fmt_repr(&b, v);
	sb_addc(&b, '\n');
	out_write(b.p, b.len);
	sb_free(&b);
}

static int eval_stmt_in(struct shell *sh, struct stmt *s, const char *src);

/* Keeps the status for `exit` with no argument, as sh does. */
int eval_stmt(struct shell *sh, struct stmt *s, const char *src)
{
	int r = eval_stmt_in(sh, s, src);
	if (!sh->exiting)
		sh->last_status = r;
	return r;
}

static int eval_stmt_in(struct shell *sh, struct stmt *s, const char *src)
{
	if (sh->xtrace && src)
		out_printf("+ %.*s\n", (int)(s->end - s->pos), src + s->pos);
	sh->err_to = 0;
	struct value *v = eval_node(sh, s->rhs, false);
	if (!v)
		goto fail;
	if (s->ntargets) {
		int r = assign(sh, s, v);
		v_unref(v);
		if (r)
			goto fail;
		return 0;
	}
	if (v->type != T_NONE) {
		print_value(v);
		struct value *old = sh->last;
		sh->last = v;
		v_unref(old);
	} else {
		v_unref(v);
	}
	return 0;
fail:
	/* A caret under the whole statement would say nothing. */
	if (sh->err_from == s->rhs->pos && sh->err_to == s->rhs->end)
		sh->err_to = 0;
	if (!sh->err_reported)
		shell_error(sh, sh->err ? sh->err : _("failed"));
	sh->err_to = 0;
	sh->err_reported = false;
	free(sh->err);
	sh->err = NULL;
	return 1;
}
