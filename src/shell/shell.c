/* shell.c - the interpreter's state, running lines and files, and the one
 * writer all output goes through. */
#include "shell.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../core/sock.h"
#include "cmd.h"
#include "eval.h"
#include "i18n.h"
#include "parser.h"
#include "replay.h"
#include "trace.h"
#include "transcript.h"
#include "watch.h"

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

static void close_epoll(struct pollobj *p)
{
	sk_close(p->epfd);
	p->epfd = -1;
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
	v_poll_closer = close_epoll;
	parser_set_hooks(&hooks);
}

void shell_free(struct shell *sh)
{
	watch_off();
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
	parsecache_clear(&sh->parsed);
	v_pool_drain();
}

static int run_line(struct shell *sh, const char *line, size_t len);

int shell_run_line(struct shell *sh, const char *line, size_t len)
{
	return run_line(sh, line, len);
}

/* With a recording on, each statement and all it printed go to the file
 * as soon as it has run (record_write flushes), so a kill -9 during a
 * later statement loses nothing that finished, even on the same line.
 * A statement that starts or stops the recording stays out. These two
 * bracket one statement: rec_begin returns the recording or NULL. */
static FILE *rec_begin(struct shell *sh, struct strbuf *out)
{
	FILE *rec = sh->source_depth ? NULL : sh->record;
	if (rec)
		out_tee(out);
	return rec;
}

static void rec_end(struct shell *sh, FILE *rec, struct strbuf *out,
                    const char *text, size_t len)
{
	if (!rec)
		return;
	out_tee(NULL);
	if (sh->record == rec) {
		char *stmt = xstrndup(text, len);
		record_write(rec, stmt, out->p ? out->p : "", out->len);
		free(stmt);
	}
	sb_free(out);
}

