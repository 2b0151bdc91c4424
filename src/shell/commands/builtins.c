/* builtins.c - the shell's own commands: help, tables, variables, control. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <linux/sockios.h>
#include <netinet/tcp.h>
#include <time.h>

#include "../../core/errors.h"
#include "../../core/file.h"
#include "../../core/sock.h"
#include "../../core/sockopt.h"
#include "../lang/eval.h"
#include "../lang/format.h"
#include "../session/record.h"
#include "../lang/sockaddr.h"
#include "../session/table.h"
#include "common.h"
#include "ssl.h"
#include <stdio.h>

/* TRANSLATORS: the groups of commands in the list `help` prints. */
static const char *const groups[] = {N_("sockets"), N_("options"),
                                     N_("addresses"), N_("names"),
                                     N_("byte order"), N_("buffers"),
                                     N_("python"), N_("files"), N_("select"),
                                     N_("ssl"), N_("shell"),
                                     NULL};

/* Append N spaces. */
static void sb_pad(struct strbuf *b, size_t n)
{
	while (n--)
		sb_addc(b, ' ');
}

static void help_list(void)
{
	out_printf(_("Commands by group (help NAME for one; help CONSTANT for a "
	             "constant):\n"));
	for (size_t g = 0; groups[g]; g++) {
		struct strbuf line = {0};
		const char *group = _(groups[g]);
		size_t gw = display_width(group);
		/* The names start in one column, however wide the group's name. */
		size_t indent = 2 + (gw > 11 ? gw : 11);
		sb_printf(&line, "  %s", group);
		sb_pad(&line, indent - 2 - gw);
		size_t col = indent;
		const struct cmd_entry *e;
		for (size_t i = 0; (e = cmd_at(i)); i++) {
			if (strcmp(e->group, groups[g]) || (e->flags & CMD_HIDDEN))
				continue;
			/* A poll object's method, by the object's name. */
			const char *obj = e->flags & CMD_SSLCTX ? "ctx."
			                  : !(e->flags & CMD_POLL) ? ""
			                  : strcmp(e->name, "close") &&
			                            strcmp(e->name, "fileno")
			                        ? "poll."
			                        : "epoll.";
			size_t w = strlen(obj) + strlen(e->name) + 1;
			if (col + w > 78) {
				sb_addc(&line, '\n');
				sb_pad(&line, indent);
				col = indent;
			}
			sb_printf(&line, " %s%s", obj, e->name);
			col += w;
		}
		sb_addc(&line, '\n');
		out_write(line.p, line.len);
		sb_free(&line);
	}
	out_printf(_("Socket methods work both ways: s.recv 10 is recv s 10.\n"));
	out_printf(_("Files from makefile have their own: help file.read.\n"));
	out_printf(_("So have poll and epoll objects: help poll.register.\n"));
	out_printf(_("Where sockshell differs from Python on purpose: help python.\n"));
}

/* Each line of TEXT, indented by two spaces. */
static void help_lines(const char *text)
{
	for (const char *p = text; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		out_printf("  %.*s\n", (int)n, p);
		p += n + (nl ? 1 : 0);
	}
}

static void help_text_block(const char *title, const char *text)
{
	if (!text || !*text)
		return;
	out_printf("%s\n", title);
	help_lines(text);
}

/* The differences from CPython 3.11 that stay on purpose (the man page's
 * DIFFERENCES FROM PYTHON says the same). */
static const char python_differences[] = N_(
    "Errors are one line, error: CALL: MESSAGE, not a traceback; the\n"
    "exception's class is not named.\n"
    "errno names are the man pages' and strace's: EOPNOTSUPP and EDEADLK\n"
    "where errno.errorcode says ENOTSUP and EDEADLOCK; errno ENOTSUP and\n"
    "every other alias are read as input.\n"
    "Integers are 64-bit: a larger literal is an error (integer too large)\n"
    "where Python makes a big int and a call then raises OverflowError.\n"
    "One value, or one buffer a call asks for, holds at most 256 MiB\n"
    "(bytes 1000000000 is an error): printing a GiB would take 4 GiB.\n"
    "The constants are those of the C headers: some Python lacks (AF_MAX,\n"
    "IP_MAXPACKET) are known here.\n"
    "close FD closes only a socket, and the variable that held that number\n"
    "lets go of it (Python's would close whatever socket gets it next).\n"
    "recv(N, MSG_TRUNC) pads a datagram's missing bytes with zeros, where\n"
    "Python shows stale memory.\n"
    "makefile speaks utf-8, ascii and latin-1; files print as <file ...>.\n"
    "create_connection(..., all_errors=True) puts every address's error on\n"
    "its one line after Python's ExceptionGroup text.\n"
    "getfqdn takes the name getnameinfo gives for the first address, where\n"
    "Python takes the first alias with a dot that gethostbyaddr gives.\n"
    "errno after a timeout says there is no errno (Python: e.errno is None).\n"
    "Operators: + - * | and the comparisons == != < > <= >= in, not in;\n"
    "no unary minus but on a number. At the start of a line x -1 is the\n"
    "shell form (x called with -1): write x - 1 or x-1.\n"
    "The shell form (s.bind 127.0.0.1 5000) and typed socket options are\n"
    "sockshell's own; write a call in parentheses to get Python's rules.");

