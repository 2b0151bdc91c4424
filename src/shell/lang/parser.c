/* parser.c - recursive descent over the lexer's tokens. Shell-form
 * arguments are tried as expressions first and fall back to a bare word
 * (127.0.0.1, ::1, /tmp/sock, @name) when they are not one. */
#include "parser.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/i18n.h"
#include "lexer.h"
#include "../strbuf.h"

static struct parser_hooks hooks;

void parser_set_hooks(const struct parser_hooks *h)
{
	hooks = *h;
}

struct parser {
	struct lexer lx;
	struct token tok;
	size_t prev_end; /* where the last consumed token ended */
	bool tight;      /* in a shell argument: operators only unspaced */
	int nest;        /* expressions being read, one inside another */
	char *err;
	size_t errpos;
	int depth;
};

static void advance(struct parser *p)
{
	p->prev_end = p->tok.pos + p->tok.len;
	tok_free(&p->tok);
	lex_next(&p->lx, &p->tok);
}

/* Go back to POS and read the token there. The token before POS ended
 * where the blanks before POS begin. */
static void reset_to(struct parser *p, size_t pos)
{
	p->lx.pos = pos;
	advance(p);
	while (pos > 0 && (p->lx.src[pos - 1] == ' ' || p->lx.src[pos - 1] == '\t'))
		pos--;
	p->prev_end = pos;
}

static bool is_op(const struct parser *p, char op)
{
	return p->tok.kind == TK_OP && p->tok.op == op;
}

static struct node *fail(struct parser *p, size_t pos, char *msg)
{
	if (!p->err) {
		p->err = msg;
		p->errpos = pos;
	} else {
		free(msg);
	}
	return NULL;
}

/* WHAT, and the lexer's messages, are marked with N_(): they stay English
 * in the tokens (quoted_start looks at them) and are translated here. */
static struct node *fail_tok(struct parser *p, const char *what)
{
	const struct token *t = &p->tok;
	if (t->kind == TK_ERROR)
		return fail(p, t->pos, xstrdup(_(t->err)));
	if (t->kind == TK_EOF)
		return fail(p, t->pos, xasprintf(_("%s, found end of line"), _(what)));
	int n = t->len > 20 ? 20 : (int)t->len;
	return fail(p, t->pos, xasprintf(_("%s, found '%.*s'"), _(what), n,
	                                 p->lx.src + t->pos));
}

static struct node *new_node(enum nkind kind, size_t pos)
{
	struct node *n = xcalloc(1, sizeof *n);
	n->kind = kind;
	n->pos = pos;
	return n;
}

static void add_arg(struct node *n, struct node *a, char *kw)
{
	n->args = xgrow(n->args, n->nargs, sizeof *n->args);
	n->args[n->nargs] = a;
	/* Keywords are rare: their array exists from the first one on. */
	if (kw && !n->kwnames)
		n->kwnames = xcalloc(xgrow_cap(n->nargs + 1), sizeof *n->kwnames);
	else if (n->kwnames)
		n->kwnames = xgrow(n->kwnames, n->nargs, sizeof *n->kwnames);
	if (n->kwnames)
		n->kwnames[n->nargs] = kw;
	n->nargs++;
}

void node_free(struct node *n)
{
	if (!n)
		return;
	v_unref(n->lit);
	free(n->name);
	free(n->word);
	node_free(n->obj);
	for (size_t i = 0; i < n->nargs; i++) {
		node_free(n->args[i]);
		if (n->kwnames)
			free(n->kwnames[i]);
	}
	free(n->args);
	free(n->kwnames);
	if (n->stmt)
		stmt_free(n->stmt);
	free(n);
}

void stmt_free(struct stmt *s)
{
	for (size_t i = 0; i < s->ntargets; i++)
		free(s->targets[i]);
	free(s->targets);
	node_free(s->rhs);
	free(s);
}

void stmts_free(struct stmt **s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		stmt_free(s[i]);
	free(s);
}

static struct node *parse_expr(struct parser *p);
static struct stmt *parse_stmt(struct parser *p, bool in_parens);
static bool parse_shell_args(struct parser *p, struct node *call,
                             bool in_parens);

static bool at_end(const struct parser *p, bool in_parens)
{
	if (p->tok.kind == TK_EOF || is_op(p, ';'))
		return true;
	return in_parens && (is_op(p, ')') || is_op(p, ','));
}

