/* table.c - columns padded to their widest cell, in display cells rather
 * than bytes so non-ASCII text lines up. */
#include "table.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "state.h"
#include "../strbuf.h"

static void add_cells(struct table *t, va_list ap)
{
	size_t base = (t->nrows + (t->cells ? 1 : 0)) * t->ncols;
	t->cells = xrealloc(t->cells, sizeof *t->cells * (base + t->ncols));
	for (size_t i = 0; i < t->ncols; i++) {
		const char *s = va_arg(ap, const char *);
		t->cells[base + i] = xstrdup(s ? s : "");
	}
}

void table_init(struct table *t, size_t ncols, ...)
{
	t->ncols = ncols;
	t->nrows = 0;
	t->cells = NULL;
	t->gap = 2;
	va_list ap;
	va_start(ap, ncols);
	add_cells(t, ap);
	va_end(ap);
}

void table_row(struct table *t, ...)
{
	va_list ap;
	va_start(ap, t);
	add_cells(t, ap);
	va_end(ap);
	t->nrows++;
}

size_t display_width(const char *s)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t w = 0, len = strlen(s);
	while (len) {
		wchar_t wc;
		size_t n = mbrtowc(&wc, s, len, &st);
		if (n == (size_t)-1 || n == (size_t)-2) {
			/* Not text in this locale: a byte is a cell. */
			memset(&st, 0, sizeof st);
			w++, s++, len--;
			continue;
		}
		if (n == 0)
			break;
		int cw = wcwidth(wc);
		w += cw > 0 ? (size_t)cw : 0;
		s += n;
		len -= n;
	}
	return w;
}

void table_print(const struct table *t)
{
	size_t *width = xcalloc(t->ncols, sizeof *width);
	for (size_t r = 0; r <= t->nrows; r++)
		for (size_t c = 0; c < t->ncols; c++) {
			size_t w = display_width(t->cells[r * t->ncols + c]);
			if (w > width[c])
				width[c] = w;
		}
	struct strbuf b = {0};
	for (size_t r = 0; r <= t->nrows; r++) {
		for (size_t c = 0; c < t->ncols; c++) {
			const char *cell = t->cells[r * t->ncols + c];
			sb_adds(&b, cell);
			if (c + 1 < t->ncols)
				for (size_t k = display_width(cell); k < width[c] + t->gap; k++)
					sb_addc(&b, ' ');
		}
		/* No trailing blanks: transcripts compare lines exactly. */
		while (b.len && b.p[b.len - 1] == ' ')
			b.len--;
		sb_addc(&b, '\n');
	}
	out_write(b.p, b.len);
	sb_free(&b);
	free(width);
}

void table_free(struct table *t)
{
	size_t n = (t->nrows + 1) * t->ncols;
	for (size_t i = 0; i < n; i++)
		free(t->cells[i]);
	free(t->cells);
	t->cells = NULL;
}
