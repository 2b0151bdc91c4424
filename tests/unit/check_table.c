/* check_table.c - the aligned tables of handles, consts and sockopts:
 * columns as wide as their widest cell (wide characters count two), the
 * gap between them, and no blanks at the end of a line. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "session/shell.h"
#include "suites.h"
#include "session/table.h"

static char *printed(const struct table *t)
{
	struct strbuf out = {0};
	out_capture(&out);
	table_print(t);
	out_capture(NULL);
	return sb_take(&out);
}

START_TEST(test_columns_align_and_lines_end_clean)
{
	/* As the shell runs: UTF-8 text, so 你好 takes four columns. */
	ck_assert_ptr_nonnull(setlocale(LC_CTYPE, "C.UTF-8"));
	struct table t;
	table_init(&t, 3, "name", "value", "note");
	table_row(&t, "a", "1", "");
	table_row(&t, "longer", "", "x");
	table_row(&t, "\xe4\xbd\xa0\xe5\xa5\xbd", "22", "last ");
	char *got = printed(&t);
	ck_assert_str_eq(got, "name    value  note\n"
	                      "a       1\n"
	                      "longer         x\n"
	                      "\xe4\xbd\xa0\xe5\xa5\xbd    22     last\n");
	free(got);
	t.gap = 1;
	got = printed(&t);
	ck_assert_str_eq(got, "name   value note\n"
	                      "a      1\n"
	                      "longer       x\n"
	                      "\xe4\xbd\xa0\xe5\xa5\xbd   22    last\n");
	free(got);
	table_free(&t);
}
END_TEST

Suite *make_table_suite(void)
{
	Suite *s = suite_create("table");
	TCase *tc = tcase_create("print");
	tcase_add_test(tc, test_columns_align_and_lines_end_clean);
	suite_add_tcase(s, tc);
	return s;
}