static struct node *literal(struct parser *p)
{
	struct node *n = new_node(N_LIT, p->tok.pos);
	switch (p->tok.kind) {
	case TK_INT:
		n->lit = v_int(p->tok.ival);
		break;
	case TK_FLOAT:
		n->lit = v_float(p->tok.fval);
		break;
	case TK_STR:
		n->lit = v_str(p->tok.sval, p->tok.slen);
		break;
	default:
		n->lit = v_bytes(p->tok.sval, p->tok.slen);
		break;
	}
	advance(p);
	return n;
}

/* struct.pack, int.from_bytes: a command whose name has a dot in it is
 * one name, so both forms (struct.pack('!I', 1), struct.pack !I 1) call
 * it. Anything else after a dot stays an attribute. */
static void dotted_command(struct parser *p, struct node *n)
{
	if (!is_op(p, '.') || p->tok.space_before)
		return;
	size_t save = p->tok.pos;
	advance(p);
	if (p->tok.kind == TK_NAME && !p->tok.space_before) {
		char *joined = xasprintf("%s.%s", n->name, p->tok.sval);
		if (hooks.is_command(joined)) {
			free(n->name);
			n->name = joined;
			advance(p);
			return;
		}
		free(joined);
	}
	reset_to(p, save);
}

/* The modules whose prefix pasted Python carries: socket's commands and
 * constants, and os.unlink (a lesson removes its socket file). */
static bool is_module(const char *name)
{
	return !strcmp(name, "socket") || !strcmp(name, "os") ||
	       !strcmp(name, "select") || !strcmp(name, "ssl") ||
	       !strcmp(name, "TLSVersion");
}

static bool module_member(const char *module, const char *name)
{
	if (!strcmp(module, "os"))
		return !strcmp(name, "unlink");
	if (!strcmp(module, "select"))
		return !strcmp(name, "select") || !strcmp(name, "poll") ||
		       !strcmp(name, "epoll") || !strncmp(name, "POLL", 4) ||
		       !strncmp(name, "EPOLL", 5);
	if (!strcmp(module, "ssl") && !strcmp(name, "TLSVersion"))
		return true;
	return hooks.is_command(name) || hooks.is_constant(name);
}

static struct node *name_node(struct parser *p)
{
	struct node *n;
	const char *name = p->tok.sval;
	if (!strcmp(name, "None") || !strcmp(name, "True") ||
	    !strcmp(name, "False")) {
		n = new_node(N_LIT, p->tok.pos);
		n->lit = name[0] == 'N' ? v_none() : v_bool(name[0] == 'T');
		advance(p);
		return n;
	}
	n = new_node(N_NAME, p->tok.pos);
	n->name = xstrdup(name);
	advance(p);
	/* socket.X is X: the module prefix of pasted Python is optional
	 * (ssl.TLSVersion.TLSv1_2 has two). */
	while (is_module(n->name) && is_op(p, '.') && !p->tok.space_before) {
		size_t save = p->tok.pos;
		advance(p);
		if (p->tok.kind == TK_NAME && !p->tok.space_before &&
		    module_member(n->name, p->tok.sval)) {
			free(n->name);
			n->name = xstrdup(p->tok.sval);
			advance(p);
			if (is_module(n->name))
				continue;
			return n;
		}
		/* socket.UNKNOWN stays an attribute for the evaluator to
		 * name, rather than `socket` followed by a word. */
		reset_to(p, save);
		if (p->tok.kind == TK_OP && p->tok.op == '.')
			n->word = NULL;
		break;
	}
	dotted_command(p, n);
	return n;
}

/* After '(' : a call written as in the shell, `(socket AF_UNIX)`, or a
 * method call `(srv.accept)` stands for its result. */
static bool shell_call_here(struct parser *p, struct node *e)
{
	if (p->tok.kind == TK_EOF || is_op(p, ')') || is_op(p, ',') ||
	    !p->tok.space_before)
		return false;
	if (e->kind == N_ATTR)
		return true;
	return e->kind == N_NAME && hooks.is_command(e->name);
}

static struct node *to_shell_call(struct parser *p, struct node *e,
                                  bool in_parens)
{
	struct node *call = new_node(N_CALL, e->pos);
	call->name = e->name;
	e->name = NULL;
	call->obj = e->obj;
	e->obj = NULL;
	call->shell_form = true;
	node_free(e);
	if (!parse_shell_args(p, call, in_parens)) {
		node_free(call);
		return NULL;
	}
	call->end = p->prev_end;
	return call;
}

