/* check_parser.c - unit tests of the parser module. */
#include "suites.h"

START_TEST(placeholder_parser)
{
	ck_assert_int_eq(1, 1);
}
END_TEST

Suite *make_parser_suite(void)
{
	Suite *s = suite_create("parser");
	TCase *tc = tcase_create("parser");
	tcase_add_test(tc, placeholder_parser);
	suite_add_tcase(s, tc);
	return s;
}
