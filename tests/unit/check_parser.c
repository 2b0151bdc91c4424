/* check_parser.c - lines into syntax trees. Each tree is printed as a
 * compact S-expression (see dump_node) and compared with the exact text:
 *   $name        a name               w"text"   a bare word
 *   1 'x' b'x'   literals (repr)      (. OBJ name)  an attribute
 *   (call F ARGS) shell form          (pycall F ARGS) Python form
 *   (tuple ..) (list ..) (index OBJ I) (slice OBJ A B C) (+ A B) {STMT}
 * and a statement as "t1,t2 = RHS". */
#include <stdlib.h>
#include <string.h>

#include "commands/cmd.h"
#include "consts.h"
#include "lang/parser.h"
#include "strbuf.h"
#include "suites.h"

/* The parser's view of the command table, as the shell gives it. */
static bool is_command(const char *name)
{
	return cmd_find(name) != NULL;
}

static int stmt_arg(const char *name)
{
	const struct cmd_entry *e = cmd_find(name);

	for (int k = 0; e && e->params[k].name; k++)
		if (e->params[k].type == P_STMT)
			return k;
	return -1;
}

static bool is_constant(const char *name)
{
	return const_lookup(name) != NULL;
}

static void setup(void)
{
	static const struct parser_hooks hooks = {is_command, stmt_arg,
						  is_constant};

	parser_set_hooks(&hooks);
}

static void dump_stmt(struct strbuf *b, const struct stmt *s);

static void dump_node(struct strbuf *b, const struct node *n)
{
	static const char *const heads[] = {[N_TUPLE] = "tuple",
					    [N_LIST] = "list",
					    [N_INDEX] = "index",
					    [N_SLICE] = "slice"};
	char *r;

	if (!n) {
		sb_adds(b, "_");
		return;
	}
	switch (n->kind) {
	case N_LIT:
		r = v_repr(n->lit);
		sb_adds(b, r);
		free(r);
		return;
	case N_NAME:
		sb_printf(b, "$%s", n->name);
		return;
	case N_WORD:
		sb_printf(b, "w\"%s\"", n->word);
		return;
	case N_ATTR:
		sb_adds(b, "(. ");
		dump_node(b, n->obj);
		sb_printf(b, " %s)", n->name);
		return;
	case N_CALL:
		sb_adds(b, n->shell_form ? "(call " : "(pycall ");
		if (n->obj) {
			dump_node(b, n->obj);
			sb_addc(b, '.');
		}
		sb_adds(b, n->name);
		break;
	case N_BINOP:
		sb_printf(b, "(%c", n->op);
		break;
	case N_COMPARE:
		sb_printf(b, "(cmp %s", n->name);
		break;
	case N_STMT:
		sb_addc(b, '{');
		dump_stmt(b, n->stmt);
		sb_addc(b, '}');
		return;
	default:
		sb_printf(b, "(%s", heads[n->kind]);
		if (n->obj) {
			sb_addc(b, ' ');
			dump_node(b, n->obj);
		}
		break;
	}
	for (size_t i = 0; i < n->nargs; i++) {
		sb_addc(b, ' ');
		if (n->kwnames && n->kwnames[i])
			sb_printf(b, "%s=", n->kwnames[i]);
		dump_node(b, n->args[i]);
	}
	sb_addc(b, ')');
}

static void dump_stmt(struct strbuf *b, const struct stmt *s)
{
	for (size_t i = 0; i < s->ntargets; i++)
		sb_printf(b, "%s%s", i ? "," : "", s->targets[i]);
	if (s->ntargets)
		sb_adds(b, " = ");
	dump_node(b, s->rhs);
}

/* SRC must parse; its statements, dumped and joined by " ; ". */
static char *parse_ok(const char *src)
{
	struct stmt **st = NULL;
	size_t n = 0;
	struct parse_error err = {0, NULL};
	struct strbuf b = {0};

	if (parse_line(src, strlen(src), &st, &n, &err))
		ck_abort_msg("%s: syntax error at %zu: %s", src, err.pos,
			     err.msg);
	for (size_t i = 0; i < n; i++) {
		if (i)
			sb_adds(&b, " ; ");
		dump_stmt(&b, st[i]);
	}
	stmts_free(st, n);
	return sb_take(&b);
}