static struct node *paren_or_tuple_in(struct parser *p);

static bool enter(struct parser *p);

static struct node *paren_or_tuple(struct parser *p)
{
	if (!enter(p))
		return NULL;
	struct node *n = paren_or_tuple_in(p);
	p->depth--;
	return n;
}

/* An item of a comma-separated list: its node, with *KW set for a
 * keyword argument (name=value); NULL on an error. */
typedef struct node *(*item_fn)(struct parser *p, const struct node *into,
                                char **kw);

/* The items of INTO up to CLOSE, separated by commas (one may end them);
 * *COMMA says whether there was one. Leaves CLOSE to the caller; frees INTO
 * and returns NULL on an error. */
static struct node *comma_items(struct parser *p, struct node *into,
                                char close, item_fn item, bool *comma)
{
	advance(p);
	*comma = false;
	while (!is_op(p, close)) {
		char *kw = NULL;
		struct node *e = item(p, into, &kw);
		if (!e) {
			free(kw);
			node_free(into);
			return NULL;
		}
		add_arg(into, e, kw);
		if (!is_op(p, ','))
			break;
		*comma = true;
		advance(p);
	}
	if (!is_op(p, close)) {
		node_free(into);
		return fail_tok(p, close == ']' ? N_("expected ']'")
		                                : N_("expected ')'"));
	}
	return into;
}

/* An item in parentheses: a shell call (the command's name first) or an
 * expression. */
static struct node *tuple_item(struct parser *p, const struct node *into,
                               char **kw)
{
	(void)into;
	(void)kw;
	struct node *e;
	if (p->tok.kind == TK_NAME && hooks.is_command(p->tok.sval) &&
	    !hooks.is_constant(p->tok.sval)) {
		size_t item = p->tok.pos;
		e = name_node(p);
		if (e && e->kind == N_NAME && hooks.is_command(e->name) &&
		    !(is_op(p, '(') && !p->tok.space_before)) {
			e = shell_call_here(p, e) ? to_shell_call(p, e, true) : e;
		} else if (e) {
			/* Not a shell call: read this item again as an
			 * expression, from its own start. */
			node_free(e);
			reset_to(p, item);
			e = parse_expr(p);
		}
	} else {
		e = parse_expr(p);
		if (e && shell_call_here(p, e) && e->kind == N_ATTR)
			e = to_shell_call(p, e, true);
	}
	return e;
}

static struct node *paren_or_tuple_in(struct parser *p)
{
	bool comma;
	struct node *t = comma_items(p, new_node(N_TUPLE, p->tok.pos), ')',
	                             tuple_item, &comma);
	if (!t)
		return NULL;
	t->end = p->tok.pos + 1;
	advance(p);
	if (t->nargs == 1 && !comma) {
		struct node *e = t->args[0];
		t->nargs = 0;
		node_free(t);
		return e;
	}
	return t;
}

static struct node *list_literal_in(struct parser *p);

static struct node *list_literal(struct parser *p)
{
	if (!enter(p))
		return NULL;
	struct node *n = list_literal_in(p);
	p->depth--;
	return n;
}

static struct node *list_item(struct parser *p, const struct node *into,
                              char **kw)
{
	(void)into;
	(void)kw;
	return parse_expr(p);
}

static struct node *list_literal_in(struct parser *p)
{
	bool comma;
	struct node *l = comma_items(p, new_node(N_LIST, p->tok.pos), ']',
	                             list_item, &comma);
	if (l)
		advance(p);
	return l;
}

static struct node *parse_primary(struct parser *p)
{
	switch (p->tok.kind) {
	case TK_INT:
	case TK_FLOAT:
	case TK_STR:
	case TK_BYTES:
		return literal(p);
	case TK_NAME:
		return name_node(p);
	case TK_OP:
		if (p->tok.op == '(')
			return paren_or_tuple(p);
		if (p->tok.op == '[')
			return list_literal(p);
		/* fall through */
	default:
		return fail_tok(p, N_("expected a value"));
	}
}

/* A Python-form call argument: a value, or name=value by Python's rules
 * for keyword arguments. */
