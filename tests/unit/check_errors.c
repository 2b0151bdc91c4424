/* check_errors.c - unit tests of errno and resolver names and messages. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1
#endif

#include <errno.h>
#include <netdb.h>

#include "errors.h"
#include "suites.h"

START_TEST(test_errno_name)
{
	ck_assert_str_eq(errno_name(111), "ECONNREFUSED");
	ck_assert_str_eq(errno_name(ECONNRESET), "ECONNRESET");
	ck_assert_str_eq(errno_name(EAGAIN), "EAGAIN");
	ck_assert_str_eq(errno_name(EPIPE), "EPIPE");
	ck_assert_ptr_null(errno_name(0));
	ck_assert_ptr_null(errno_name(-1));
	ck_assert_ptr_null(errno_name(99999));
	ck_assert_ptr_null(errno_name(CORE_ETIMEOUT));
	ck_assert_ptr_null(errno_name(CORE_EINTERRUPTED));
}
END_TEST

START_TEST(test_errno_message)
{
	ck_assert_str_eq(errno_message(111), "Connection refused");
	ck_assert_str_eq(errno_message(EADDRINUSE), "Address already in use");
	ck_assert_str_eq(errno_message(CORE_ETIMEOUT), "timed out");
	ck_assert_str_eq(errno_message(CORE_EINTERRUPTED), "interrupted");
	/* An unknown number gets strerror's text, without strerror's
	 * never-freed buffer. */
	ck_assert_str_eq(errno_message(9999), "Unknown error 9999");
}
END_TEST

START_TEST(test_eai)
{
	ck_assert_str_eq(eai_name(-2), "EAI_NONAME");
	ck_assert_str_eq(eai_name(EAI_AGAIN), "EAI_AGAIN");
	ck_assert_str_eq(eai_message(-2), "Name or service not known");
	ck_assert_ptr_null(eai_name(0));
	ck_assert_ptr_null(eai_name(12345));
	ck_assert_ptr_nonnull(eai_message(12345));
}
END_TEST

Suite *make_errors_suite(void)
{
	Suite *s = suite_create("errors");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, test_errno_name);
	tcase_add_test(tc, test_errno_message);
	tcase_add_test(tc, test_eai);
	suite_add_tcase(s, tc);
	return s;
}