static void tree_is(const char *src, const char *want)
{
	char *got = parse_ok(src);

	ck_assert_msg(!strcmp(got, want), "%s\n  got  %s\n  want %s", src, got,
		      want);
	free(got);
}

/* SRC must fail with MSG at byte offset POS. */
static void syntax_error(const char *src, size_t pos, const char *msg)
{
	struct stmt **st = NULL;
	size_t n = 0;
	struct parse_error err = {0, NULL};

	if (!parse_line(src, strlen(src), &st, &n, &err)) {
		char *got = parse_ok(src);

		ck_abort_msg("%s: parsed as %s, want an error", src, got);
	}
	ck_assert_msg(!strcmp(err.msg, msg) && err.pos == pos,
		      "%s\n  got  %zu: %s\n  want %zu: %s", src, err.pos,
		      err.msg, pos, msg);
	free(err.msg);
}

/* ---- the two call forms ------------------------------------------- */

START_TEST(shell_form_command)
{
	tree_is("socket AF_INET SOCK_STREAM",
		"(call socket $AF_INET $SOCK_STREAM)");
	tree_is("socket", "(call socket)");
	tree_is("gethostname", "(call gethostname)");
}
END_TEST

START_TEST(python_form_command)
{
	tree_is("socket(AF_INET, SOCK_STREAM)",
		"(pycall socket $AF_INET $SOCK_STREAM)");
	tree_is("socket()", "(pycall socket)");
	tree_is("socket(AF_INET,)", "(pycall socket $AF_INET)");
}
END_TEST

START_TEST(shell_form_method)
{
	tree_is("s.recv 10", "(call $s.recv 10)");
	tree_is("s.recv 10 MSG_PEEK", "(call $s.recv 10 $MSG_PEEK)");
	tree_is("recv s 10", "(call recv $s 10)");
}
END_TEST

/* A method with nothing after it is an attribute; the evaluator calls
 * it, as s.accept or s.family. */
START_TEST(bare_method_is_attribute)
{
	tree_is("srv.accept", "(. $srv accept)");
	tree_is("s.family", "(. $s family)");
	tree_is("a.b.c", "(. (. $a b) c)");
}
END_TEST

/* All four spellings of connect from the spec. */
START_TEST(connect_spellings)
{
	tree_is("s.connect 127.0.0.1 80",
		"(call $s.connect w\"127.0.0.1\" 80)");
	tree_is("s.connect 127.0.0.1:80",
		"(call $s.connect w\"127.0.0.1:80\")");
	tree_is("s.connect ('127.0.0.1', 80)",
		"(call $s.connect (tuple '127.0.0.1' 80))");
	tree_is("s.connect(('127.0.0.1', 80))",
		"(pycall $s.connect (tuple '127.0.0.1' 80))");
}
END_TEST

START_TEST(pasted_python_line)
{
	tree_is("s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)",
		"s = (pycall socket $AF_INET $SOCK_STREAM)");
	tree_is("socket.AF_INET", "$AF_INET");
	tree_is("socket.getaddrinfo localhost 80",
		"(call getaddrinfo $localhost 80)");
}
END_TEST

/* Regression test; once: a command name with '.' straight after it takes the rest as a
 * shell argument: `socket.frob` parses as `socket .frob`, so a typo in
 * pasted Python (`x = socket.SOCK_STREM`) reports "socket: argument 1
 * (family): unknown constant '.SOCK_STREM'". */
/* socket.X is only a prefix before a command or constant name. */
START_TEST(socket_prefix_needs_known_name)
{
	tree_is("socket.frob", "(. $socket frob)");
	tree_is("echo socket.x", "(call echo (. $socket x))");
}
END_TEST