static int run_line(struct shell *sh, const char *line, size_t len)
{
	struct parse_error err;
	if (sh->no_syscalls)
		sk_set_forbidden(true);
	struct parsed *p = parsed_get(&sh->parsed, line, len, &err);
	struct strbuf out = {0};
	FILE *rec;
	if (!p) {
		rec = rec_begin(sh, &out);
		char *msg = xasprintf(_("syntax: %s (column %zu)"), err.msg, err.pos + 1);
		shell_error(sh, msg);
		free(msg);
		free(err.msg);
		rec_end(sh, rec, &out, line, len);
		return 1;
	}
	int status = 0;
	for (size_t i = 0; i < p->n && !sh->exiting; i++) {
		struct stmt *s = p->stmts[i];
		rec = rec_begin(sh, &out);
		status = eval_stmt(sh, s, line);
		/* A line of one statement is kept as typed, comment and all. */
		if (p->n == 1)
			rec_end(sh, rec, &out, line, len);
		else
			rec_end(sh, rec, &out, line + s->pos, s->end - s->pos);
		if (status && sh->errexit)
			break;
	}
	parsed_put(p);
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

/* Is line [P, P+N) a prompt line, as the transcript reader has them:
 * the prompt, or "sock>" alone? */
static bool prompt_line(const char *p, size_t n)
{
	size_t plen = strlen(TRANSCRIPT_PROMPT);
	if (n >= plen && !memcmp(p, TRANSCRIPT_PROMPT, plen))
		return true;
	return n == plen - 1 && !memcmp(p, TRANSCRIPT_PROMPT, plen - 1);
}

/* The end of the line at TEXT + START, and its length less a CR before
 * the newline (or before the end of the text). */
static size_t line_at(const char *text, size_t len, size_t start, size_t *n)
{
	const char *nl = memchr(text + start, '\n', len - start);
	size_t end = nl ? (size_t)(nl - text) : len;
	*n = end - start - (end > start && text[end - 1] == '\r');
	return end;
}

/* A plain script (no prompt line, no NUL byte) runs straight from its
 * text: no copy of each line, so a large script costs its size once. */
static bool plain_script(const char *text, size_t len)
{
	if (memchr(text, '\0', len))
		return false;
	for (size_t start = 0, n; start < len;) {
		size_t end = line_at(text, len, start, &n);
		if (prompt_line(text + start, n))
			return false;
		start = end + 1;
	}
	return true;
}

static int run_plain(struct shell *sh, const char *text, size_t len)
{
	int status = 0;
	int line = 0;
	for (size_t start = 0, n; start < len && !sh->exiting;) {
		size_t end = line_at(text, len, start, &n);
		sh->line = ++line;
		status = shell_run_line(sh, text + start, n);
		if (status && sh->errexit)
			return 1;
		start = end + 1;
	}
	return status;
}

/* All of F, read into one buffer sized from the file when it is a
 * regular one (a large script then costs its size, once). */
static struct strbuf read_all(FILE *f)
{
	struct strbuf b = {0};
	struct stat st;
	b.cap = 65536;
	/* Room for the whole file, a byte to see the end by, and the NUL. */
	if (!fstat(fileno(f), &st) && S_ISREG(st.st_mode) && st.st_size > 0)
		b.cap = (size_t)st.st_size + 2;
	b.p = xmalloc(b.cap);
	for (;;) {
		if (b.cap - b.len < 2) {
			b.cap *= 2;
			b.p = xrealloc(b.p, b.cap);
		}
		size_t want = b.cap - b.len - 1;
		size_t r = fread(b.p + b.len, 1, want, f);
		b.len += r;
		if (r < want)
			break;
	}
	b.p[b.len] = '\0';
	return b;
}

/* The length of LINE (N bytes read by getline) less its "\n" or "\r\n". */
static size_t chomp(const char *line, size_t n)
{
	if (n && line[n - 1] == '\n')
		n--;
	if (n && line[n - 1] == '\r')
		n--;
	return n;
}

/* Is F a regular file holding a plain script? Reads it through once and
 * goes back to where it was. */
static bool plain_file(FILE *f)
{
	struct stat st;
	off_t at = ftello(f);
	if (fstat(fileno(f), &st) || !S_ISREG(st.st_mode) || at < 0)
		return false;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	bool plain = true;
	while (plain && (n = getline(&line, &cap, f)) > 0)
		plain = !memchr(line, '\0', (size_t)n) &&
		        !prompt_line(line, chomp(line, (size_t)n));
	free(line);
	clearerr(f);
	return fseeko(f, at, SEEK_SET) == 0 && plain;
}

/* A plain script in a file runs as it is read: however long the script,
 * it costs one line of memory. */
static int run_plain_file(struct shell *sh, FILE *f)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int status = 0, lineno = 0;
	while (!sh->exiting && (n = getline(&line, &cap, f)) > 0) {
		sh->line = ++lineno;
		status = shell_run_line(sh, line, chomp(line, (size_t)n));
		if (status && sh->errexit) {
			status = 1;
			break;
		}
	}
	free(line);
	return status;
}

int shell_run_file(struct shell *sh, const char *path, FILE *f)
{
	const char *oldfile = sh->file;
	int oldline = sh->line;
	sh->file = path;
	if (plain_file(f)) {
		int status = run_plain_file(sh, f);
		sh->file = oldfile;
		sh->line = oldline;
		return status;
	}
	struct strbuf text = read_all(f);
	int status;
	if (plain_script(text.p ? text.p : "", text.len)) {
		status = run_plain(sh, text.p ? text.p : "", text.len);
	} else {
		struct transcript t;
		if (transcript_parse(text.p ? text.p : "", text.len, &t)) {
			sb_free(&text);
			sh->file = oldfile;
			return 1;
		}
		sb_free(&text);
		status = run_lines(sh, &t);
		transcript_free(&t);
	}
	sb_free(&text);
	sh->file = oldfile;
	sh->line = oldline;
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
