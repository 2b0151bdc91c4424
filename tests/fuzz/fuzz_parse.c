/* fuzz_parse.c - libFuzzer harness: the lexer and parser on any bytes.
 * Each input is one line; parse_line must return a tree or an error,
 * never crash, hang or leak. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "shell/commands/cmd.h"
#include "shell/lang/parser.h"
#include "core/consts.h"

static bool is_command(const char *name)
{
	return cmd_find(name) != NULL;
}

static int stmt_arg(const char *name)
{
	const struct cmd_entry *e = cmd_find(name);
	for (int k = 0; e && k < CMD_MAXARGS && e->params[k].name; k++)
		if (e->params[k].type == P_STMT)
			return k;
	return -1;
}

static bool is_constant(const char *name)
{
	return const_lookup(name) != NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct parser_hooks hooks = {is_command, stmt_arg,
	                                          is_constant};
	parser_set_hooks(&hooks);
	struct stmt **stmts = NULL;
	size_t n = 0;
	struct parse_error err = {0};
	if (parse_line((const char *)data, size, &stmts, &n, &err))
		free(err.msg);
	else
		stmts_free(stmts, n);
	return 0;
}
