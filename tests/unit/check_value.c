/* check_value.c - unit tests of the value module. */
#include "suites.h"

START_TEST(placeholder_value)
{
	ck_assert_int_eq(1, 1);
}
END_TEST

Suite *make_value_suite(void)
{
	Suite *s = suite_create("value");
	TCase *tc = tcase_create("value");
	tcase_add_test(tc, placeholder_value);
	suite_add_tcase(s, tc);
	return s;
}
