/* shell.c - the interpreter's state, and running lines and files. */
#include "shell.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../core/file.h"
#include "../../core/sock.h"
#include "../../core/tlscert.h"
#include "../commands/cmd.h"
#include "../lang/eval.h"
#include "../../core/i18n.h"
#include "../lang/parser.h"
#include "record.h"
#include "trace.h"
#include "transcript.h"
#include "waiting.h"
#include "watch.h"
#include "watchdog.h"
#include "../wire/wire.h"

volatile sig_atomic_t shell_signal;

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
	waiting_init(sh);
	out_push(&sh->out);
}

void shell_free(struct shell *sh)
{
	watch_off();
	wire_stop();
	vars_clear(&sh->vars);
	v_unref(sh->last);
	sh->last = NULL;
	record_close(sh);
	free(sh->err);
	sh->err = NULL;
	parsecache_clear(&sh->parsed);
	v_pool_drain();
	tlscert_cleanup(); /* ssl.make_test_cert's directory */
	out_pop(&sh->out);
}

static int run_line(struct shell *sh, const char *line, size_t len);

int shell_run_line(struct shell *sh, const char *line, size_t len)
{
	/* Errors point into this line (a sourced file's lines inside it). */
	const char *outer = sh->src;
	sh->src = line;
	int status = run_line(sh, line, len);
	sh->src = outer;
	return status;
}

/* After each statement what it printed is out, so `| tee log` and a
 * coprocess see it now, and a signal that came stops the script here. */
static void stmt_done(struct shell *sh)
{
	out_flush();
	if (shell_signal && !sh->interactive) {
		sh->exiting = true;
		sh->exit_code = 128 + shell_signal;
	}
}

