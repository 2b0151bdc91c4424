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

#define NTABLES (sizeof tables / sizeof *tables)

/* The tables' lengths, counted once: cmd_at is called in loops. */
static size_t table_len[NTABLES];
static size_t total;

static void count_tables(void)
{
	if (total)
		return;
	for (size_t t = 0; t < NTABLES; t++) {
		while (tables[t][table_len[t]].name)
			table_len[t]++;
		total += table_len[t];
	}
}

const struct cmd_entry *cmd_at(size_t i)
{
	count_tables();
	for (size_t t = 0; t < NTABLES; t++) {
		if (i < table_len[t])
			return &tables[t][i];
		i -= table_len[t];
	}
	return NULL;
}

/* Lookups by name go through sorted indexes, built on first use: one of
 * commands, one of socket methods and attributes, one of file methods.
 * Each name and alias is a key; among equal keys the first entry in
 * table order wins, as a linear scan would have it. */
enum { IX_COMMAND, IX_SOCKET, IX_FILE, IX_COUNT };

struct key {
	const char *name;
	size_t order;
	const struct cmd_entry *e;
};

/* Static, so nothing is left allocated at exit (valgrind counts even
 * reachable blocks); a table too long for it is scanned instead. */
#define INDEX_MAX 1024
static struct key keys[IX_COUNT][INDEX_MAX];
static size_t index_len[IX_COUNT];
static bool indexed[IX_COUNT], too_long[IX_COUNT];

static bool in_index(int ix, const struct cmd_entry *e)
{
	if (ix == IX_COMMAND)
		return !(e->flags & (CMD_FILE | CMD_ATTR));
	if (ix == IX_SOCKET)
		return e->flags & (CMD_METHOD | CMD_ATTR);
	return e->flags & CMD_FILE;
}

static int key_cmp(const void *a, const void *b)
{
	const struct key *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	return c ? c : (x->order > y->order) - (x->order < y->order);
}

static void build_index(int ix)
{
	struct key *k = keys[ix];
	size_t n = 0;
	const struct cmd_entry *e;
	indexed[ix] = true;
	for (size_t i = 0; (e = cmd_at(i)); i++) {
		if (!in_index(ix, e))
			continue;
		if (n + 2 > INDEX_MAX) {
			too_long[ix] = true;
			return;
		}
		k[n++] = (struct key){e->name, i, e};
		if (e->alias)
			k[n++] = (struct key){e->alias, i, e};
	}
	qsort(k, n, sizeof *k, key_cmp);
	index_len[ix] = n;
}

static bool name_is(const struct cmd_entry *e, const char *name)
{
	return !strcmp(e->name, name) || (e->alias && !strcmp(e->alias, name));
}

static const struct cmd_entry *lookup(int ix, const char *name)
{
	if (!indexed[ix])
		build_index(ix);
	if (too_long[ix]) {
		const struct cmd_entry *e;
		for (size_t i = 0; (e = cmd_at(i)); i++)
			if (in_index(ix, e) && name_is(e, name))
				return e;
		return NULL;
	}
	const struct key *k = keys[ix];
	size_t lo = 0, hi = index_len[ix];
	/* The leftmost key not less than NAME. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(k[mid].name, name) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < index_len[ix] && !strcmp(k[lo].name, name) ? k[lo].e : NULL;
}

const struct cmd_entry *cmd_find(const char *name)
{
	return lookup(IX_COMMAND, name);
}

const struct cmd_entry *cmd_find_method(enum vtype type, const char *name)
{
	return lookup(type == T_FILE ? IX_FILE : IX_SOCKET, name);
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
