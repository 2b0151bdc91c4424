/* shell.c - the shell's own commands: help, tables, variables, control. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <linux/sockios.h>
#include <netinet/tcp.h>
#include <time.h>

#include "../../core/errors.h"
#include "../../core/sock.h"
#include "../../core/sockopt.h"
#include "../eval.h"
#include "../format.h"
#include "../sockaddr.h"
#include "../table.h"
#include "common.h"

static const char *const groups[] = {"sockets", "options", "addresses",
                                     "names", "byte order", "buffers",
                                     "shell", NULL};

static void help_list(void)
{
	out_printf("Commands by group (help NAME for one; help CONSTANT for a "
	           "constant):\n");
	for (size_t g = 0; groups[g]; g++) {
		struct strbuf line = {0};
		sb_printf(&line, "  %-11s", groups[g]);
		size_t col = 13;
		const struct cmd_entry *e;
		for (size_t i = 0; (e = cmd_at(i)); i++) {
			if (strcmp(e->group, groups[g]) || (e->flags & (CMD_HIDDEN | CMD_FILE)))
				continue;
			size_t w = strlen(e->name) + 1;
			if (col + w > 78) {
				sb_adds(&line, "\n             ");
				col = 13;
			}
			sb_printf(&line, " %s", e->name);
			col += w;
		}
		sb_addc(&line, '\n');
		out_write(line.p, line.len);
		sb_free(&line);
	}
	out_printf("Socket methods work both ways: s.recv 10 is recv s 10.\n");
}

static void help_text_block(const char *title, const char *text)
{
	if (!text || !*text)
		return;
	out_printf("%s\n", title);
	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		out_printf("  %.*s\n", (int)n, p);
		p += n + (nl ? 1 : 0);
	}
}

static void help_command(const struct cmd_entry *e)
{
	bool method = e->flags & (CMD_METHOD | CMD_ATTR);
	if (method)
		out_printf("%s %s    (or SOCK.%s%s%s)\n", e->name, e->usage, e->name,
		           strlen(e->usage) > 4 ? " " : "",
		           strlen(e->usage) > 4 ? e->usage + 5 : "");
	else
		out_printf("%s%s%s\n", e->name, *e->usage ? " " : "", e->usage);
	out_printf("  %s\n", e->summary);
	out_printf("Python:  %s\n", e->python);
	out_printf("C:       %s\n", e->c_call);
	help_text_block("Errors:", e->errors);
	out_printf("Example: %s\n", e->example);
}

static void help_constant(const struct sk_const *k)
{
	out_printf("%s = %ld (%s)\n", k->name, k->value, const_kind_name(k->kind));
	const struct sockopt_desc *d = sockopt_by_name(k->name);
	if (d) {
		struct strbuf lvl = {0};
		const struct sk_const *l = const_by_value(CK_SOL, d->level);
		if (d->level == IPPROTO_TCP || d->level == IPPROTO_IP ||
		    d->level == IPPROTO_IPV6 || d->level == IPPROTO_UDP)
			l = const_by_value(CK_IPPROTO, d->level);
		out_printf("  option at level %s, %s%s\n", l ? l->name : "?",
		           d->readable && d->writable ? "read and write"
		           : d->readable              ? "read only"
		                                      : "write only",
		           "");
		out_printf("  %s\n", d->help);
		sb_free(&lvl);
	}
	if (k->kind == CK_ERRNO)
		out_printf("  %s\n", errno_message((int)k->value));
	if (k->kind == CK_EAI)
		out_printf("  %s\n", eai_message((int)k->value));
}

static enum cmd_status do_help(struct cmd_call *c)
{
	const char *topic = c->argsrc[0];
	if (!topic) {
		help_list();
		return CMD_OK;
	}
	if (!strncmp(topic, "socket.", 7))
		topic += 7;
	const struct cmd_entry *e = cmd_find(topic);
	if (!e)
		e = cmd_find_method(T_SOCKET, topic);
	if (e) {
		help_command(e);
		return CMD_OK;
	}
	const struct sk_const *k = const_lookup(topic);
	if (k) {
		help_constant(k);
		return CMD_OK;
	}
	return cmd_fail(c, "no help for '%s' (help lists the commands)", topic);
}

static enum cmd_status do_vars(struct cmd_call *c)
{
	size_t n;
	const char **names = vars_names(&c->sh->vars, &n);
	for (size_t i = 0; i < n; i++) {
		char *r = v_repr(vars_get(&c->sh->vars, names[i]));
		out_printf("%s = %s\n", names[i], r);
		free(r);
	}
	free(names);
	return CMD_OK;
}

static enum cmd_status do_del(struct cmd_call *c)
{
	if (c->nrest == 0)
		return cmd_fail(c, "missing argument 1 (name); usage: del NAME...");
	for (size_t i = 0; i < c->nrest; i++)
		if (vars_del(&c->sh->vars, c->restsrc[i]))
			return cmd_fail(c, "%s: no such variable", c->restsrc[i]);
	return CMD_OK;
}

static enum cmd_status do_echo(struct cmd_call *c)
{
	struct strbuf b = {0};
	for (size_t i = 0; i < c->nrest; i++) {
		char *s = v_str_of(c->rest[i]);
		sb_printf(&b, "%s%s", i ? " " : "", s);
		free(s);
	}
	sb_addc(&b, '\n');
	out_write(b.p, b.len);
	sb_free(&b);
	return CMD_OK;
}

static enum cmd_status do_sleep(struct cmd_call *c)
{
	int e = sk_sleep(arg_timeout(c, 0, 0));
	return e ? cmd_errno(c, e) : CMD_OK;
}

/* Run the statement argument once. Returns 0 or 1 (error printed). */
static int run_stmt_arg(struct cmd_call *c, int k)
{
	struct node *n = c->argnode[k];
	if (!n || n->kind != N_STMT)
		return cmd_fail(c, "missing the statement to run"), -1;
	return eval_stmt(c->sh, n->stmt, NULL);
}

