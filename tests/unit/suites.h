/* suites.h - every Check suite of the unit tests, one per module. */
#ifndef SOCKSHELL_SUITES_H
#define SOCKSHELL_SUITES_H

#include <check.h>

Suite *make_consts_suite(void);
Suite *make_errors_suite(void);
Suite *make_addr_suite(void);
Suite *make_sockopt_suite(void);
Suite *make_sock_suite(void);
Suite *make_transcript_suite(void);
Suite *make_lexer_suite(void);
Suite *make_parser_suite(void);
Suite *make_parsecache_suite(void);
Suite *make_value_suite(void);
Suite *make_eval_suite(void);
Suite *make_cmd_suite(void);
Suite *make_proof_suite(void);
Suite *make_pystruct_suite(void);
Suite *make_pycodec_suite(void);
Suite *make_hints_suite(void);
Suite *make_handles_suite(void);
Suite *make_cmsg_suite(void);
Suite *make_complete_suite(void);
Suite *make_table_suite(void);
Suite *make_capture_suite(void);

#endif