START_TEST(keyword_arguments)
{
	tree_is("socket(AF_INET, type=SOCK_DGRAM)",
		"(pycall socket $AF_INET type=$SOCK_DGRAM)");
	tree_is("s.settimeout(timeout=1.5)",
		"(pycall $s.settimeout timeout=1.5)");
	tree_is("create_connection(('h', 1), timeout=2, source_address=None)",
		"(pycall create_connection (tuple 'h' 1) timeout=2 "
		"source_address=None)");
}
END_TEST

/* Arguments are appended one at a time: past the growth steps (4, 8, ...)
 * every one keeps its place, and a keyword that arrives late (its array is
 * made then) lines up with its argument. */
START_TEST(many_arguments_keep_their_order)
{
	struct strbuf src = {0}, want = {0};
	sb_adds(&src, "f(");
	sb_adds(&want, "(pycall f");
	for (int i = 0; i < 1000; i++) {
		sb_printf(&src, "%s%d", i ? ", " : "", i);
		sb_printf(&want, " %d", i);
	}
	sb_adds(&src, ", k=5, j=6)");
	sb_adds(&want, " k=5 j=6)");
	tree_is(src.p, want.p);
	sb_free(&src);
	sb_free(&want);
}
END_TEST

/* ---- shell words -------------------------------------------------- */

START_TEST(words_that_are_no_expression)
{
	tree_is("inet_aton 10.0.0.1", "(call inet_aton w\"10.0.0.1\")");
	tree_is("inet_pton AF_INET6 ::1",
		"(call inet_pton $AF_INET6 w\"::1\")");
	tree_is("s.connect [::1]:80", "(call $s.connect w\"[::1]:80\")");
	tree_is("s.bind @name", "(call $s.bind w\"@name\")");
	tree_is("s.bind /tmp/x", "(call $s.bind w\"/tmp/x\")");
	tree_is("s.connect fe80::1%lo 80",
		"(call $s.connect w\"fe80::1%lo\" 80)");
}
END_TEST

/* A dotted host parses as attributes, keeping its text for the
 * evaluator to use when the first part is no variable. */
START_TEST(dotted_host_is_attribute_with_text)
{
	struct stmt **st;
	size_t n;
	struct parse_error err;
	const char *src = "getaddrinfo example.com http";

	ck_assert_int_eq(parse_line(src, strlen(src), &st, &n, &err), 0);
	ck_assert_uint_eq(n, 1);
	struct node *a = st[0]->rhs->args[0];
	ck_assert_int_eq(a->kind, N_ATTR);
	ck_assert_str_eq(a->word, "example.com");
	ck_assert_str_eq(st[0]->rhs->args[1]->word, "http");
	stmts_free(st, n);
	tree_is(src, "(call getaddrinfo (. $example com) $http)");
}
END_TEST

START_TEST(flags_joined_by_bar_are_one_argument)
{
	tree_is("s.recv 10 MSG_PEEK|MSG_DONTWAIT",
		"(call $s.recv 10 (| $MSG_PEEK $MSG_DONTWAIT))");
	tree_is("socket AF_INET SOCK_STREAM|SOCK_NONBLOCK|SOCK_CLOEXEC",
		"(call socket $AF_INET (| (| $SOCK_STREAM $SOCK_NONBLOCK) "
		"$SOCK_CLOEXEC))");
	tree_is("s.recv 10 MSG_PEEK | MSG_DONTWAIT",
		"(call $s.recv 10 (| $MSG_PEEK $MSG_DONTWAIT))");
}
END_TEST

START_TEST(spaced_operator_keeps_one_argument)
{
	tree_is("a.send b'x' * 3", "(call $a.send (* b'x' 3))");
	tree_is("a.sendall b'x' * 65536 MSG_NOSIGNAL",
		"(call $a.sendall (* b'x' 65536) $MSG_NOSIGNAL)");
	tree_is("echo 'a' + 'b' 'c'", "(call echo (+ 'a' 'b') 'c')");
}
END_TEST

