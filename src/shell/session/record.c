/* record.c - the session written as a transcript that replays under
 * --check: each statement with what it printed, on disk as soon as it has
 * run (a kill -9 later loses nothing finished); plain text whatever the
 * terminal; the file's descriptor far above the sockets', so the replay,
 * which has no such file open, shows the same fd=; the messages' locale
 * noted when they are translated; a statement stopped by Ctrl-C kept as
 * prose, since replaying it would block. */
#include "record.h"

#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/file.h"
#include "../../core/i18n.h"
#include "../lang/errtext.h"
#include "state.h"
#include "transcript.h"

#define LOCALE_TAG "# locale: "
#define FD_TOP 1024 /* the record file sits just under this, or the limit */

/* The lowest descriptor the record file may take: near the top of what
 * the process may open, where no lesson's sockets reach. */
static int high_fd(void)
{
	int top = file_fd_limit(FD_TOP);
	return top > 64 ? top - 16 : 3;
}

/* The messages' locale when they are translated: their recording only
 * replays in it. English messages replay in C, where --check runs. */
static const char *translated_locale(void)
{
	static const char probe[] = "interrupted";
	return strcmp(_(probe), probe) ? setlocale(LC_MESSAGES, NULL) : NULL;
}

static const char *(*header_line)(void);

void record_set_header(const char *(*line)(void))
{
	header_line = line;
}

/* A new file notes what its replay needs: the locale, the wire lab. */
static void note_header(FILE *f)
{
	long long size;
	if (file_size(f, &size) || size != 0)
		return;
	const char *loc = translated_locale();
	if (loc)
		fprintf(f, "%s%s\n", LOCALE_TAG, loc);
	const char *extra = header_line ? header_line() : NULL;
	if (extra)
		fputs(extra, f);
}

int record_open(struct shell *sh, const char *path, const char *mode,
                char **cause)
{
	record_close(sh);
	FILE *f = NULL;
	int e = sh->no_syscalls ? EPERM
	                        : file_open_high(path, mode, high_fd(), &f);
	if (e == EEXIST) {
		*cause = xasprintf(_("%s exists (record -f FILE replaces it, "
		                     "record -a FILE appends)"), path);
		return -1;
	}
	if (e) {
		char *why = fmt_errno(e);
		*cause = xasprintf("%s: %s", path, why);
		free(why);
		return -1;
	}
	note_header(f);
	fflush(f);
	sh->record = f;
	sh->record_path = xstrdup(path);
	return 0;
}

void record_close(struct shell *sh)
{
	sh->record_switched = true;
	if (sh->record)
		fclose(sh->record);
	sh->record = NULL;
	free(sh->record_path);
	sh->record_path = NULL;
}

FILE *record_begin(struct shell *sh, struct strbuf *out)
{
	FILE *rec = sh->source_depth ? NULL : sh->record;
	sh->interrupted = false;
	sh->record_switched = false;
	if (rec)
		out_tee(out);
	return rec;
}

/* Output lines, an empty one as <BLANKLINE>. */
static void write_lines(FILE *f, const char *out, size_t len)
{
	for (size_t at = 0; at < len;) {
		const char *nl = memchr(out + at, '\n', len - at);
		size_t n = nl ? (size_t)(nl - out) - at : len - at;
		if (n)
			fwrite(out + at, 1, n, f);
		else
			fputs("<BLANKLINE>", f);
		fputc('\n', f);
		at += n + 1;
	}
}

/* One statement and its output lines. */
static void write_stmt(FILE *f, const char *stmt, const char *out, size_t len)
{
	fprintf(f, "%s%s\n", TRANSCRIPT_PROMPT, stmt);
	write_lines(f, out, len);
}

/* A statement stopped by Ctrl-C did not finish, and replayed it would
 * wait for ever: it goes in as prose (the blank line ends the output of
 * the statement before). */
static void write_interrupted(FILE *f, const char *stmt)
{
	fputc('\n', f);
	fprintf(f, _("# interrupted by Ctrl-C, not replayed: %s"), stmt);
	fputc('\n', f);
}

void record_stmt(struct shell *sh, FILE *rec, struct strbuf *out,
                 const char *text, size_t len)
{
	if (!rec)
		return;
	out_tee(NULL);
	/* `record off` or another `record FILE` stays out of both files (a
	 * new FILE may well have the address of the one closed). */
	if (!sh->record_switched) {
		char *stmt = xstrndup(text, len);
		if (sh->interrupted)
			write_interrupted(rec, stmt);
		else
			write_stmt(rec, stmt, out->p ? out->p : "", out->len);
		free(stmt);
		fflush(rec);
	}
	sb_free(out);
}

void record_note(struct shell *sh, const char *text)
{
	FILE *rec = sh->record;
	if (!rec || sh->source_depth)
		return;
	fputc('\n', rec);
	for (const char *p = text; *p;) {
		size_t n = strcspn(p, "\n");
		fprintf(rec, "# %.*s\n", (int)n, p);
		p += n + (p[n] == '\n');
	}
	fflush(rec);
}

void record_more(struct shell *sh, const struct strbuf *b)
{
	FILE *rec = sh->record;
	if (!rec || sh->source_depth || !b->len)
		return;
	write_lines(rec, b->p, b->len);
	fflush(rec);
}

/* The word after TAG on a line before the first prompt, copied into BUF
 * (N bytes; "" when the line is TAG alone); NULL when no such line comes
 * first or the word does not fit. TAG must end the line or be followed
 * by blanks: "# wire" is not "# wireless". */
const char *record_header(const char *text, size_t len, const char *tag,
                          char *buf, size_t n)
{
	size_t tl = strlen(tag), plen = strlen(TRANSCRIPT_PROMPT);
	for (size_t at = 0; at < len;) {
		const char *line = text + at, *nl = memchr(line, '\n', len - at);
		size_t ll = nl ? (size_t)(nl - line) : len - at;
		if (ll >= plen - 1 && !memcmp(line, TRANSCRIPT_PROMPT, plen - 1))
			return NULL;
		if (ll >= tl && !memcmp(line, tag, tl) &&
		    (ll == tl || memchr(" \t\r", line[tl], 3) || tag[tl - 1] == ' ')) {
			size_t skip = tl;
			while (skip < ll && (line[skip] == ' ' || line[skip] == '\t'))
				skip++;
			size_t k = strcspn(line + skip, " \t\r\n");
			if (k >= n || k > ll - skip)
				return NULL;
			memcpy(buf, line + skip, k);
			buf[k] = '\0';
			return buf;
		}
		at += ll + 1;
	}
	return NULL;
}

const char *record_locale(const char *text, size_t len, char *buf, size_t n)
{
	const char *loc = record_header(text, len, LOCALE_TAG, buf, n);
	return loc && *loc ? loc : NULL;
}