static enum cmd_status do_repeat(struct cmd_call *c)
{
	long long n = arg_int(c, 0, 0);
	if (!c->argnode[1])
		return cmd_fail(c, "missing argument 2 (statement); usage: repeat N STATEMENT");
	for (long long i = 0; i < n && !c->sh->exiting; i++) {
		int r = run_stmt_arg(c, 1);
		if (r < 0)
			return CMD_ERROR;
		if (r)
			return cmd_fail(c, "stopped at round %lld of %lld", i + 1, n);
		if (sk_interrupted) {
			sk_interrupted = 0;
			return cmd_errno(c, CORE_EINTERRUPTED);
		}
	}
	return CMD_OK;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static enum cmd_status do_time(struct cmd_call *c)
{
	if (!c->argnode[0])
		return cmd_fail(c, "missing argument 1 (statement); usage: time STATEMENT");
	double t0 = now();
	int r = run_stmt_arg(c, 0);
	if (r < 0)
		return CMD_ERROR;
	double dt = now() - t0;
	out_printf("time: %.6f s\n", dt);
	return CMD_OK;
}

static enum cmd_status do_source(struct cmd_call *c)
{
	const char *path = c->argsrc[0];
	if (c->sh->source_depth >= 16)
		return cmd_fail(c, "%s: sourced too deeply (16 levels)", path);
	/* No file is opened while system calls are forbidden (fuzzing). */
	FILE *f = sk_forbidden() ? NULL : fopen(path, "r");
	if (!f) {
		char *why = fmt_errno(sk_forbidden() ? EPERM : errno);
		cmd_fail(c, "%s: %s", path, why);
		free(why);
		return CMD_ERROR;
	}
	c->sh->source_depth++;
	bool was = c->sh->interactive;
	c->sh->interactive = false;
	int r = shell_run_file(c->sh, path, f);
	c->sh->interactive = was;
	c->sh->source_depth--;
	fclose(f);
	return r ? cmd_fail(c, "%s: a statement failed", path) : CMD_OK;
}

static enum cmd_status do_trace(struct cmd_call *c)
{
	const char *what = c->argsrc[0];
	if (!what) {
		out_printf("trace is %s\n", c->sh->trace ? "on" : "off");
		return CMD_OK;
	}
	if (strcmp(what, "on") && strcmp(what, "off"))
		return cmd_fail(c, "expected on or off, got '%s'", what);
	shell_set_trace(c->sh, !strcmp(what, "on"));
	return CMD_OK;
}

static enum cmd_status do_exit(struct cmd_call *c)
{
	long long code = arg_int(c, 0, c->sh->exit_code);
	c->sh->exit_code = (int)(code & 0xff);
	return CMD_EXIT;
}

static enum cmd_status do_int(struct cmd_call *c)
{
	const struct value *v = c->argv[0];
	if (v_is_int(v)) {
		c->result = v_int(v_int_of(v));
		return CMD_OK;
	}
	if (v->type == T_FLOAT) {
		c->result = v_int((long long)v->u.f);
		return CMD_OK;
	}
	if (v->type == T_STR && !v->u.s.word) {
		char *end;
		errno = 0;
		long long n = strtoll(v->u.s.p, &end, 0);
		if (*end || end == v->u.s.p || errno)
			return cmd_fail(c, "invalid literal for int(): '%s'", v->u.s.p);
		c->result = v_int(n);
		return CMD_OK;
	}
	if (v->type == T_STR)
		return cmd_fail(c, "unknown constant '%s'", v->u.s.p);
	return cmd_fail(c, "int() argument must be a number, not '%s'",
	                v_type_name(v));
}

static enum cmd_status do_import(struct cmd_call *c)
{
	const char *m = c->argsrc[0];
	if (strcmp(m, "socket") && strcmp(m, "select") && strcmp(m, "errno"))
		return cmd_fail(c, "no module '%s' here: only socket (and select, "
		                "errno) are built in", m);
	return CMD_OK;
}

static enum cmd_status do_errno(struct cmd_call *c)
{
	const char *arg = c->argsrc[0];
	long long n;
	if (!arg) {
		n = c->sh->last_errno;
		if (!n) {
			out_printf("no error yet\n");
			return CMD_OK;
		}
	} else {
		const struct sk_const *k = const_lookup(arg);
		char *end;
		n = strtoll(arg, &end, 0);
		if (k && k->kind == CK_ERRNO)
			n = k->value;
		else if (*end || end == arg)
			return cmd_fail(c, "unknown errno '%s'", arg);
	}
	const char *name = errno_name((int)n);
	out_printf("%s %lld %s\n", name ? name : "?", n, errno_message((int)n));
	return CMD_OK;
}

static enum cmd_status do_consts(struct cmd_call *c)
{
	const char *prefix = c->argsrc[0] ? c->argsrc[0] : "";
	struct table t;
	table_init(&t, 3, "name", "value", "kind");
	for (size_t i = 0; i < const_count(); i++) {
		const struct sk_const *k = const_at(i);
		if (strncmp(k->name, prefix, strlen(prefix)))
			continue;
		char num[32];
		snprintf(num, sizeof num, "%ld", k->value);
		table_row(&t, k->name, num, const_kind_name(k->kind));
	}
	if (t.nrows == 0) {
		table_free(&t);
		return cmd_fail(c, "no constant starts with '%s'", prefix);
	}
	table_print(&t);
	table_free(&t);
	return CMD_OK;
}

#define RAW_OPT(n) {n, P_RAW, PF_OPT}

const struct cmd_entry cmd_shell_table[] = {
	{.name = "help", .group = "shell", .params = {RAW_OPT("topic")},
	 .exec = do_help, .usage = "[COMMAND|CONSTANT]",
	 .summary = "list the commands, or explain one command or constant",
	 .python = "help(socket.socket.connect)", .c_call = "man 2 connect",
	 .errors = "", .example = "help connect"},
	{.name = "vars", .group = "shell", .exec = do_vars, .usage = "",
	 .summary = "every variable and its value",
	 .python = "dir()", .c_call = "(none)", .errors = "", .example = "vars"},
	{.name = "del", .group = "shell", .params = {{"name", P_RAW, PF_REST}},
	 .exec = do_del, .usage = "NAME...",
	 .summary = "forget variables; a socket no name holds any more is closed",
	 .python = "del s", .c_call = "close(2) when the last name goes",
	 .errors = "no such variable\n", .example = "del s"},
	{.name = "echo", .group = "shell", .params = {{"args", P_ANY, PF_REST}},
	 .exec = do_echo, .usage = "ARGS...",
	 .summary = "print the arguments (strings without quotes)",
	 .python = "print(*args)", .c_call = "printf(3)", .errors = "",
	 .example = "echo port is (s.getsockname)[1]"},
	{.name = "sleep", .group = "shell", .params = {{"seconds", P_FLOAT, 0}},
	 .exec = do_sleep, .usage = "SECONDS",
	 .summary = "wait (Ctrl-C interrupts)", .python = "time.sleep(0.5)",
	 .c_call = "nanosleep(2)", .errors = "", .example = "sleep 0.1"},
	{.name = "repeat", .group = "shell",
	 .params = {{"count", P_INT, 0}, {"statement", P_STMT, 0}},
	 .exec = do_repeat, .usage = "N STATEMENT",
	 .summary = "run STATEMENT N times, stopping at the first error",
	 .python = "for _ in range(n): ...", .c_call = "for (;;)", .errors = "",
	 .example = "repeat 3 a.send b'x'"},
	{.name = "time", .group = "shell", .params = {{"statement", P_STMT, 0}},
	 .exec = do_time, .usage = "STATEMENT",
	 .summary = "run STATEMENT and print the wall time it took",
	 .python = "time.perf_counter()", .c_call = "clock_gettime(2)",
	 .errors = "", .example = "time repeat 1000 a.send b'x'"},
	{.name = "source", .group = "shell", .params = {{"file", P_RAW, 0}},
	 .exec = do_source, .usage = "FILE",
	 .summary = "run a script or transcript in this session",
	 .python = "exec(open(f).read())", .c_call = "(none)",
	 .errors = "ENOENT: no such file\n", .example = "source setup.txt"},
	{.name = "trace", .group = "shell", .params = {RAW_OPT("on|off")},
	 .exec = do_trace, .usage = "on|off",
	 .summary = "show each system call in strace's notation",
	 .python = "(strace -e trace=network)", .c_call = "strace(1)",
	 .errors = "", .example = "trace on"},
	{.name = "exit", .alias = "quit", .group = "shell",
	 .params = {{"status", P_INT, PF_OPT}},
	 .exec = do_exit, .usage = "[STATUS]",
	 .summary = "close every socket and leave", .python = "sys.exit(n)",
	 .c_call = "exit(3)", .errors = "", .example = "exit 0"},
	{.name = "int", .group = "shell", .params = {{"x", P_ANY, 0}},
	 .exec = do_int, .usage = "CONSTANT|NUMBER|STRING",
	 .summary = "the number behind a constant", .python = "int(socket.AF_INET)",
	 .c_call = "(the macro's value)", .errors = "", .example = "int AF_INET"},
	{.name = "import", .group = "shell", .params = {{"module", P_RAW, 0}},
	 .exec = do_import, .usage = "socket",
	 .summary = "accepted so pasted Python works; the socket module is always here",
	 .python = "import socket", .c_call = "#include <sys/socket.h>",
	 .errors = "", .example = "import socket"},
	{.name = "errno", .group = "shell", .params = {RAW_OPT("name")},
	 .exec = do_errno, .usage = "[NAME|NUMBER]",
	 .summary = "name, number and message of an errno (the last error without one)",
	 .python = "errno.errorcode[111], os.strerror(111)",
	 .c_call = "strerror(3)", .errors = "", .example = "errno ECONNREFUSED"},
	{.name = "consts", .group = "shell", .params = {RAW_OPT("prefix")},
	 .exec = do_consts, .usage = "[PREFIX]",
	 .summary = "the constants and their values, optionally only those starting PREFIX",
	 .python = "[n for n in dir(socket) if n.startswith('SO_')]",
	 .c_call = "grep -r SO_ /usr/include", .errors = "", .example = "consts SHUT_"},
	{.name = NULL},
};