/* Regression test; once: `a.send b'x'*3` is a syntax error ("expected a space after the
 * argument, found '*'") though `b'x' * 3` and `x*3` are accepted. */
START_TEST(unspaced_star_after_literal)
{
	tree_is("a.send b'x'*3", "(call $a.send (* b'x' 3))");
	tree_is("echo 'a'+'b'", "(call echo (+ 'a' 'b'))");
}
END_TEST

START_TEST(shell_argument_forms)
{
	tree_is("echo -1 1.5 None True 'x' b'y' x'00'",
		"(call echo -1 1.5 None True 'x' b'y' b'\\x00')");
	tree_is("echo [1, 2] (3, 4) ()",
		"(call echo (list 1 2) (tuple 3 4) (tuple))");
	tree_is("echo data[:5] ai[0][4]",
		"(call echo (slice $data _ 5 _) (index (index $ai 0) 4))");
}
END_TEST

/* ---- expressions -------------------------------------------------- */

START_TEST(call_in_parens)
{
	tree_is("(socket AF_UNIX)", "(call socket $AF_UNIX)");
	tree_is("echo (s.getsockname)[1]",
		"(call echo (index (. $s getsockname) 1))");
	tree_is("c, a = (srv.accept)", "c,a = (. $srv accept)");
	tree_is("x = (s.recv 10)", "x = (call $s.recv 10)");
	tree_is("echo (htons 80) 1", "(call echo (call htons 80) 1)");
	tree_is("l = [(socket AF_UNIX), 1]",
		"l = (list (call socket $AF_UNIX) 1)");
}
END_TEST

START_TEST(tuples_and_parens)
{
	tree_is("(1, 2)", "(tuple 1 2)");
	tree_is("(1,)", "(tuple 1)");
	tree_is("(1)", "1");
	tree_is("()", "(tuple)");
	tree_is("((1, 2), [3])", "(tuple (tuple 1 2) (list 3))");
	tree_is("[]", "(list)");
	tree_is("[1,]", "(list 1)");
}
END_TEST

START_TEST(operator_precedence)
{
	tree_is("1 + 2 * 3", "(+ 1 (* 2 3))");
	tree_is("1 * 2 + 3", "(+ (* 1 2) 3)");
	tree_is("1 + 2 + 3", "(+ (+ 1 2) 3)");
	tree_is("1 | 2 + 3", "(| 1 (+ 2 3))");
	tree_is("(1 + 2) * 3", "(* (+ 1 2) 3)");
}
END_TEST

START_TEST(index_and_slice)
{
	tree_is("x[0]", "(index $x 0)");
	tree_is("x[-1]", "(index $x -1)");
	tree_is("x[1:]", "(slice $x 1 _ _)");
	tree_is("x[:2]", "(slice $x _ 2 _)");
	tree_is("x[::-1]", "(slice $x _ _ -1)");
	tree_is("x[1:5:2]", "(slice $x 1 5 2)");
	tree_is("x[:]", "(slice $x _ _ _)");
	tree_is("'abc'[1]", "(index 'abc' 1)");
	tree_is("x[i + 1]", "(index $x (+ $i 1))");
}
END_TEST

/* ---- statements --------------------------------------------------- */

START_TEST(assignment_targets)
{
	tree_is("x = 1", "x = 1");
	tree_is("a, b = socketpair", "a,b = (call socketpair)");
	tree_is("a,b,c=t", "a,b,c = $t");
	tree_is("conn, peer = srv.accept", "conn,peer = (. $srv accept)");
}
END_TEST

/* A name that is not followed by '=' is no target after all; a bare
 * tuple without parentheses is no expression in the grammar. */
START_TEST(names_without_equals_are_no_targets)
{
	tree_is("x", "$x");
	tree_is("x == 1", "(cmp E $x 1)");
	tree_is("a < b <= c not in d", "(cmp <Ln $a $b $c $d)");
	tree_is("x = 5 -1; x-1; (x -1)", "x = (- 5 1) ; (- $x 1) ; (- $x 1)");
	tree_is("x -1", "(call x -1)");
	/* A tuple without parentheses, as in Python. */
	tree_is("a, b", "(tuple $a $b)");
	tree_is("x = a,", "x = (tuple $a)");
}
END_TEST