/* What sockshell has that Python has not (the man page says it too). */
static const char python_extensions[] = N_(
    "ssl.make_test_cert(HOSTNAME) is sockshell's own: Python has no such\n"
    "function (openssl req -x509 makes the certificate before the script).\n"
    "It returns (certfile, keyfile) of a throwaway self-signed certificate.");

static bool help_topic(const char *topic)
{
	if (strcmp(topic, "python"))
		return false;
	help_text_block(_("Where sockshell differs from Python 3.11 on purpose:"),
	                _(python_differences));
	help_lines(_(python_extensions));
	return true;
}

/* "LABEL TEXT", the text in column WIDTH (display cells). */
static void help_field(const char *label, size_t width, const char *text)
{
	struct strbuf b = {0};
	sb_adds(&b, label);
	sb_pad(&b, width - display_width(label));
	sb_printf(&b, "%s\n", text);
	out_write(b.p, b.len);
	sb_free(&b);
}

static void help_command(const struct cmd_entry *e)
{
	if (e->flags & CMD_ATTR) {
		/* Only the attribute form: `family s` is not a command. */
		/* TRANSLATORS: an attribute's synopsis: "family    (attribute:
		 * SOCK.family)"; a file's is FILE.mode. */
		out_printf(_("%s    (attribute: %s.%s)\n"), e->name,
		           e->flags & CMD_FILE ? "FILE"
		           : e->flags & CMD_SSLCTX ? "CTX" : "SOCK", e->name);
	} else if (e->flags & CMD_METHOD) {
		char *alt = xasprintf("SOCK.%s%s%s", e->name,
		                      strlen(e->usage) > 4 ? " " : "",
		                      strlen(e->usage) > 4 ? e->usage + 5 : "");
		/* TRANSLATORS: the synopsis, then the method form: "(or SOCK.recv
		 * BUFSIZE [FLAGS])". */
		out_printf(_("%s %s    (or %s)\n"), e->name, e->usage, alt);
		free(alt);
	} else {
		out_printf("%s%s%s\n", e->name, *e->usage ? " " : "", e->usage);
	}
	out_printf("  %s\n", tr(e->summary));
	if (e->notes)
		help_lines(tr(e->notes));
	/* TRANSLATORS: the labels of a command's help page; the texts after
	 * them line up in one column. */
	const char *py = _("Python:"), *c = _("C:"), *ex = _("Example:");
	size_t w = display_width(py);
	if (display_width(c) > w)
		w = display_width(c);
	if (display_width(ex) > w)
		w = display_width(ex);
	help_field(py, w + 1, tr(e->python));
	help_field(c, w + 1, tr(e->c_call));
	help_text_block(_("Errors:"), tr(e->errors));
	help_field(ex, w + 1, e->example);
}

static void help_constant(const struct sk_const *k)
{
	out_printf("%s = %ld (%s)\n", k->name, k->value, tr(const_kind_name(k->kind)));
	const struct sockopt_desc *d = sockopt_by_name(k->name);
	if (d) {
		struct strbuf lvl = {0};
		const struct sk_const *l = const_by_value(CK_SOL, d->level);
		if (d->level == IPPROTO_TCP || d->level == IPPROTO_IP ||
		    d->level == IPPROTO_IPV6 || d->level == IPPROTO_UDP)
			l = const_by_value(CK_IPPROTO, d->level);
		out_printf(_("  option at level %s, %s\n"), l ? l->name : "?",
		           d->readable && d->writable ? _("read and write")
		           : d->readable              ? _("read only")
		                                      : _("write only"));
		out_printf("  %s\n", tr(d->help));
		sb_free(&lvl);
	}
	if (k->kind == CK_ERRNO)
		out_printf("  %s\n", errno_message((int)k->value));
	if (k->kind == CK_EAI)
		out_printf("  %s\n", eai_message((int)k->value));
}

