/* check_handles.c - the variable table: open addressing whose deletion
 * re-inserts the rest of the probe run, so every name stays reachable. */
#include <stdio.h>
#include <stdlib.h>

#include "session/vars.h"
#include "suites.h"

#define NAMES 100

static void name_of(char *buf, size_t size, int i)
{
	snprintf(buf, size, "v%d", i);
}

/* Every name from 0 to NAMES - 1 not yet deleted (below GONE, the even
 * ones are) holds its number. */
static void assert_reachable(const struct vartab *t, int gone)
{
	char name[16];
	for (int i = 0; i < NAMES; i++) {
		name_of(name, sizeof name, i);
		struct value *v = vars_get(t, name);
		if (i % 2 == 0 && i < gone) {
			ck_assert_msg(v == NULL, "%s still bound after del", name);
			continue;
		}
		ck_assert_msg(v != NULL, "%s lost after deleting v0..v%d's evens",
		              name, gone - 1);
		ck_assert_int_eq(v_int_of(v), i);
	}
}

START_TEST(test_del_keeps_the_rest_of_the_probe_run)
{
	struct vartab t = {0};
	char name[16];
	for (int i = 0; i < NAMES; i++) {
		name_of(name, sizeof name, i);
		vars_set(&t, name, v_int(i));
	}
	ck_assert_uint_eq(t.n, NAMES);
	for (int i = 0; i < NAMES; i += 2) {
		name_of(name, sizeof name, i);
		ck_assert_int_eq(vars_del(&t, name), 0);
		assert_reachable(&t, i + 1);
	}
	ck_assert_uint_eq(t.n, NAMES / 2);
	ck_assert_int_eq(vars_del(&t, "v0"), -1);
	size_t n;
	const char **names = vars_names(&t, &n);
	ck_assert_uint_eq(n, NAMES / 2);
	ck_assert_str_eq(names[0], "v1");
	free(names);
	vars_clear(&t);
}
END_TEST

/* The table grows before it is three quarters full: a lookup of a name
 * that is not there always meets an empty slot and ends. */
START_TEST(test_grows_before_full)
{
	struct vartab t = {0};
	char name[16];
	for (int i = 0; i < 48; i++) {
		name_of(name, sizeof name, i);
		vars_set(&t, name, v_int(i));
	}
	ck_assert_uint_eq(t.cap, 64);
	vars_set(&t, "one-more", v_int(48));
	ck_assert_uint_eq(t.cap, 128);
	ck_assert_ptr_null(vars_get(&t, "absent"));
	vars_clear(&t);
}
END_TEST

Suite *make_handles_suite(void)
{
	Suite *s = suite_create("handles");
	TCase *tc = tcase_create("vartab");
	tcase_add_test(tc, test_del_keeps_the_rest_of_the_probe_run);
	tcase_add_test(tc, test_grows_before_full);
	suite_add_tcase(s, tc);
	return s;
}