START_TEST(semicolons_separate_statements)
{
	tree_is("x = 1; y = 2", "x = 1 ; y = 2");
	tree_is("a;b;;c;", "$a ; $b ; $c");
	tree_is(";", "");
	tree_is("", "");
	tree_is("   # only a comment", "");
	tree_is("x = 1 # set x", "x = 1");
}
END_TEST

START_TEST(statement_arguments)
{
	tree_is("repeat 3 a.send b'x'",
		"(call repeat 3 {(call $a.send b'x')})");
	tree_is("time repeat 2 x = 1", "(call time {(call repeat 2 {x = 1})})");
	tree_is("repeat 2 echo 1; echo 2",
		"(call repeat 2 {(call echo 1)}) ; (call echo 2)");
}
END_TEST

START_TEST(unknown_command_is_shell_call)
{
	tree_is("frobnicate 1 2", "(call frobnicate 1 2)");
}
END_TEST

/* ---- errors ------------------------------------------------------- */

START_TEST(syntax_errors_point_at_token)
{
	syntax_error("x = ", 4, "expected a value, found end of line");
	syntax_error("x = )", 4, "expected a value, found ')'");
	syntax_error("(1, 2", 5, "expected ')', found end of line");
	syntax_error("[1 2]", 3, "expected ']', found '2'");
	syntax_error("x[1", 3, "expected ']', found end of line");
	syntax_error("x[]", 0, "empty index");
	syntax_error("1 2", 2,
		     "expected an operator or the end of the statement, "
		     "found '2'");
	syntax_error("s.", 2, "expected a name after '.', found end of line");
	syntax_error("s. recv", 3, "expected a name after '.', found 'recv'");
}
END_TEST

/* s.timeout = 5 would silently do nothing useful in a shell that took it
 * as the method call `s.timeout` with arguments; Python refuses it. */
START_TEST(attribute_assignment_is_refused)
{
	const char *msg = "cannot assign to an attribute: a socket's attributes "
	                  "are read-only (to set the timeout: s.settimeout T)";
	syntax_error("s.timeout = 5", 0, msg);
	syntax_error("x = 1; s . family=2", 7, msg);
	tree_is("s.family", "(. $s family)");
	tree_is("echo a.b = c", "(call echo (. $a b) w\"=\" $c)");
}
END_TEST

START_TEST(lexer_errors_become_syntax_errors)
{
	syntax_error("x = 'abc", 4, "unterminated string literal");
	syntax_error("echo 'abc", 5, "unterminated string literal");
	syntax_error("x = 99999999999999999999", 4,
		     "integer too large (sockshell integers are 64-bit)");
	syntax_error("x = $", 4, "unexpected character");
}
END_TEST

START_TEST(quoted_argument_needs_space_after)
{
	syntax_error("echo 'a'b", 8,
		     "expected a space after the argument, found 'b'");
	syntax_error("echo (1)x", 8,
		     "expected a space after the argument, found 'x'");
}
END_TEST

START_TEST(operator_without_right_operand)
{
	syntax_error("a.send b'x' *", 13,
		     "expected a value, found end of line");
	syntax_error("x = 1 +", 7, "expected a value, found end of line");
}
END_TEST

/* A '|' with a space after it ends the flags; the unquoted text falls
 * back to a word, which the evaluator then calls an unknown constant. */
START_TEST(dangling_bar_falls_back_to_word)
{
	tree_is("s.recv 1 MSG_PEEK| MSG_DONTWAIT",
		"(call $s.recv 1 w\"MSG_PEEK|\" $MSG_DONTWAIT)");
}
END_TEST

/* A long offending token is shown cut to 20 bytes. */
START_TEST(error_quotes_at_most_20_bytes)
{
	syntax_error("1 abcdefghijklmnopqrstuvwxyz", 2,
		     "expected an operator or the end of the statement, "
		     "found 'abcdefghijklmnopqrst'");
}
END_TEST