static struct node *call_item(struct parser *p, const struct node *call,
                              char **kw)
{
	if (p->tok.kind == TK_NAME) {
		size_t save = p->tok.pos;
		char *name = xstrdup(p->tok.sval);
		advance(p);
		if (is_op(p, '='))
			*kw = name, advance(p);
		else
			free(name), reset_to(p, save);
	}
	const char *bad = NULL;
	for (size_t i = 0; *kw && i < call->nargs; i++)
		if (call->kwnames && call->kwnames[i] && !strcmp(call->kwnames[i], *kw))
			bad = N_("keyword argument repeated");
	if (!*kw && call->nargs && call->kwnames && call->kwnames[call->nargs - 1])
		bad = N_("positional argument follows keyword argument");
	return bad ? fail(p, p->tok.pos, xstrdup(bad)) : parse_expr(p);
}

/* Python-form call arguments: (a, b, name=c). */
static struct node *call_args(struct parser *p, struct node *callee)
{
	struct node *call = new_node(N_CALL, callee->pos);
	call->name = callee->name;
	callee->name = NULL;
	call->obj = callee->obj;
	callee->obj = NULL;
	node_free(callee);
	bool comma;
	call = comma_items(p, call, ')', call_item, &comma);
	if (call)
		advance(p);
	return call;
}

static struct node *subscript(struct parser *p, struct node *obj)
{
	struct node *n = new_node(N_INDEX, obj->pos);
	n->obj = obj;
	advance(p);
	struct node *part[3] = {NULL, NULL, NULL};
	int colons = 0;
	for (;;) {
		if (!is_op(p, ':') && !is_op(p, ']')) {
			part[colons] = parse_expr(p);
			if (!part[colons])
				goto bad;
		}
		if (!is_op(p, ':') || colons == 2)
			break;
		colons++;
		advance(p);
	}
	if (!is_op(p, ']')) {
		fail_tok(p, N_("expected ']'"));
		goto bad;
	}
	advance(p);
	if (colons == 0 && !part[0]) {
		fail(p, n->pos, xstrdup(_("empty index")));
		goto bad;
	}
	n->kind = colons ? N_SLICE : N_INDEX;
	for (int i = 0; i < (colons ? 3 : 1); i++)
		add_arg(n, part[i], NULL);
	return n;
bad:
	for (int i = 0; i < 3; i++)
		node_free(part[i]);
	node_free(n);
	return NULL;
}

/* Every link of a chain (x[0][0], a.b.c, f(1)(2)) deepens the tree as a
 * bracket does, so a long chain is refused before the recursion that
 * walks it could overflow the stack. */
static struct node *parse_postfix(struct parser *p)
{
	struct node *e = parse_primary(p);
	if (e)
		e->end = p->prev_end; /* the span an error's caret underlines */
	int chain = 0;
	while (e && !p->tok.space_before && p->tok.kind == TK_OP &&
	       strchr("([.", p->tok.op)) {
		if (p->tok.op == '(' && e->kind != N_NAME && e->kind != N_ATTR)
			break;
		if (!enter(p)) {
			node_free(e);
			e = NULL;
			break;
		}
		chain++;
		if (p->tok.op == '(') {
			e = call_args(p, e);
		} else if (p->tok.op == '[') {
			e = subscript(p, e);
		} else {
			advance(p);
			if (p->tok.kind != TK_NAME || p->tok.space_before) {
				node_free(e);
				e = fail_tok(p, N_("expected a name after '.'"));
				break;
			}
			struct node *a = new_node(N_ATTR, e->pos);
			a->obj = e;
			a->name = xstrdup(p->tok.sval);
			advance(p);
			e = a;
		}
		if (e)
			e->end = p->prev_end;
	}
	p->depth -= chain;
	return e;
}

static struct node *binop(char op, struct node *l, struct node *r)
{
	struct node *n = new_node(N_BINOP, l->pos);
	n->end = r->end;
	n->op = op;
	add_arg(n, l, NULL);
	add_arg(n, r, NULL);
	return n;
}

/* An operator with no space on either side (MSG_PEEK|MSG_DONTWAIT). */
static bool op_is_tight(const struct parser *p)
{
	size_t after = p->tok.pos + 1;
	return !p->tok.space_before && after < p->lx.len &&
	       !strchr(" \t\r\n", p->lx.src[after]);
}

static struct node *shell_arg(struct parser *p, bool in_parens);
static struct node *parse_level(struct parser *p, int level, bool shell,
                                bool in_parens);

