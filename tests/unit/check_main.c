/* check_main.c - runs every unit suite (suites.h, made from the files by
 * scripts/update-test-lists); TAP output counts each test. */
#include <stdlib.h>

#include "suites.h"

int main(void)
{
	Suite *(*const suites[])(void) = {
#define SUITE(name) make_##name##_suite,
		UNIT_SUITES
#undef SUITE
	};
	SRunner *sr = srunner_create(suites[0]());
	for (size_t i = 1; i < sizeof suites / sizeof *suites; i++)
		srunner_add_suite(sr, suites[i]());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
