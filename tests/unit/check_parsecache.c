/* check_parsecache.c - a line parsed once is reused, and a tree in use
 * outlives its eviction from the cache. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands/cmd.h"
#include "consts.h"
#include "lang/parsecache.h"
#include "suites.h"

/* The parser's view of the command and constant tables, as the shell
 * gives it. */
static bool is_command(const char *name)
{
	return cmd_find(name) != NULL;
}

static int stmt_arg(const char *name)
{
	(void)name;
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

static struct parsed *get(struct parsecache *c, const char *line)
{
	struct parse_error err = {0, NULL};
	struct parsed *p = parsed_get(c, line, strlen(line), &err);
	ck_assert_msg(p != NULL, "%s: %s", line, err.msg ? err.msg : "");
	return p;
}

START_TEST(same_line_is_parsed_once)
{
	struct parsecache c = {0};
	struct parsed *a = get(&c, "x = 1 + 2; y = x");
	struct parsed *b = get(&c, "x = 1 + 2; y = x");
	ck_assert_ptr_eq(a, b);
	ck_assert_uint_eq(a->n, 2);
	ck_assert_uint_eq(a->refs, 3); /* the cache's and two callers' */
	parsed_put(a);
	parsed_put(b);
	parsecache_clear(&c);
}
END_TEST

START_TEST(different_lines_are_different_trees)
{
	struct parsecache c = {0};
	struct parsed *a = get(&c, "x = 1");
	struct parsed *b = get(&c, "x = 2");
	ck_assert_ptr_ne(a, b);
	/* Only the length differs. */
	struct parsed *d = get(&c, "x = 1 ");
	ck_assert_ptr_ne(a, d);
	parsed_put(a);
	parsed_put(b);
	parsed_put(d);
	parsecache_clear(&c);
}
END_TEST

/* A line that runs other lines (source, repeat) may push its own tree out
 * of the cache while it runs: the tree must stay whole until it is put
 * (ASan and valgrind see to the "whole"). */
START_TEST(evicted_tree_lives_until_put)
{
	struct parsecache c = {0};
	struct parsed *a = get(&c, "s = socket; s.close");
	char line[32];
	for (int i = 0; i < 10 * PARSECACHE_SLOTS; i++) {
		snprintf(line, sizeof line, "v%d = %d", i, i);
		parsed_put(get(&c, line));
	}
	ck_assert_uint_eq(a->refs, 1); /* evicted: ours alone */
	ck_assert_uint_eq(a->n, 2);
	ck_assert_int_eq(a->stmts[0]->ntargets, 1);
	ck_assert_str_eq(a->stmts[0]->targets[0], "s");
	parsed_put(a);
	parsecache_clear(&c);
}
END_TEST

START_TEST(syntax_error_is_not_cached)
{
	struct parsecache c = {0};
	struct parse_error err = {0, NULL};
	ck_assert_ptr_null(parsed_get(&c, "x = (", 5, &err));
	ck_assert_ptr_nonnull(err.msg);
	free(err.msg);
	for (size_t i = 0; i < PARSECACHE_SLOTS; i++)
		ck_assert_ptr_null(c.slot[i]);
}
END_TEST

/* A long line is parsed each time and never kept. */
START_TEST(long_line_is_not_kept)
{
	struct parsecache c = {0};
	size_t len = 4096;
	char *line = malloc(len + 1);
	memset(line, ' ', len);
	memcpy(line, "x = 1", 5);
	line[len] = '\0';
	struct parsed *a = get(&c, line);
	struct parsed *b = get(&c, line);
	ck_assert_ptr_ne(a, b);
	ck_assert_uint_eq(a->refs, 1);
	parsed_put(a);
	parsed_put(b);
	free(line);
	for (size_t i = 0; i < PARSECACHE_SLOTS; i++)
		ck_assert_ptr_null(c.slot[i]);
}
END_TEST

Suite *make_parsecache_suite(void)
{
	Suite *s = suite_create("parsecache");
	TCase *tc = tcase_create("reuse");
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, same_line_is_parsed_once);
	tcase_add_test(tc, different_lines_are_different_trees);
	tcase_add_test(tc, evicted_tree_lives_until_put);
	tcase_add_test(tc, syntax_error_is_not_cached);
	tcase_add_test(tc, long_line_is_not_kept);
	suite_add_tcase(s, tc);
	return s;
}
