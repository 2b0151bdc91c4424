/* shell.c - the interpreter's state, running lines and files, and the one
 * writer all output goes through. */
#include "shell.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "../core/sock.h"
#include "cmd.h"
#include "eval.h"
#include "i18n.h"
#include "parser.h"
#include "replay.h"
#include "trace.h"
#include "transcript.h"

static struct strbuf *capture;
static struct strbuf *tee;

void out_capture(struct strbuf *b)
{
	capture = b;
}

/* Everything written also goes to B (the recording) until NULL. */
void out_tee(struct strbuf *b)
{
	tee = b;
}

void out_write(const char *p, size_t n)
{
	if (tee)
		sb_add(tee, p, n);
	if (capture) {
		sb_add(capture, p, n);
		return;
	}
	fwrite(p, 1, n, stdout);
}

void out_printf(const char *fmt, ...)
{
	struct strbuf b = {0};
	va_list ap;
	va_start(ap, fmt);
	sb_vprintf(&b, fmt, ap);
	va_end(ap);
	out_write(b.p ? b.p : "", b.len);
	sb_free(&b);
}

#define ERROR_MAX 400 /* bytes of an error message shown */

void shell_error(struct shell *sh, const char *msg)
{
	/* One line, whatever the message holds. */
	struct strbuf b = {0};
	if (sh->file && !sh->interactive)
		sb_printf(&b, "%s:%d: ", sh->file, sh->line);
	sb_adds(&b, sh->color ? "\033[1;31merror:\033[0m " : "error: ");
	/* A 1 MiB name makes a 1 MiB message: keep the line readable. */
	size_t n = 0;
	for (const char *p = msg; *p && n < ERROR_MAX; p++, n++)
		sb_addc(&b, *p == '\n' || *p == '\r' ? ' ' : *p);
	if (n == ERROR_MAX && msg[n])
		sb_adds(&b, "...");
	while (b.len && b.p[b.len - 1] == ' ')
		b.len--; /* "usage: vars " and the like */
	sb_addc(&b, '\n');
	out_write(b.p, b.len);
	sb_free(&b);
}

static void close_socket(struct sockobj *s)
{
	sk_close(s->fd);
	s->fd = -1;
}

static bool hook_is_command(const char *name)
{
	return cmd_find(name) != NULL;
}

static int hook_stmt_arg(const char *name)
{
	const struct cmd_entry *e = cmd_find(name);
	if (!e)
		return -1;
	for (int k = 0; e->params[k].name; k++)
		if (e->params[k].type == P_STMT)
			return k;
	return -1;
}

static bool hook_is_constant(const char *name)
{
	return const_lookup(name) != NULL;
}

void shell_init(struct shell *sh)
{
	static const struct parser_hooks hooks = {hook_is_command, hook_stmt_arg,
	                                          hook_is_constant};
	memset(sh, 0, sizeof *sh);
	sh->default_timeout = -1;
	v_socket_closer = close_socket;
	parser_set_hooks(&hooks);
}

void shell_free(struct shell *sh)
{
	vars_clear(&sh->vars);
	v_unref(sh->last);
	sh->last = NULL;
	if (sh->record)
		fclose(sh->record);
	sh->record = NULL;
	free(sh->record_path);
	sh->record_path = NULL;
	free(sh->err);
	sh->err = NULL;
}

static int run_line(struct shell *sh, const char *line, size_t len);

/* With a recording on, the line and all it printed go to the file once
 * it has run; the line that starts or stops the recording stays out. */
int shell_run_line(struct shell *sh, const char *line, size_t len)
{
	FILE *rec = sh->record;
	if (!rec || sh->source_depth)
		return run_line(sh, line, len);
	struct strbuf out = {0};
	out_tee(&out);
	int r = run_line(sh, line, len);
	out_tee(NULL);
	if (sh->record == rec) {
		char *stmt = xstrndup(line, len);
		record_write(rec, stmt, out.p ? out.p : "", out.len);
		free(stmt);
	}
	sb_free(&out);
	return r;
}

static int run_line(struct shell *sh, const char *line, size_t len)
{
	struct stmt **stmts;
	size_t n;
	struct parse_error err;
	if (sh->no_syscalls)
		sk_set_forbidden(true);
	if (parse_line(line, len, &stmts, &n, &err)) {
		char *msg = xasprintf(_("syntax: %s (column %zu)"), err.msg, err.pos + 1);
		shell_error(sh, msg);
		free(msg);
		free(err.msg);
		return 1;
	}
	int status = 0;
	for (size_t i = 0; i < n && !sh->exiting; i++) {
		status = eval_stmt(sh, stmts[i], line);
		if (status && sh->errexit)
			break;
	}
	stmts_free(stmts, n);
	return status;
}

/* Does the text look like a transcript (any line starting with the
 * prompt)? Then only its prompt lines run. */
static bool is_transcript(const struct transcript *t)
{
	return t->ncases > 0;
}

static int run_lines(struct shell *sh, const struct transcript *t)
{
	int status = 0;
	if (is_transcript(t)) {
		for (size_t i = 0; i < t->ncases && !sh->exiting; i++) {
			sh->line = t->cases[i].line;
			status = shell_run_line(sh, t->cases[i].stmt,
			                        strlen(t->cases[i].stmt));
			if (status && sh->errexit)
				return 1;
		}
		return status;
	}
	for (size_t i = 0; i < t->nlines && !sh->exiting; i++) {
		sh->line = (int)i + 1;
		status = shell_run_line(sh, t->lines[i], strlen(t->lines[i]));
		if (status && sh->errexit)
			return 1;
	}
	return status;
}

int shell_run_file(struct shell *sh, const char *path, FILE *f)
{
	struct strbuf text = {0};
	char buf[65536];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sb_add(&text, buf, n);
	struct transcript t;
	if (transcript_parse(text.p ? text.p : "", text.len, &t)) {
		sb_free(&text);
		return 1;
	}
	sb_free(&text);
	const char *oldfile = sh->file;
	int oldline = sh->line;
	sh->file = path;
	int status = run_lines(sh, &t);
	sh->file = oldfile;
	sh->line = oldline;
	transcript_free(&t);
	return status;
}

static void trace_event(void *ctx, const struct sk_event *ev)
{
	(void)ctx;
	struct strbuf b = {0};
	sb_adds(&b, "  ");
	trace_format(&b, ev);
	sb_addc(&b, '\n');
	out_write(b.p, b.len);
	sb_free(&b);
}

void shell_set_trace(struct shell *sh, bool on)
{
	sh->trace = on;
	sk_set_trace(on ? trace_event : NULL, sh);
}