/* An operand of an operator at LEVEL: in an expression, a postfix
 * expression; in a shell-form argument (SHELL), one of its words. */
static struct node *operand(struct parser *p, int level, bool shell,
                            bool in_parens)
{
	if (level < 2)
		return parse_level(p, level + 1, shell, in_parens);
	return shell ? shell_arg(p, in_parens) : parse_postfix(p);
}

/* Does OP, the current token, join two operands? In a shell-form
 * argument only with a space before it (`b'x' * 3`); in a tight argument
 * only touching both sides. */
static bool joins(const struct parser *p, char op, bool shell)
{
	if (!is_op(p, op))
		return false;
	return shell ? p->tok.space_before : !(p->tight && !op_is_tight(p));
}

/* Binary minus, in an expression only (a shell word such as
 * example-host.com or /tmp/a-b stays a word): '-' is an operator, and so
 * is the sign of a number lexed as -1 where it touches its left operand
 * (x-1), follows a literal (5 -1), or stands inside brackets; at the top
 * of a statement `s.recv -1` stays a shell-form call. */
static bool joins_minus(struct parser *p, const struct node *l, bool shell)
{
	if (shell || p->tight)
		return false;
	if (is_op(p, '-'))
		return true;
	bool number = p->tok.kind == TK_INT || p->tok.kind == TK_FLOAT;
	if (!number || p->lx.src[p->tok.pos] != '-')
		return false;
	return !p->tok.space_before || p->nest > 1 ||
	       (l->kind != N_NAME && l->kind != N_ATTR);
}

/* The operator at LEVEL joining L to what follows, or 0. */
static char level_op(struct parser *p, int level, const struct node *l,
                     bool shell)
{
	static const char ops[] = "|+*";
	if (joins(p, ops[level], shell))
		return ops[level];
	return level == 1 && joins_minus(p, l, shell) ? '-' : 0;
}

/* Past the operator: a number's sign is read again as the operator. */
static void skip_op(struct parser *p)
{
	if (p->tok.kind == TK_OP)
		advance(p);
	else
		reset_to(p, p->tok.pos + 1);
}

/* Python's precedence: '*' binds tighter than '+' and '-', '|' loosest, in
 * an expression and in a shell-form argument alike. */
static struct node *parse_level(struct parser *p, int level, bool shell,
                                bool in_parens)
{
	struct node *l = operand(p, level, shell, in_parens);
	int chain = 0;
	char op;
	while (l && (op = level_op(p, level, l, shell))) {
		/* a + b + c nests to the left: each operator is a level. */
		if (!enter(p)) {
			node_free(l);
			l = NULL;
			break;
		}
		chain++;
		skip_op(p);
		struct node *r = shell && at_end(p, in_parens)
		                         ? fail_tok(p, N_("expected a value"))
		                         : operand(p, level, shell, in_parens);
		if (!r) {
			node_free(l);
			l = NULL;
			break;
		}
		l = binop(op, l, r);
	}
	p->depth -= chain;
	return l;
}

/* The comparison at the current token, as N_COMPARE keeps it: the lexer's
 * codes for == != <= >= (E N L G), '<', '>', 'i' for in, 'n' for not in;
 * 0 when there is none. */
static char compare_op(const struct parser *p)
{
	if (p->tok.kind == TK_OP)
		return strchr("ENLG<>", p->tok.op) ? p->tok.op : 0;
	if (p->tok.kind != TK_NAME)
		return 0;
	if (!strcmp(p->tok.sval, "in"))
		return 'i';
	if (strcmp(p->tok.sval, "not"))
		return 0;
	struct lexer lx = p->lx; /* a copy: look ahead without consuming */
	struct token t;
	lex_next(&lx, &t);
	bool in = t.kind == TK_NAME && !strcmp(t.sval, "in");
	tok_free(&t);
	return in ? 'n' : 0;
}

/* A < b == c: Python's chain of comparisons, each operand evaluated once
 * (N_COMPARE: the operands in args, the operators in name). */
static struct node *comparison(struct parser *p)
{
	struct node *l = parse_level(p, 0, false, false);
	char op = l ? compare_op(p) : 0;
	if (!op)
		return l;
	struct node *n = new_node(N_COMPARE, l->pos);
	struct strbuf ops = {0};
	add_arg(n, l, NULL);
	for (; op; op = compare_op(p)) {
		sb_addc(&ops, op);
		advance(p);
		if (op == 'n')
			advance(p);
		struct node *r = parse_level(p, 0, false, false);
		if (!r) {
			sb_free(&ops);
			node_free(n);
			return NULL;
		}
		add_arg(n, r, NULL);
		n->end = r->end;
	}
	n->name = sb_take(&ops);
	return n;
}

