/* cmd.c - looking commands up in the tables, and the error helpers every
 * handler uses. */
#include "cmd.h"

#include <errno.h>
#include <netdb.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/errors.h"
#include "../../core/hash.h"
#include "../lang/format.h"
#include "../session/state.h"
#include "../strbuf.h"

static const struct cmd_entry *const tables[] = {
	cmd_socket_table, cmd_module_table, cmd_inet_table, cmd_names_table,
	cmd_shell_table, cmd_file_table, cmd_msg_table, cmd_builtin_table,
	cmd_ready_table, cmd_poll_table, cmd_ssl_table, cmd_testcert_table,
	cmd_wire_table,
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

/* Lookups by name (the parser asks about every word) go through hash
 * indexes, built on first use: one of commands, one of socket methods and
 * attributes, one of file methods. Each name and alias is a key; where a
 * key repeats, the first entry in table order wins, as a scan would have
 * it. Static, so nothing is left allocated at exit (valgrind counts even
 * reachable blocks); tables too long for it are scanned instead. */
enum { IX_COMMAND, IX_SOCKET, IX_FILE, IX_POLL, IX_SSLCTX, IX_COUNT };

#define INDEX_SLOTS 1024 /* a power of two */
static const struct cmd_entry *slots[IX_COUNT][INDEX_SLOTS];
static const char *slot_key[IX_COUNT][INDEX_SLOTS];
static bool indexed[IX_COUNT], too_long[IX_COUNT];

static bool in_index(int ix, const struct cmd_entry *e)
{
	if (ix == IX_COMMAND)
		return !(e->flags & (CMD_FILE | CMD_ATTR | CMD_POLL | CMD_SSLCTX));
	if (ix == IX_SOCKET) /* a file's attributes are not a socket's */
		return (e->flags & (CMD_METHOD | CMD_ATTR)) &&
		       !(e->flags & (CMD_FILE | CMD_SSLCTX));
	if (ix == IX_POLL)
		return e->flags & CMD_POLL;
	if (ix == IX_SSLCTX)
		return e->flags & CMD_SSLCTX;
	return e->flags & CMD_FILE;
}

/* The slot of KEY in index IX: where it is, or the empty one to fill. */
static size_t slot_of(int ix, const char *key)
{
	size_t k = (size_t)fnv1a_str(key) & (INDEX_SLOTS - 1);
	while (slot_key[ix][k] && strcmp(slot_key[ix][k], key))
		k = (k + 1) & (INDEX_SLOTS - 1);
	return k;
}

static void add_key(int ix, const char *key, const struct cmd_entry *e)
{
	size_t k = slot_of(ix, key);
	if (slot_key[ix][k])
		return; /* an earlier entry has the name */
	slot_key[ix][k] = key;
	slots[ix][k] = e;
}

static void build_index(int ix)
{
	const struct cmd_entry *e;
	size_t n = 0;
	indexed[ix] = true;
	for (size_t i = 0; (e = cmd_at(i)); i++)
		if (in_index(ix, e))
			n += e->alias ? 2 : 1;
	/* At most half full, so probes stay short. */
	if (n * 2 > INDEX_SLOTS) {
		too_long[ix] = true;
		return;
	}
	for (size_t i = 0; (e = cmd_at(i)); i++) {
		if (!in_index(ix, e))
			continue;
		add_key(ix, e->name, e);
		if (e->alias)
			add_key(ix, e->alias, e);
	}
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
	size_t k = slot_of(ix, name);
	return slot_key[ix][k] ? slots[ix][k] : NULL;
}

const struct cmd_entry *cmd_find(const char *name)
{
	return lookup(IX_COMMAND, name);
}

const struct cmd_entry *cmd_find_method(enum vtype type, const char *name)
{
	int ix = type == T_FILE ? IX_FILE : type == T_POLL ? IX_POLL
	         : type == T_SSLCTX ? IX_SSLCTX : IX_SOCKET;
	return lookup(ix, name);
}

const struct cmd_entry *cmd_find_value_method(const struct value *v,
                                              const char *name)
{
	char key[64];
	/* A bool is an int, as in Python: True.to_bytes(). */
	const char *type = v->type == T_BOOL ? "int" : v_type_name(v);
	int n = snprintf(key, sizeof key, "%s.%s", type, name);
	if (n < 0 || (size_t)n >= sizeof key)
		return NULL;
	const struct cmd_entry *e = cmd_find(key);
	return e && (e->flags & CMD_VALUE) ? e : NULL;
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
	va_list ap;
	va_start(ap, fmt);
	sb_vset(&c->cause, fmt, ap);
	va_end(ap);
	c->cause_errno = 0;
	return CMD_ERROR;
}

enum cmd_status cmd_errno(struct cmd_call *c, int err)
{
	free(c->cause);
	c->cause = fmt_errno(err);
	c->sh_last_errno = err;
	c->cause_errno = err; /* the evaluator adds its hint (hints.c) */
	/* The recording keeps such a statement as prose. */
	if (err == CORE_EINTERRUPTED && c->sh)
		c->sh->interrupted = true;
	return CMD_ERROR;
}

enum cmd_status cmd_gai(struct cmd_call *c, int code)
{
	if (code == EAI_SYSTEM)
		return cmd_errno(c, errno ? errno : EIO);
	free(c->cause);
	c->cause = fmt_gai(code);
	c->cause_errno = 0;
	return CMD_ERROR;
}
