/* check_eval.c - unit tests of the eval module. */
#include "suites.h"

START_TEST(placeholder_eval)
{
	ck_assert_int_eq(1, 1);
}
END_TEST

Suite *make_eval_suite(void)
{
	Suite *s = suite_create("eval");
	TCase *tc = tcase_create("eval");
	tcase_add_test(tc, placeholder_eval);
	suite_add_tcase(s, tc);
	return s;
}