static struct node *parse_expr(struct parser *p)
{
	bool tight = p->tight;
	p->tight = false; /* inside brackets spaces are free again */
	p->nest++;
	struct node *e = comparison(p);
	p->nest--;
	p->tight = tight;
	return e;
}

/* Each bracket level counts once; past the limit is an error, not a
 * stack overflow. */
static bool enter(struct parser *p)
{
	if (++p->depth <= PARSE_MAX_DEPTH)
		return true;
	p->depth--;
	fail(p, p->tok.pos, xstrdup(N_("expression nested too deeply")));
	return false;
}

/* Where a shell word starting at POS ends. */
static size_t word_end(const struct parser *p, size_t pos, bool in_parens)
{
	const char *s = p->lx.src;
	int nest = 0;
	for (; pos < p->lx.len; pos++) {
		char c = s[pos];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ';')
			break;
		if (c == '(' || c == '[')
			nest++;
		else if ((c == ')' || c == ']') && nest > 0)
			nest--;
		else if (in_parens && nest == 0 && (c == ')' || c == ','))
			break;
	}
	return pos;
}

/* An argument written without spaces inside: an expression whose
 * operators touch their operands (MSG_PEEK|MSG_DONTWAIT, b'x'*3). */
static struct node *tight_expr(struct parser *p)
{
	bool tight = p->tight;
	p->tight = true;
	struct node *e = parse_level(p, 0, false, false);
	p->tight = tight;
	if (e && p->tok.kind == TK_OP && strchr("|+*", p->tok.op) &&
	    !p->tok.space_before && p->tok.pos + 1 < p->lx.len &&
	    strchr(" \t", p->lx.src[p->tok.pos + 1])) {
		node_free(e);
		return fail_tok(p, "expected a value after the operator");
	}
	return e;
}

/* Does the source at POS open a string literal: a quote, after at most
 * two prefix letters (b, r, x and their pairs)? */
static bool opens_literal(const struct parser *p, size_t pos)
{
	const char *s = p->lx.src + pos, *end = p->lx.src + p->lx.len;
	for (int i = 0; i < 2 && s < end && strchr("bBrRxX", *s) && *s; i++)
		s++;
	return s < end && (*s == '\'' || *s == '"');
}

/* A literal that fails to lex (unterminated, a bad escape, not UTF-8)
 * counts as quoted: its error is reported, not hidden by reading the
 * argument as a bare word. */
static bool quoted_start(const struct parser *p, const struct token *t)
{
	return t->kind == TK_STR || t->kind == TK_BYTES ||
	       (t->kind == TK_OP && t->op == '(') ||
	       (t->kind == TK_ERROR && opens_literal(p, t->pos));
}

static struct node *word_node(struct parser *p, size_t pos, size_t end)
{
	struct node *w = new_node(N_WORD, pos);
	w->word = xstrndup(p->lx.src + pos, end - pos);
	w->end = end;
	reset_to(p, end);
	/* The word, not the token the failed expression stopped in (1.2.3
	 * of 1.2.3.4), ends here: -x and record show the statement to it. */
	p->prev_end = end;
	return w;
}

/* One shell-form argument: an expression when the whole of it parses as
 * one, else the word as it stands. */
static struct node *shell_arg(struct parser *p, bool in_parens)
{
	size_t pos = p->tok.pos;
	size_t end = word_end(p, pos, in_parens);
	bool quoted = quoted_start(p, &p->tok);
	char *saved_err = p->err;
	p->err = NULL;
	struct node *e = tight_expr(p);
	bool boundary = p->tok.space_before || at_end(p, in_parens);
	if (e && boundary && (quoted || p->tok.pos >= end)) {
		p->err = saved_err;
		/* Keep the text of names, and of unquoted numbers, which are
		 * strings where a host or a service is expected (127.1). */
		bool number = e->kind == N_LIT && !quoted &&
		              (e->lit->type == T_INT || e->lit->type == T_FLOAT);
		if (e->kind == N_NAME || e->kind == N_ATTR || number)
			e->word = xstrndup(p->lx.src + pos, end - pos);
		return e;
	}
	node_free(e);
	if (quoted) {
		if (!p->err)
			fail_tok(p, N_("expected a space after the argument"));
		free(saved_err);
		return NULL;
	}
	free(p->err);
	p->err = saved_err;
	return word_node(p, pos, end);
}