/* SOCKSHELL_STMT_TIMEOUT ran out: the shell ends, as a test must. */
static int timed_out(struct shell *sh, double limit)
{
	char *msg = xasprintf(_("statement timed out after %g s "
	                        "(SOCKSHELL_STMT_TIMEOUT)"), limit);
	shell_error(sh, msg);
	free(msg);
	sh->exiting = true;
	sh->exit_code = WATCHDOG_STATUS;
	return 1;
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
		rec = record_begin(sh, &out);
		char *msg = xasprintf(_("syntax: %s (column %zu)"), err.msg, err.pos + 1);
		sh->err_to = 0;
		shell_error_at(sh, err.pos, err.pos + 1);
		shell_error(sh, msg);
		free(msg);
		free(err.msg);
		record_stmt(sh, rec, &out, line, len);
		stmt_done(sh);
		return 1;
	}
	int status = 0;
	for (size_t i = 0; i < p->n && !sh->exiting; i++) {
		struct stmt *s = p->stmts[i];
		rec = record_begin(sh, &out);
		watchdog_arm();
		status = eval_stmt(sh, s, line);
		double late = watchdog_disarm();
		if (late)
			status = timed_out(sh, late);
		wire_after_stmt(!sh->interactive);
		/* A line of one statement is kept as typed, comment and all. */
		if (p->n == 1)
			record_stmt(sh, rec, &out, line, len);
		else
			record_stmt(sh, rec, &out, line + s->pos, s->end - s->pos);
		stmt_done(sh);
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

/* Does the text hold a prompt line? Then it is a transcript. */
static bool has_prompt_line(const char *text, size_t len)
{
	for (size_t start = 0, n; start < len;) {
		size_t end = line_at(text, len, start, &n);
		if (prompt_line(text + start, n))
			return true;
		start = end + 1;
	}
	return false;
}

/* A plain script (no prompt line, no NUL byte) runs straight from its
 * text: no copy of each line, so a large script costs its size once. */
static bool plain_script(const char *text, size_t len)
{
	return !memchr(text, '\0', len) && !has_prompt_line(text, len);
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
	long long size;
	b.cap = 65536;
	/* Room for the whole file, a byte to see the end by, and the NUL. */
	if (!file_size(f, &size) && size > 0)
		b.cap = (size_t)size + 2;
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

/* Is F read with read(2) as its lines come: a pipe, a terminal, or a
 * file found to hold a plain script? (A memory stream has no descriptor:
 * it is read whole.) */
static bool plain_file(FILE *f);
static bool streamed(FILE *f)
{
	long long size;
	int e = file_size(f, &size);
	return e == ESPIPE || (!e && plain_file(f));
}

/* Is F a regular file holding a plain script? Reads it through once and
 * goes back to where it was. */
static bool plain_file(FILE *f)
{
	long long size;
	off_t at = ftello(f);
	if (file_size(f, &size) || at < 0)
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

#define READ_BLOCK 65536 /* bytes asked of each read: few calls for a big script */

/* The lines of a script as they arrive: a pipe with pauses runs with the
 * pauses, and a coprocess gets each answer before it writes the next
 * line. A transcript (a prompt line in the first block read, or any
 * later prompt line) runs its prompt lines only, the rest being output
 * and prose. */
struct reader {
	int fd;
	struct strbuf buf;
	size_t done; /* bytes of buf run already */
	size_t seen; /* bytes after those known to hold no newline */
	int lineno;
	bool transcript;
};

/* Read one more block; false at the end of input, on an error, or when
 * a signal stops the script. */
static bool read_block(struct reader *r)
{
	if (r->done) {
		r->buf.len -= r->done;
		memmove(r->buf.p, r->buf.p + r->done, r->buf.len);
		r->done = 0;
	}
	/* Doubling: a line of many blocks costs its length, not its square. */
	if (r->buf.cap - r->buf.len < READ_BLOCK) {
		size_t want = r->buf.len + READ_BLOCK;
		r->buf.cap = r->buf.cap * 2 > want ? r->buf.cap * 2 : want;
		r->buf.p = xrealloc(r->buf.p, r->buf.cap);
	}
	for (;;) {
		ssize_t n = read(r->fd, r->buf.p + r->buf.len, READ_BLOCK);
		if (n > 0)
			r->buf.len += (size_t)n;
		if (n >= 0 || errno != EINTR || shell_signal)
			return n > 0;
	}
}

/* Run the line [P, P+N) as a script or transcript line. */
static int reader_line(struct shell *sh, struct reader *r, const char *p,
                       size_t n)
{
	size_t plen = strlen(TRANSCRIPT_PROMPT);
	sh->line = ++r->lineno;
	if (prompt_line(p, n)) {
		r->transcript = true;
		size_t skip = n < plen ? n : plen;
		return shell_run_line(sh, p + skip, n - skip);
	}
	return r->transcript ? -1 : shell_run_line(sh, p, n);
}

/* Run every complete line in the buffer (and, at the end of input, the
 * last one without its newline). */
static int run_buffered(struct shell *sh, struct reader *r, bool at_end,
                        int status)
{
	while (!sh->exiting && r->done < r->buf.len) {
		const char *p = r->buf.p + r->done;
		size_t avail = r->buf.len - r->done, n;
		const char *nl = memchr(p + r->seen, '\n', avail - r->seen);
		if (!nl && !at_end) {
			r->seen = avail; /* a long line is searched once */
			break;
		}
		size_t end = line_at(p, avail, 0, &n);
		r->done += end + (nl != NULL);
		r->seen = 0;
		int st = reader_line(sh, r, p, n);
		if (st < 0)
			continue;
		status = st;
		if (status && sh->errexit)
			return 1;
	}
	return status;
}

static int run_stream(struct shell *sh, FILE *f)
{
	struct reader r = {.fd = fileno(f)};
	int status = 0;
	bool first = true;
	while (!sh->exiting) {
		bool more = read_block(&r);
		if (first && more)
			r.transcript = has_prompt_line(r.buf.p, r.buf.len);
		first = false;
		status = run_buffered(sh, &r, !more, status);
		if (!more || (status && sh->errexit))
			break;
	}
	sb_free(&r.buf);
	return status;
}

int shell_run_file(struct shell *sh, const char *path, FILE *f)
{
	const char *oldfile = sh->file;
	int oldline = sh->line;
	sh->file = path;
	if (streamed(f)) {
		int status = run_stream(sh, f);
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