static char *nested(const char *open, const char *close, int depth)
{
	struct strbuf b = {0};

	sb_adds(&b, "x = ");
	for (int i = 0; i < depth; i++)
		sb_adds(&b, open);
	sb_adds(&b, "1");
	for (int i = 0; i < depth; i++)
		sb_adds(&b, close);
	return sb_take(&b);
}

START_TEST(nesting_depth_limit)
{
	char *ok = nested("(", ")", 10);
	char *deep = nested("(", ")", PARSE_MAX_DEPTH + 1);
	char *lists = nested("[", "]", 10000);
	struct stmt **st;
	size_t n;
	struct parse_error err;

	free(parse_ok(ok));
	ck_assert_int_eq(parse_line(deep, strlen(deep), &st, &n, &err), -1);
	ck_assert_str_eq(err.msg, "expression nested too deeply");
	/* It points at a bracket of the nest. */
	ck_assert_uint_lt(err.pos, strlen(deep));
	ck_assert_int_eq(deep[err.pos], '(');
	free(err.msg);
	/* Far deeper input fails the same way, without running out of
	 * stack. */
	ck_assert_int_eq(parse_line(lists, strlen(lists), &st, &n, &err), -1);
	ck_assert_str_eq(err.msg, "expression nested too deeply");
	ck_assert_int_eq(lists[err.pos], '[');
	free(err.msg);
	free(ok);
	free(deep);
	free(lists);
}
END_TEST

/* Regression test; once: each bracket counts twice against PARSE_MAX_DEPTH (200), so 100
 * nested parentheses are already "nested too deeply"; Python accepts
 * 200. */
START_TEST(nesting_up_to_max_depth_accepted)
{
	char *paren = nested("(", ")", PARSE_MAX_DEPTH);
	char *list = nested("[", "]", PARSE_MAX_DEPTH);

	free(parse_ok(paren));
	free(parse_ok(list));
	free(paren);
	free(list);
}
END_TEST

/* Subscripts chain without nesting, so their length is no depth. */
/* Each link of a chain deepens the tree that evaluation walks, so a
 * chain counts against the nesting limit like brackets do. */
START_TEST(long_subscript_chain_counts_as_nesting)
{
	struct strbuf b = {0};
	char *src;

	sb_adds(&b, "x");
	for (int i = 0; i < PARSE_MAX_DEPTH; i++)
		sb_adds(&b, "[0]");
	src = sb_take(&b);
	free(parse_ok(src));
	free(src);
	sb_adds(&b, "x");
	for (int i = 0; i < PARSE_MAX_DEPTH + 1; i++)
		sb_adds(&b, "[0]");
	src = sb_take(&b);
	syntax_error(src, 2 + 3 * PARSE_MAX_DEPTH - 1, "expression nested too deeply");
	free(src);
}
END_TEST

START_TEST(statement_spans)
{
	struct stmt **st;
	size_t n;
	struct parse_error err;
	const char *src = "x = 1;  s.recv 10";

	ck_assert_int_eq(parse_line(src, strlen(src), &st, &n, &err), 0);
	ck_assert_uint_eq(n, 2);
	ck_assert_uint_eq(st[0]->pos, 0);
	ck_assert_uint_eq(st[0]->end, 5);
	ck_assert_uint_eq(st[1]->pos, 8);
	ck_assert_uint_eq(st[1]->end, strlen(src));
	stmts_free(st, n);
}
END_TEST

/* Regression test; once: the last statement's span runs on to the end-of-line token, so
 * it takes the trailing blanks (and the blank before a comment) with it;
 * `-x` then echoes "+ echo hi " with a trailing space. */
