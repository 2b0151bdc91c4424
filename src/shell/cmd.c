/* cmd.c - looking commands up in the tables, and the error helpers every
 * handler uses. */
#include "cmd.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "strbuf.h"

static const struct cmd_entry *const tables[] = {
	cmd_socket_table, cmd_module_table, cmd_shell_table, cmd_file_table,
	cmd_msg_table,
};

const struct cmd_entry *cmd_at(size_t i)
{
	for (size_t t = 0; t < sizeof tables / sizeof *tables; t++) {
		size_t n = 0;
		while (tables[t][n].name)
			n++;
		if (i < n)
			return &tables[t][i];
		i -= n;
	}
	return NULL;
}

static bool name_is(const struct cmd_entry *e, const char *name)
{
	return !strcmp(e->name, name) || (e->alias && !strcmp(e->alias, name));
}

const struct cmd_entry *cmd_find(const char *name)
{
	const struct cmd_entry *e;
	for (size_t i = 0; (e = cmd_at(i)); i++)
		if (!(e->flags & (CMD_FILE | CMD_ATTR)) && name_is(e, name))
			return e;
	return NULL;
}

const struct cmd_entry *cmd_find_method(enum vtype type, const char *name)
{
	const struct cmd_entry *e;
	int want = type == T_FILE ? CMD_FILE : CMD_METHOD | CMD_ATTR;
	for (size_t i = 0; (e = cmd_at(i)); i++)
		if ((e->flags & want) && name_is(e, name))
			return e;
	return NULL;
}

size_t cmd_nparams(const struct cmd_entry *e)
{
	size_t n = 0;
	while (n < CMD_MAXARGS && e->params[n].name)
		n++;
	return n;
}

enum cmd_status cmd_fail(struct cmd_call *c, const char *fmt, ...)
{
	struct strbuf b = {0};
	va_list ap;
	va_start(ap, fmt);
	sb_vprintf(&b, fmt, ap);
	va_end(ap);
	free(c->cause);
	c->cause = sb_take(&b);
	return CMD_ERROR;
}

enum cmd_status cmd_errno(struct cmd_call *c, int err)
{
	free(c->cause);
	c->cause = fmt_errno(err);
	c->sh_last_errno = err;
	return CMD_ERROR;
}

enum cmd_status cmd_gai(struct cmd_call *c, int code)
{
	free(c->cause);
	c->cause = fmt_gai(code);
	return CMD_ERROR;
}