static bool parse_shell_args(struct parser *p, struct node *call,
                             bool in_parens)
{
	int stmt_at = call->obj ? -1 : hooks.stmt_arg(call->name);
	while (!at_end(p, in_parens)) {
		if ((int)call->nargs == stmt_at) {
			/* repeat 2 repeat 2 ...: each statement is a level. */
			struct node *s = new_node(N_STMT, p->tok.pos);
			bool entered = enter(p);
			s->stmt = entered ? parse_stmt(p, in_parens) : NULL;
			if (entered)
				p->depth--;
			if (!s->stmt) {
				node_free(s);
				return false;
			}
			s->end = p->prev_end;
			add_arg(call, s, NULL);
			break;
		}
		/* `b'x' * 3` written with spaces is still one argument. */
		struct node *a = parse_level(p, 0, true, in_parens);
		if (!a)
			return false;
		add_arg(call, a, NULL);
	}
	return true;
}

/* NAME (',' NAME)* [','] '=' at the start of a statement (x, = 1, too). */
static bool parse_targets(struct parser *p, struct stmt *s)
{
	size_t start = p->tok.pos;
	while (p->tok.kind == TK_NAME) {
		s->targets = xgrow(s->targets, s->ntargets, sizeof *s->targets);
		s->targets[s->ntargets++] = xstrdup(p->tok.sval);
		advance(p);
		bool comma = is_op(p, ',');
		if (comma)
			advance(p);
		s->unpack = s->unpack || comma;
		if (is_op(p, '=')) {
			advance(p);
			return true;
		}
		if (!comma)
			break;
	}
	for (size_t i = 0; i < s->ntargets; i++)
		free(s->targets[i]);
	free(s->targets);
	s->targets = NULL;
	s->ntargets = 0;
	s->unpack = false;
	reset_to(p, start);
	return false;
}

/* FIRST, then more after commas: `x = 1, 2` and `a.fileno(), b.fileno()`
 * are tuples without parentheses, as in Python (a trailing comma too). */
static struct node *bare_tuple(struct parser *p, struct node *first)
{
	struct node *t = new_node(N_TUPLE, first->pos);
	add_arg(t, first, NULL);
	while (is_op(p, ',')) {
		advance(p);
		if (at_end(p, false))
			break;
		struct node *e = parse_expr(p);
		if (!e) {
			node_free(t);
			return NULL;
		}
		add_arg(t, e, NULL);
	}
	t->end = p->prev_end;
	return t;
}

static struct node *parse_rhs(struct parser *p, bool in_parens)
{
	/* A command, or one behind a module's prefix (ssl.SSLContext). */
	if (p->tok.kind == TK_NAME &&
	    (hooks.is_command(p->tok.sval) || is_module(p->tok.sval)) &&
	    !hooks.is_constant(p->tok.sval)) {
		size_t save = p->tok.pos;
		struct node *e = name_node(p);
		bool touching = !p->tok.space_before &&
		                (is_op(p, '(') || is_op(p, '.') || is_op(p, '['));
		if (e->kind == N_NAME && hooks.is_command(e->name) && !touching)
			return to_shell_call(p, e, in_parens);
		node_free(e);
		reset_to(p, save);
	}
	struct node *e = parse_expr(p);
	if (e && !in_parens && is_op(p, ','))
		return bare_tuple(p, e);
	if (!e || at_end(p, in_parens))
		return e;
	/* s.recv 10, or an unknown command the evaluator will name. */
	if ((e->kind == N_ATTR || e->kind == N_NAME) && p->tok.space_before)
		return to_shell_call(p, e, in_parens);
	node_free(e);
	return fail_tok(p, N_("expected an operator or the end of the statement"));
}

/* Does NAME.NAME = follow (the current token being the first NAME)? A
 * socket, like Python's, has no attribute that can be assigned. Returns
 * the attribute's name, malloc'd, or NULL. */