/* NAME.METHOD: the method of what the variable NAME holds (help c2.recv),
 * file.read for makefile()'s files, socket methods for any other NAME. */
static const struct cmd_entry *help_method(struct shell *sh, const char *topic)
{
	const char *dot = strchr(topic, '.');
	char *name = xstrndup(topic, (size_t)(dot - topic));
	const struct value *v = vars_get(&sh->vars, name);
	enum vtype type = !strcmp(name, "file") ? T_FILE
	                  : !strcmp(name, "poll") || !strcmp(name, "epoll") ? T_POLL
	                  : !strcmp(name, "ctx") ? T_SSLCTX
	                  : T_SOCKET;
	free(name);
	if (v && v->type != T_SOCKET && v->type != T_FILE && v->type != T_POLL &&
	    v->type != T_SSLCTX)
		return cmd_find_value_method(v, dot + 1); /* help data.decode */
	return cmd_find_method(v ? v->type : type, dot + 1);
}

static enum cmd_status do_help(struct cmd_call *c)
{
	const char *topic = c->argsrc[0];
	if (!topic) {
		help_list();
		return CMD_OK;
	}
	/* help(socket.socket.connect), help(os.unlink): module prefixes. */
	while (!strncmp(topic, "socket.", 7))
		topic += 7;
	if (!strncmp(topic, "select.", 7) && strchr(topic + 7, '.'))
		topic += 7;
	if (!strncmp(topic, "os.", 3))
		topic += 3;
	if (!strncmp(topic, "ssl.", 4))
		topic += 4;
	const struct cmd_entry *e = cmd_find(topic); /* struct.pack too */
	if (!e && strchr(topic, '.'))
		e = help_method(c->sh, topic);
	if (!e)
		e = cmd_find_method(T_SOCKET, topic);
	if (!e)
		e = cmd_find_method(T_FILE, topic);
	if (!e)
		e = cmd_find_method(T_POLL, topic);
	if (!e)
		e = cmd_find_method(T_SSLCTX, topic);
	if (e) {
		help_command(e);
		return CMD_OK;
	}
	const struct sk_const *k = const_lookup(topic);
	if (k) {
		help_constant(k);
		return CMD_OK;
	}
	if (help_topic(topic))
		return CMD_OK;
	return cmd_fail(c, _("no help for '%s' (help lists the commands)"), topic);
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
		return cmd_fail(c, _("missing argument 1 (name); usage: del NAME..."));
	for (size_t i = 0; i < c->nrest; i++) {
		const char *name = c->restsrc[i];
		if (!vars_del(&c->sh->vars, name))
			continue;
		/* _ is the last value when no variable has the name: forgetting
		 * it closes a socket only _ holds (s.accept() unassigned). */
		if (strcmp(name, "_") || !c->sh->last)
			return cmd_fail(c, _("%s: no such variable"), name);
		struct value *old = c->sh->last;
		c->sh->last = NULL;
		v_unref(old);
	}
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

/* Run the statement argument once. Returns 0, or 1 with its error
 * printed (the caller then fails without a second line). */
static int run_stmt_arg(struct cmd_call *c, int k)
{
	return eval_stmt(c->sh, c->argnode[k]->stmt, NULL);
}

/* The statement argument K, written as a statement (not `repeat(2, x)`). */
static bool have_stmt_arg(struct cmd_call *c, int k)
{
	return c->argnode[k] && c->argnode[k]->kind == N_STMT;
}

static enum cmd_status do_repeat(struct cmd_call *c)
{
	long long n = arg_int(c, 0, 0);
	if (!c->argnode[1])
		return cmd_fail(c, _("missing argument 2 (statement); usage: repeat N STATEMENT"));
	if (!have_stmt_arg(c, 1))
		return cmd_fail(c, _("missing the statement to run"));
	for (long long i = 0; i < n && !c->sh->exiting; i++) {
		int r = run_stmt_arg(c, 1);
		if (r)
			return CMD_ERROR; /* reported by the statement itself */
		if (sk_interrupted) {
			sk_interrupted = 0;
			return cmd_errno(c, CORE_EINTERRUPTED);
		}
	}
	return CMD_OK;
}

static enum cmd_status do_time(struct cmd_call *c)
{
	if (!c->argnode[0])
		return cmd_fail(c, _("missing argument 1 (statement); usage: time STATEMENT"));
	if (!have_stmt_arg(c, 0))
		return cmd_fail(c, _("missing the statement to run"));
	double t0 = sk_now();
	int r = run_stmt_arg(c, 0);
	double dt = sk_now() - t0;
	out_printf(_("time: %.6f s\n"), dt);
	return r ? CMD_ERROR : CMD_OK; /* its error line is printed already */
}

static enum cmd_status do_source(struct cmd_call *c)
{
	const char *path = c->argsrc[0];
	if (c->sh->source_depth >= 16)
		return cmd_fail(c, _("%s: sourced too deeply (16 levels)"), path);
	FILE *f;
	int e = file_open(path, "r", &f);
	if (e) {
		char *why = fmt_errno(e);
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
	return r ? cmd_fail(c, _("%s: a statement failed"), path) : CMD_OK;
}

static enum cmd_status do_trace(struct cmd_call *c)
{
	const char *what = c->argsrc[0];
	if (!what) {
		out_printf("%s", c->sh->trace ? _("trace is on\n") : _("trace is off\n"));
		return CMD_OK;
	}
	if (strcmp(what, "on") && strcmp(what, "off"))
		return cmd_fail(c, _("expected on or off, got '%s'"), what);
	shell_set_trace(c->sh, !strcmp(what, "on"));
	return CMD_OK;
}

static enum cmd_status do_exit(struct cmd_call *c)
{
	long long code = arg_int(c, 0, c->sh->last_status);
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
		long long n = strtoll(v->u.s.p, &end, 10); /* int('010') is 10 */
		if (*end || end == v->u.s.p || errno)
			return cmd_fail(c, _("invalid literal for int(): '%s'"), v->u.s.p);
		c->result = v_int(n);
		return CMD_OK;
	}
	if (v->type == T_STR)
		return cmd_fail(c, _("unknown constant '%s'"), v->u.s.p);
	return cmd_fail(c, _("int() argument must be a number, not '%s'"),
	                v_type_name(v));
}

static enum cmd_status do_import(struct cmd_call *c)
{
	const char *m = c->argsrc[0];
	char why[256];
	if (!strcmp(m, "ssl"))
		return ssl_import(why, sizeof why)
		               ? cmd_fail(c, _("TLS is not available: %s"), why)
		               : CMD_OK;
	if (strcmp(m, "socket") && strcmp(m, "select") && strcmp(m, "errno") &&
	    strcmp(m, "os") && strcmp(m, "struct"))
		return cmd_fail(c, _("no module '%s' here: only socket (and select, "
		                     "ssl, errno, struct, os for os.unlink) are built "
		                     "in"), m);
	return CMD_OK;
}

/* os.unlink: Python names the file at the end of the error. */
static enum cmd_status do_unlink(struct cmd_call *c)
{
	const char *path = c->argv[0]->u.s.p;
	int e = sk_unlink(path);
	if (!e)
		return CMD_OK;
	cmd_errno(c, e);
	char *r = v_repr(c->argv[0]);
	char *with = xasprintf("%s: %s", c->cause, r);
	free(r);
	free(c->cause);
	c->cause = with;
	return CMD_ERROR;
}

static enum cmd_status do_errno(struct cmd_call *c)
{
	const char *arg = c->argsrc[0];
	long long n;
	if (!arg) {
		n = c->sh->last_errno;
		if (!n) {
			out_printf(_("no error yet\n"));
			return CMD_OK;
		}
		if (errno_is_pseudo((int)n)) {
			out_printf(_("%s: no errno (in Python e.errno is None)\n"),
			           _(errno_message((int)n)));
			return CMD_OK;
		}
	} else {
		const struct sk_const *k = const_lookup(arg);
		char *end;
		n = strtoll(arg, &end, 0);
		if (k && k->kind == CK_ERRNO)
			n = k->value;
		else if (*end || end == arg)
			return cmd_fail(c, _("unknown errno '%s'"), arg);
	}
	const char *name = errno_name((int)n);
	out_printf("%s %lld %s\n", name ? name : "?", n, errno_strerror((int)n));
	return CMD_OK;
}

static enum cmd_status do_consts(struct cmd_call *c)
{
	const char *prefix = c->argsrc[0] ? c->argsrc[0] : "";
	struct table t;
	/* TRANSLATORS: the headers of the table `consts` prints. */
	table_init(&t, 3, _("name"), _("value"), _("kind"));
	for (size_t i = 0; i < const_count(); i++) {
		const struct sk_const *k = const_at(i);
		if (strncmp(k->name, prefix, strlen(prefix)))
			continue;
		char num[32];
		snprintf(num, sizeof num, "%ld", k->value);
		table_row(&t, k->name, num, tr(const_kind_name(k->kind)));
	}
	if (t.nrows == 0) {
		table_free(&t);
		return cmd_fail(c, _("no constant starts with '%s'"), prefix);
	}
	table_print(&t);
	table_free(&t);
	return CMD_OK;
}


/* record FILE | record -f FILE | record -a FILE | record off | record */
static enum cmd_status do_record(struct cmd_call *c)
{
	struct shell *sh = c->sh;
	const char *mode = "wx", *path = NULL;
	for (size_t i = 0; i < c->nrest; i++) {
		const char *a = c->restsrc[i];
		if (!strcmp(a, "-f"))
			mode = "w";
		else if (!strcmp(a, "-a"))
			mode = "a";
		else if (!path)
			path = a;
		else
			return cmd_fail(c, _("usage: record [-f|-a] FILE | record off"));
	}
	if (!path) {
		if (sh->record)
			out_printf(_("recording to %s\n"), sh->record_path);
		else
			out_printf(_("not recording\n"));
		return CMD_OK;
	}
	if (!strcmp(path, "off")) {
		record_close(sh);
		return CMD_OK;
	}
	char *cause;
	if (record_open(sh, path, mode, &cause) == 0)
		return CMD_OK;
	cmd_fail(c, "%s", cause);
	free(cause);
	return CMD_ERROR;
}

/* The kernel's TCP states as ss(8) names them: TCP_CLOSE, a socket not
 * connected (new, bound, or whose connection is over), is UNCONN, so it
 * is not taken for CLOSED, a socket closed in the shell. */
static const char *tcp_state(int st)
{
	static const char *const names[] = {
		"?", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1", "FIN_WAIT2",
		"TIME_WAIT", "UNCONN", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING"};
	return st > 0 && st < (int)(sizeof names / sizeof *names) ? names[st] : "?";
}

/* host:port as ss(8) writes it, so the table fits 80 columns. */
static char *addr_text(const struct sk_addr *a)
{
	struct addr_parts p;
	if (addr_decode((const struct sockaddr *)&a->ss, a->len, &p))
		return xstrdup("-");
	if (p.family == AF_INET)
		return xasprintf("%s:%d", p.host, p.port);
	if (p.family == AF_INET6)
		return xasprintf("[%s]:%d", p.host, p.port);
	if (p.pathlen == 0)
		return xstrdup("-");
	if (p.path[0] == '\0')
		return xasprintf("@%.*s", (int)p.pathlen - 1, p.path + 1);
	return xasprintf("%.*s", (int)p.pathlen, p.path);
}

/* AF_INET -> INET, SOCK_STREAM -> STREAM: the table's short forms. */
static const char *short_name(enum const_kind kind, long v)
{
	const struct sk_const *k = const_by_value(kind, v);
	if (!k)
		return "?";
	const char *u = strchr(k->name, '_');
	return u ? u + 1 : k->name;
}

/* State and queues as ss(8) shows them. */
static void sock_state(const struct sockobj *s, const char **state, int *rq,
                       int *sq)
{
	int listening = 0;
	socklen_t len = sizeof listening;
	sk_getsockopt(s->fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &len);
	struct sk_addr peer;
	bool connected = !sk_getpeername(s->fd, &peer);
	*state = listening ? "LISTEN" : connected ? "CONNECTED" : "UNCONN";
	sk_queues(s->fd, rq, sq);
	if ((s->family == AF_INET || s->family == AF_INET6) &&
	    s->type == SOCK_STREAM) {
		struct tcp_info ti;
		len = sizeof ti;
		if (!sk_getsockopt(s->fd, IPPROTO_TCP, TCP_INFO, &ti, &len)) {
			*state = tcp_state(ti.tcpi_state);
			if (listening) {
				*rq = (int)ti.tcpi_unacked;
				*sq = (int)ti.tcpi_sacked;
			}
		}
	}
}

static void handle_row(struct table *t, const char *name, const struct sockobj *s)
{
	char fd[16], rq[16], sq[16], timeout[32];
	const char *fam = short_name(CK_AF, s->family);
	const char *ty = short_name(CK_SOCK, s->type);
	snprintf(fd, sizeof fd, "%d", s->fd);
	if (s->timeout < 0)
		snprintf(timeout, sizeof timeout, "None");
	else
		snprintf(timeout, sizeof timeout, "%g", s->timeout);
	if (s->fd < 0) {
		table_row(t, name, fd, fam, ty, "CLOSED", "-", "-",
		          timeout, "-", "-");
		return;
	}
	const char *state;
	int r = 0, q = 0;
	sock_state(s, &state, &r, &q);
	snprintf(rq, sizeof rq, "%d", r);
	snprintf(sq, sizeof sq, "%d", q);
	struct sk_addr a;
	char *laddr = !sk_getsockname(s->fd, &a) ? addr_text(&a) : xstrdup("-");
	char *raddr = !sk_getpeername(s->fd, &a) ? addr_text(&a) : xstrdup("-");
	table_row(t, name, fd, fam, ty, state, laddr, raddr,
	          timeout, rq, sq);
	free(laddr);
	free(raddr);
}

static void handle_visit(void *ctx, const char *name, const struct value *v)
{
	handle_row(ctx, name, &v->u.sock);
}

static enum cmd_status do_handles(struct cmd_call *c)
{
	struct table t;
	/* TRANSLATORS: the headers of the table `handles` prints; fd, laddr,
	 * raddr, Recv-Q and Send-Q are as ss(8) writes them. */
	table_init(&t, 10, _("name"), _("fd"), _("family"), _("type"), _("state"),
	           _("laddr"), _("raddr"), _("timeout"), _("Recv-Q"), _("Send-Q"));
	t.gap = 1; /* ten columns: one space keeps a loopback session in 80 */
	walk_sockets(c->sh, handle_visit, &t);
	if (t.nrows == 0)
		out_printf(_("no sockets\n"));
	else
		table_print(&t);
	table_free(&t);
	print_poll_interest(c->sh);
	ssl_print_handles(c->sh);
	return CMD_OK;
}

static const char *level_name(int level)
{
	if (level == SOL_SOCKET)
		return "SOL_SOCKET";
	const struct sk_const *k = const_by_value(CK_IPPROTO, level);
	return k ? k->name : "?";
}

static const char *opt_type_name(enum opt_type t)
{
	static const char *const names[] = {
		[OT_INT] = "int", [OT_BOOL] = "bool", [OT_LINGER] = "linger",
		[OT_TIMEVAL] = "timeval", [OT_SOCKTYPE] = "type",
		[OT_FAMILY] = "family", [OT_PROTOCOL] = "protocol",
		[OT_ERRNO] = "errno", [OT_STRING] = "string", [OT_INADDR] = "in_addr",
		[OT_IPMREQ] = "ip_mreqn", [OT_IPV6MREQ] = "ipv6_mreq",
		[OT_UCRED] = "ucred", [OT_STRUCT] = "struct", [OT_BYTES] = "bytes"};
	return names[t];
}

/* Levels whose options make sense for S. */
static bool level_applies(const struct sockobj *s, int level)
{
	bool inet = s->family == AF_INET || s->family == AF_INET6;
	switch (level) {
	case SOL_SOCKET:
		return true;
	case IPPROTO_IP:
		return s->family == AF_INET;
	case IPPROTO_IPV6:
		return s->family == AF_INET6;
	case IPPROTO_TCP:
		return inet && s->type == SOCK_STREAM;
	case IPPROTO_UDP:
		return inet && s->type == SOCK_DGRAM;
	default:
		return false;
	}
}

static char *option_value_text(const struct sockobj *s,
                               const struct sockopt_desc *d)
{
	unsigned char buf[1024];
	socklen_t len = (socklen_t)sockopt_size(d);
	if (len > sizeof buf)
		len = sizeof buf;
	memset(buf, 0, sizeof buf);
	int e = sk_getsockopt(s->fd, d->level, d->optname, buf, &len);
	if (e)
		return xstrdup(errno_name(e) ? errno_name(e) : "error");
	struct optval o;
	if (sockopt_decode(d, buf, len, &o))
		return xstrdup(_("(undecodable)"));
	if (o.type == OT_STRUCT || o.type == OT_UCRED)
		return xasprintf(_("(%d fields: getsockopt shows them)"), o.nfields);
	struct value *v = optval_to_value(&o);
	char *r = v_repr(v);
	v_unref(v);
	/* Keep the table within 80 columns; getsockopt shows it all. */
	if (strlen(r) > 36)
		strcpy(r + 33, "...");
	return r;
}

static enum cmd_status do_sockopts(struct cmd_call *c)
{
	const struct sockobj *s = SOCK(c);
	long long only = arg_int(c, 1, -1);
	if (s->fd < 0)
		return cmd_errno(c, EBADF);
	struct table t;
	/* TRANSLATORS: the headers of the table `sockopts` prints. */
	table_init(&t, 4, _("level"), _("option"), _("type"), _("value"));
	for (size_t i = 0; i < sockopt_count(); i++) {
		const struct sockopt_desc *d = sockopt_at(i);
		if (!d->readable || !level_applies(s, d->level) ||
		    (only >= 0 && d->level != only))
			continue;
		char *val = option_value_text(s, d);
		table_row(&t, level_name(d->level), d->name, opt_type_name(d->type), val);
		free(val);
	}
	if (t.nrows == 0) {
		table_free(&t);
		return cmd_fail(c, _("no readable options at that level for this "
		                     "socket"));
	}
	table_print(&t);
	table_free(&t);
	return CMD_OK;
}


const struct cmd_entry cmd_shell_table[] = {
	{.name = "help", .group = "shell", .params = {{"topic", P_TOPIC, PF_OPT}},
	 .exec = do_help, .usage = "[COMMAND|CONSTANT]",
	 .summary = N_("list the commands, or explain one command or constant"),
	 .python = "help(socket.socket.connect)", .c_call = "man 2 connect",
	 .errors = "", .example = "help connect"},
	{.name = "vars", .group = "shell", .exec = do_vars, .usage = "",
	 .summary = N_("every variable and its value"),
	 .python = "dir()", .c_call = N_("(none)"), .errors = "", .example = "vars"},
	{.name = "del", .group = "shell", .params = {{"name", P_VARNAME, PF_REST}},
	 .exec = do_del, .usage = "NAME...",
	 .summary = N_("forget variables; a socket no name holds any more is closed"),
	 .python = "del s", .c_call = N_("close(2) when the last name goes"),
	 .errors = N_("no such variable\n"), .example = "del s"},
	{.name = "echo", .group = "shell", .params = {{"args", P_ANY, PF_REST}},
	 .exec = do_echo, .usage = "ARGS...",
	 .summary = N_("print the arguments (strings without quotes)"),
	 .python = "print(*args)", .c_call = "printf(3)", .errors = "",
	 .example = "echo port is (s.getsockname)[1]"},
	{.name = "sleep", .group = "shell", .params = {{"seconds", P_FLOAT, 0}},
	 .exec = do_sleep, .usage = "SECONDS",
	 .summary = N_("wait (Ctrl-C interrupts)"), .python = "time.sleep(0.5)",
	 .c_call = "nanosleep(2)", .errors = "", .example = "sleep 0.1"},
	{.name = "repeat", .group = "shell",
	 .params = {{"count", P_INT, 0}, {"statement", P_STMT, 0}},
	 .exec = do_repeat, .usage = "N STATEMENT",
	 .summary = N_("run STATEMENT N times, stopping at the first error"),
	 .python = "for _ in range(n): ...", .c_call = "for (;;)", .errors = "",
	 .example = "repeat 3 a.send b'x'"},
	{.name = "time", .group = "shell", .params = {{"statement", P_STMT, 0}},
	 .exec = do_time, .usage = "STATEMENT",
	 .summary = N_("run STATEMENT and print the wall time it took"),
	 .python = "time.perf_counter()", .c_call = "clock_gettime(2)",
	 .errors = "", .example = "time repeat 1000 a.send b'x'"},
	{.name = "source", .group = "shell", .params = {{"file", P_SCRIPT, 0}},
	 .exec = do_source, .usage = "FILE",
	 .summary = N_("run a script or transcript in this session"),
	 .python = "exec(open(f).read())", .c_call = N_("(none)"),
	 .errors = N_("ENOENT: no such file\n"), .example = "source setup.txt"},
	{.name = "trace", .group = "shell", .params = {{"on|off", P_ONOFF, PF_OPT}},
	 .exec = do_trace, .usage = "on|off",
	 .summary = N_("show each system call in strace's notation"),
	 .python = "(strace -e trace=network)", .c_call = "strace(1)",
	 .errors = "", .example = "trace on"},
	{.name = "exit", .alias = "quit", .group = "shell",
	 .params = {{"status", P_INT, PF_OPT}},
	 .exec = do_exit, .usage = "[STATUS]",
	 .summary = N_("close every socket and leave"), .python = "sys.exit(n)",
	 .c_call = "exit(3)", .errors = "", .example = "exit 0"},
	{.name = "int", .group = "shell", .params = {{"x", P_ANY, 0}},
	 .exec = do_int, .usage = "CONSTANT|NUMBER|STRING",
	 .summary = N_("the number behind a constant"), .python = "int(socket.AF_INET)",
	 .c_call = N_("(the macro's value)"), .errors = "", .example = "int AF_INET"},
	{.name = "import", .group = "shell", .params = {{"module", P_MODULE, 0}},
	 .exec = do_import, .usage = "socket",
	 .summary = N_("accepted so pasted Python works; the socket module is always here"),
	 .python = "import socket", .c_call = "#include <sys/socket.h>",
	 .errors = "", .example = "import socket"},
	{.name = "unlink", .group = "shell", .params = {{"path", P_FILE, 0}},
	 .exec = do_unlink, .usage = "PATH",
	 .summary = N_("remove a file: the socket file an earlier bind left"),
	 .python = "os.unlink(path)", .c_call = "unlink(2)",
	 .errors = N_("ENOENT: no such file\n"
	              "EADDRINUSE from a later bind: the file was still there\n"),
	 .example = "unlink /tmp/echo.sock"},
	{.name = "errno", .group = "shell", .params = {{"name", P_ERRNAME, PF_OPT}},
	 .exec = do_errno, .usage = "[NAME|NUMBER]",
	 .summary = N_("name, number and message of an errno (the last error without one)"),
	 .python = "errno.errorcode[111], os.strerror(111)",
	 .c_call = "strerror(3)", .errors = "", .example = "errno ECONNREFUSED"},
	{.name = "consts", .group = "shell", .params = {{"prefix", P_PREFIX, PF_OPT}},
	 .exec = do_consts, .usage = "[PREFIX]",
	 .summary = N_("the constants and their values, optionally only those starting PREFIX"),
	 .python = "[n for n in dir(socket) if n.startswith('SO_')]",
	 .c_call = "grep -r SO_ /usr/include", .errors = "", .example = "consts SHUT_"},
	{.name = "record", .group = "shell", .params = {{"file", P_RECORD, PF_REST}},
	 .exec = do_record, .usage = "[-f|-a] FILE | off",
	 .summary = N_("write the session from now on as a transcript (-f replaces, -a appends)"),
	 .python = N_("(none)"), .c_call = N_("(none)"),
	 .errors = N_("FILE exists: use -f to replace it or -a to append\n"),
	 .example = "record lesson.txt"},
	{.name = "handles", .group = "shell", .exec = do_handles, .usage = "",
	 .summary = N_("a table of the open sockets: state, addresses, queues"),
	 .notes = N_("Sockets in tuples and lists show as conn[0]; those only _ "
	             "holds, as _.\n"
	             "States (TCP's as ss(8) names them):\n"
	             "  UNCONN       not connected: new, only bound, or its "
	             "connection is over\n"
	             "  LISTEN       waits for connections (after listen)\n"
	             "  SYN_SENT     connect sent its SYN; no answer yet\n"
	             "  SYN_RECV     a peer's SYN arrived; the handshake is not "
	             "done\n"
	             "  ESTABLISHED  connected: data flows both ways\n"
	             "  CONNECTED    a connected UDP, UNIX or other non-TCP "
	             "socket\n"
	             "  FIN_WAIT1    this side shut down; its FIN is not "
	             "acknowledged yet\n"
	             "  FIN_WAIT2    its FIN was acknowledged; the peer may still "
	             "send\n"
	             "  CLOSE_WAIT   the peer shut down (recv gives b''): close "
	             "this side too\n"
	             "  LAST_ACK     both sides shut down; waits for the last ACK\n"
	             "  CLOSING      both sides shut down at the same time\n"
	             "  TIME_WAIT    both sides shut down; the port stays taken "
	             "for a while\n"
	             "  CLOSED       closed in the shell: close, or del of its "
	             "last name"),
	 .python = N_("(none)"), .c_call = "ss -tuxanp", .errors = "",
	 .example = "handles"},
	{.name = "sockopts", .group = "options",
	 .params = {{"socket", P_SOCK, 0}, {"level", P_LEVEL, PF_OPT}},
	 .exec = do_sockopts, .usage = "SOCK [LEVEL]",
	 .summary = N_("every option readable on a socket, with its type and value"),
	 .python = "[s.getsockopt(l, o) for l, o in options]",
	 .c_call = N_("getsockopt(2), repeated"),
	 .errors = N_("EBADF: the socket is closed\n"), .example = "sockopts s SOL_SOCKET"},
	{.name = NULL},
};
