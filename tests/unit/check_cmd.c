/* check_cmd.c - walks the command table: every command has the whole of
 * its help, a signature the checker can use, and an example that parses. */
#include <stdlib.h>
#include <string.h>

#include "suites.h"
#include "lang/args.h"
#include "commands/cmd.h"
#include "lang/parser.h"
#include "session/shell.h"

static const char *const groups[] = {"sockets", "options", "addresses", "names",
                                     "byte order", "buffers", "python", "files",
                                     "select", "ssl", "shell", NULL};

static bool known_group(const char *g)
{
	for (size_t i = 0; groups[i]; i++)
		if (!strcmp(groups[i], g))
			return true;
	return false;
}

START_TEST(every_command_has_full_help)
{
	const struct cmd_entry *e;
	size_t n = 0;
	for (size_t i = 0; (e = cmd_at(i)); i++, n++) {
		ck_assert_msg(e->name && *e->name, "row %zu has no name", i);
		ck_assert_msg(e->group && known_group(e->group), "%s: group", e->name);
		ck_assert_msg(e->usage != NULL, "%s: usage", e->name);
		ck_assert_msg(e->summary && *e->summary, "%s: summary", e->name);
		ck_assert_msg(e->python && *e->python, "%s: python", e->name);
		ck_assert_msg(e->c_call && *e->c_call, "%s: c_call", e->name);
		ck_assert_msg(e->errors != NULL, "%s: errors", e->name);
		ck_assert_msg(e->example && *e->example, "%s: example", e->name);
		ck_assert_msg(e->exec != NULL, "%s: exec", e->name);
	}
	ck_assert_uint_gt(n, 60);
}
END_TEST

START_TEST(every_signature_is_well_formed)
{
	const struct cmd_entry *e;
	for (size_t i = 0; (e = cmd_at(i)); i++) {
		size_t np = cmd_nparams(e);
		bool optional = false;
		for (size_t k = 0; k < np; k++) {
			const struct param *p = &e->params[k];
			/* Required parameters never follow optional ones. */
			if (!(p->flags & (PF_OPT | PF_IFINT | PF_REST)))
				ck_assert_msg(!optional, "%s: %s after optional", e->name,
				              p->name);
			else if (!(p->flags & PF_IFINT))
				optional = true;
			/* What follows the rest is keyword-only (print's sep=),
			 * so it must be optional. */
			for (size_t j = 0; j < k; j++)
				if (e->params[j].flags & PF_REST)
					ck_assert_msg(p->flags & PF_OPT, "%s: %s after the rest "
					              "is not optional", e->name, p->name);
			for (size_t j = 0; j < k; j++)
				ck_assert_msg(strcmp(e->params[j].name, p->name),
				              "%s: %s twice", e->name, p->name);
		}
		/* close takes a socket or, as socket.close(fd), a number. */
		/* An SSLContext's attributes take the context. */
		if ((e->flags & (CMD_METHOD | CMD_ATTR)) &&
		    !(e->flags & (CMD_FILE | CMD_SSLCTX)))
			ck_assert_msg(np > 0 && (e->params[0].type == P_SOCK ||
			                         !strcmp(e->name, "close")),
			              "%s: a method takes the socket first", e->name);
	}
}
END_TEST

/* Completion and the binder read one table of parameter types: a type
 * missing from it would complete and bind as P_ANY without a word. */
START_TEST(every_parameter_type_has_its_row)
{
	for (int t = P_ANY; t <= P_STMT; t++) {
		const struct ptype_info *i = ptype_info((enum ptype)t);
		ck_assert_msg(i->type == (enum ptype)t, "type %d has no row", t);
		ck_assert_msg(i->offer != OFFER_KIND || i->kinds != ~0u,
		              "type %d offers the constants of no one kind", t);
		ck_assert_msg(i->prefixes[0] != NULL, "type %d has no prefix", t);
	}
}
END_TEST

/* Python's signature is checked in the Python form only where the row
 * says how: a Python function gets a py class. */
