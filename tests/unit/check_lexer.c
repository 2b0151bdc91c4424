/* check_lexer.c - unit tests of the lexer module. */
#include "suites.h"

START_TEST(placeholder_lexer)
{
	ck_assert_int_eq(1, 1);
}
END_TEST

Suite *make_lexer_suite(void)
{
	Suite *s = suite_create("lexer");
	TCase *tc = tcase_create("lexer");
	tcase_add_test(tc, placeholder_lexer);
	suite_add_tcase(s, tc);
	return s;
}
