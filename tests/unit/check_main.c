/* check_main.c - runs every unit suite; TAP output counts each test. */
#include <stdlib.h>

#include "suites.h"

int main(void)
{
	Suite *(*const suites[])(void) = {
		make_consts_suite, make_errors_suite, make_addr_suite,
		make_sockopt_suite, make_sock_suite, make_transcript_suite,
		make_lexer_suite, make_parser_suite, make_parsecache_suite, make_value_suite,
		make_eval_suite, make_cmd_suite,
		make_proof_suite, make_pystruct_suite, make_pycodec_suite,
		make_hints_suite, make_handles_suite, make_cmsg_suite,
		make_complete_suite, make_table_suite, make_capture_suite,
	};
	SRunner *sr = srunner_create(suites[0]());
	for (size_t i = 1; i < sizeof suites / sizeof *suites; i++)
		srunner_add_suite(sr, suites[i]());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