START_TEST(every_socket_method_has_a_python_signature)
{
	const struct cmd_entry *e;
	for (size_t i = 0; (e = cmd_at(i)); i++)
		if (e->flags & CMD_METHOD)
			ck_assert_msg(e->py != PY_NONE, "%s: no py class", e->name);
}
END_TEST

START_TEST(every_example_parses_and_names_its_command)
{
	struct shell sh;
	shell_init(&sh);
	const struct cmd_entry *e;
	for (size_t i = 0; (e = cmd_at(i)); i++) {
		struct stmt **st;
		size_t n;
		struct parse_error err;
		int r = parse_line(e->example, strlen(e->example), &st, &n, &err);
		ck_assert_msg(r == 0, "%s: example '%s' does not parse: %s", e->name,
		              e->example, r ? err.msg : "");
		stmts_free(st, n);
		/* 'hi'.encode() uses str.encode. */
		const char *used = e->flags & CMD_VALUE ? strchr(e->name, '.') : e->name;
		ck_assert_msg(used && strstr(e->example, used) != NULL,
		              "%s: example does not use it", e->name);
	}
	shell_free(&sh);
}
END_TEST

START_TEST(help_prints_each_command)
{
	struct shell sh;
	shell_init(&sh);
	const struct cmd_entry *e;
	for (size_t i = 0; (e = cmd_at(i)); i++) {
		struct strbuf out = {0};
		char *line = xasprintf("help %s%s", e->flags & CMD_FILE ? "file."
		                                    : e->flags & CMD_POLL ? "epoll." : "",
		                       e->name);
		out_capture(&out);
		int r = shell_run_line(&sh, line, strlen(line));
		out_capture(NULL);
		ck_assert_msg(r == 0, "%s failed: %s", line, out.p);
		ck_assert_msg(strstr(out.p, "Python:") && strstr(out.p, "C:") &&
		                      strstr(out.p, "Example:") &&
		                      strstr(out.p, e->summary),
		              "%s: incomplete help:\n%s", e->name, out.p);
		sb_free(&out);
		free(line);
	}
	shell_free(&sh);
}
END_TEST

START_TEST(help_of_unknown_topic_is_one_error_line)
{
	struct shell sh;
	shell_init(&sh);
	struct strbuf out = {0};
	out_capture(&out);
	int r = shell_run_line(&sh, "help frobnicate", 15);
	out_capture(NULL);
	ck_assert_int_eq(r, 1);
	ck_assert_str_eq(out.p, "error: help: no help for 'frobnicate' (help lists "
	                        "the commands)\n");
	sb_free(&out);
	shell_free(&sh);
}
END_TEST

START_TEST(help_explains_a_constant)
{
	struct shell sh;
	shell_init(&sh);
	struct strbuf out = {0};
	out_capture(&out);
	shell_run_line(&sh, "help SO_REUSEADDR", 17);
	out_capture(NULL);
	ck_assert_msg(!strncmp(out.p, "SO_REUSEADDR = 2 (", 18), "%s", out.p);
	ck_assert_ptr_nonnull(strstr(out.p, "option at level SOL_SOCKET"));
	sb_free(&out);
	shell_free(&sh);
}
END_TEST

Suite *make_cmd_suite(void)
{
	Suite *s = suite_create("cmd");
	TCase *tc = tcase_create("table");
	tcase_add_test(tc, every_command_has_full_help);
	tcase_add_test(tc, every_signature_is_well_formed);
	tcase_add_test(tc, every_parameter_type_has_its_row);
	tcase_add_test(tc, every_socket_method_has_a_python_signature);
	tcase_add_test(tc, every_example_parses_and_names_its_command);
	tcase_add_test(tc, help_prints_each_command);
	tcase_add_test(tc, help_of_unknown_topic_is_one_error_line);
	tcase_add_test(tc, help_explains_a_constant);
	suite_add_tcase(s, tc);
	return s;
}