static char *attr_assignment(const struct parser *p)
{
	struct lexer lx = p->lx; /* a copy: look ahead without consuming */
	struct token t;
	static const int want[] = {'.', TK_NAME, '='};
	char *attr = NULL;
	for (int i = 0; i < 3; i++) {
		lex_next(&lx, &t);
		bool ok = want[i] == TK_NAME ? t.kind == TK_NAME
		                             : t.kind == TK_OP && t.op == want[i];
		if (ok && want[i] == TK_NAME)
			attr = xstrdup(t.sval);
		tok_free(&t);
		if (!ok) {
			free(attr);
			return NULL;
		}
	}
	return attr;
}

/* The error for MODULE.ATTR = ...: constants and commands are fixed, as
 * the contract says; a socket's attributes are read-only. */
static char *attr_assignment_error(const char *obj, const char *attr)
{
	if (is_module(obj) && hooks.is_constant(attr))
		return xasprintf(_("cannot assign to %s.%s: constants cannot be "
		                   "assigned to"), obj, attr);
	if (is_module(obj) && module_member(obj, attr))
		return xasprintf(_("cannot assign to %s.%s: commands cannot be "
		                   "assigned to"), obj, attr);
	return xstrdup(_("cannot assign to an attribute: a socket's "
	                 "attributes are read-only (to set the timeout: "
	                 "s.settimeout T)"));
}

/* The attributes of an ssl.SSLContext a statement may set, as in Python
 * (ctx.check_hostname = False); every other attribute is read-only. */
static bool settable_attr(const char *obj, const char *attr)
{
	static const char *const names[] = {"check_hostname", "verify_mode",
	                                    "minimum_version", "maximum_version",
	                                    "keylog_filename"};
	if (is_module(obj))
		return false;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (!strcmp(attr, names[i]))
			return true;
	return false;
}

/* OBJ.ATTR = at the start: one target, "OBJ.ATTR", for the evaluator. */
static bool parse_attr_target(struct parser *p, struct stmt *s, char *attr)
{
	s->targets = xgrow(s->targets, 0, sizeof *s->targets);
	s->targets[s->ntargets++] = xasprintf("%s.%s", p->tok.sval, attr);
	free(attr);
	for (int i = 0; i < 4; i++) /* NAME . NAME = */
		advance(p);
	return true;
}

static struct stmt *parse_stmt(struct parser *p, bool in_parens)
{
	char *attr = p->tok.kind == TK_NAME ? attr_assignment(p) : NULL;
	if (attr && !settable_attr(p->tok.sval, attr)) {
		fail(p, p->tok.pos, attr_assignment_error(p->tok.sval, attr));
		free(attr);
		return NULL;
	}
	struct stmt *s = xcalloc(1, sizeof *s);
	s->pos = p->tok.pos;
	if (attr)
		parse_attr_target(p, s, attr);
	else if (p->tok.kind == TK_NAME)
		parse_targets(p, s);
	s->rhs = parse_rhs(p, in_parens);
	if (!s->rhs) {
		if (!p->err)
			fail_tok(p, N_("expected a statement"));
		stmt_free(s);
		return NULL;
	}
	s->end = p->prev_end;
	return s;
}

int parse_line(const char *src, size_t len, struct stmt ***out, size_t *n,
               struct parse_error *err)
{
	struct parser p = {0};
	size_t nul = lex_nul_at(src, len);
	if (nul < len) {
		/* Python refuses such a line whole, and so does the shell. */
		err->pos = nul;
		err->msg = xstrdup(_("source code cannot contain null bytes"));
		*out = NULL;
		*n = 0;
		return -1;
	}
	lex_init(&p.lx, src, len);
	advance(&p);
	struct stmt **list = NULL;
	size_t count = 0;
	while (p.tok.kind != TK_EOF) {
		if (is_op(&p, ';')) {
			advance(&p);
			continue;
		}
		struct stmt *s = parse_stmt(&p, false);
		if (!s)
			goto bad;
		list = xgrow(list, count, sizeof *list);
		list[count++] = s;
		if (!is_op(&p, ';') && p.tok.kind != TK_EOF) {
			fail_tok(&p, N_("expected ';' or the end of the line"));
			goto bad;
		}
	}
	tok_free(&p.tok);
	*out = list;
	*n = count;
	return 0;
bad:
	tok_free(&p.tok);
	stmts_free(list, count);
	err->pos = p.errpos;
	err->msg = p.err ? p.err : xstrdup(_("syntax error"));
	return -1;
}