START_TEST(statement_span_excludes_trailing_blanks)
{
	struct stmt **st;
	size_t n;
	struct parse_error err;
	const char *src = "echo hi  # note";

	ck_assert_int_eq(parse_line(src, strlen(src), &st, &n, &err), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(st[0]->end, 7);
	stmts_free(st, n);
	src = "echo hi ";
	ck_assert_int_eq(parse_line(src, strlen(src), &st, &n, &err), 0);
	ck_assert_uint_eq(st[0]->end, 7);
	stmts_free(st, n);
}
END_TEST

/* A shell word that starts like a number (1.2.3.4) or holds an operator
 * (a~b) ends its statement, not the token the failed expression stopped
 * in: -x echoed "+ inet_aton 1.2.3", and a recording of
 * "x = 1; inet_aton 10.0.0.1" failed its own --check. */
START_TEST(statement_span_covers_whole_words)
{
	static const char *const lines[] = {"inet_aton 1.2.3.4", "echo a~b",
	                                    "x = 1; inet_aton 10.0.0.1"};
	for (size_t i = 0; i < sizeof lines / sizeof *lines; i++) {
		struct stmt **st;
		size_t n;
		struct parse_error err;
		const char *src = lines[i];
		ck_assert_int_eq(parse_line(src, strlen(src), &st, &n, &err), 0);
		ck_assert_uint_eq(st[n - 1]->end, strlen(src));
		stmts_free(st, n);
	}
}
END_TEST

Suite *make_parser_suite(void)
{
	Suite *s = suite_create("parser");
	TCase *forms = tcase_create("forms");
	TCase *expr = tcase_create("expressions");
	TCase *errs = tcase_create("errors");

	tcase_add_checked_fixture(forms, setup, NULL);
	tcase_add_checked_fixture(expr, setup, NULL);
	tcase_add_checked_fixture(errs, setup, NULL);
	tcase_add_test(forms, shell_form_command);
	tcase_add_test(forms, python_form_command);
	tcase_add_test(forms, shell_form_method);
	tcase_add_test(forms, bare_method_is_attribute);
	tcase_add_test(forms, connect_spellings);
	tcase_add_test(forms, pasted_python_line);
	tcase_add_test(forms, socket_prefix_needs_known_name);
	tcase_add_test(forms, keyword_arguments);
	tcase_add_test(forms, many_arguments_keep_their_order);
	tcase_add_test(forms, words_that_are_no_expression);
	tcase_add_test(forms, dotted_host_is_attribute_with_text);
	tcase_add_test(forms, flags_joined_by_bar_are_one_argument);
	tcase_add_test(forms, spaced_operator_keeps_one_argument);
	tcase_add_test(forms, unspaced_star_after_literal);
	tcase_add_test(forms, shell_argument_forms);
	tcase_add_test(expr, call_in_parens);
	tcase_add_test(expr, tuples_and_parens);
	tcase_add_test(expr, operator_precedence);
	tcase_add_test(expr, index_and_slice);
	tcase_add_test(expr, assignment_targets);
	tcase_add_test(expr, names_without_equals_are_no_targets);
	tcase_add_test(expr, semicolons_separate_statements);
	tcase_add_test(expr, statement_arguments);
	tcase_add_test(expr, unknown_command_is_shell_call);
	tcase_add_test(expr, statement_spans);
	tcase_add_test(expr, statement_span_excludes_trailing_blanks);
	tcase_add_test(expr, statement_span_covers_whole_words);
	tcase_add_test(errs, syntax_errors_point_at_token);
	tcase_add_test(errs, lexer_errors_become_syntax_errors);
	tcase_add_test(errs, quoted_argument_needs_space_after);
	tcase_add_test(errs, operator_without_right_operand);
	tcase_add_test(errs, dangling_bar_falls_back_to_word);
	tcase_add_test(errs, error_quotes_at_most_20_bytes);
	tcase_add_test(errs, nesting_depth_limit);
	tcase_add_test(errs, attribute_assignment_is_refused);
	tcase_add_test(errs, nesting_up_to_max_depth_accepted);
	tcase_add_test(errs, long_subscript_chain_counts_as_nesting);
	suite_add_tcase(s, forms);
	suite_add_tcase(s, expr);
	suite_add_tcase(s, errs);
	return s;
}
