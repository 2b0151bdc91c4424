/* state.c - the interpreter's error line: one line, FILE:LINE: first in
 * a script, "error:" in red on a terminal, and there, as SQLite's shell
 * does, a caret line under the part of the line typed that is wrong. */
#include "state.h"

#include <wchar.h>

#include "../utf8.h"

static void put_caret(struct shell *sh);

#define ERROR_MAX 400 /* bytes of an error message shown */

void shell_error(struct shell *sh, const char *msg)
{
	/* One line, whatever the message holds. */
	struct strbuf b = {0};
	if (sh->file && !sh->interactive)
		sb_printf(&b, "%s:%d: ", sh->file, sh->line);
	size_t at = b.len;
	sb_adds(&b, "error: ");
	/* A 1 MiB name makes a 1 MiB message: keep the line readable. */
	size_t n = 0;
	for (const char *p = msg; *p && n < ERROR_MAX; p++, n++)
		sb_addc(&b, *p == '\n' || *p == '\r' ? ' ' : *p);
	if (n == ERROR_MAX && msg[n])
		sb_adds(&b, "...");
	while (b.len && b.p[b.len - 1] == ' ')
		b.len--; /* "usage: vars " and the like */
	sb_addc(&b, '\n');
	out_error_line(b.p, b.len, at);
	sb_free(&b);
	put_caret(sh);
}

void shell_error_at(struct shell *sh, size_t from, size_t to)
{
	if (sh->err_to == 0 && to > from) {
		sh->err_from = from;
		sh->err_to = to;
	}
}

/* The columns the character at P (N bytes, N > 0) takes on the screen,
 * and in *LEN its bytes: a wide character takes two. */
static int char_width(const char *p, size_t n, size_t *len)
{
	size_t k = utf8_seq_len((const unsigned char *)p, n);
	*len = k ? k : 1;
	wchar_t wc;
	mbstate_t st = {0};
	int w = mbrtowc(&wc, p, *len, &st) == *len ? wcwidth(wc) : 1;
	return w < 0 ? 1 : w;
}

/* Blanks to column FROM of LINE, then ^~~~ under [FROM, TO). */
static void caret_text(struct strbuf *b, const char *line, size_t from,
                       size_t to)
{
	size_t len;
	for (size_t i = 0; i < from && line[i]; i += len)
		for (int w = char_width(line + i, from - i, &len); w > 0; w--)
			sb_addc(b, ' ');
	sb_addc(b, '^');
	int cols = 0;
	for (size_t i = from; i < to && line[i]; i += len)
		cols += char_width(line + i, to - i, &len);
	for (; cols > 1; cols--)
		sb_addc(b, '~');
	sb_addc(b, '\n');
}

/* Under the error line, where the line typed is on the screen above:
 * point at the span the error is about. */
static void put_caret(struct shell *sh)
{
	if (sh->caret_col > 0 && !sh->source_depth && sh->src && sh->err_to) {
		struct strbuf b = {0};
		for (int i = 0; i < sh->caret_col; i++)
			sb_addc(&b, ' ');
		caret_text(&b, sh->src, sh->err_from, sh->err_to);
		out_write_screen(b.p, b.len); /* a recording replays without it */
		sb_free(&b);
	}
	sh->err_to = 0;
}
