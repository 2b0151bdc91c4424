/* state.c - the interpreter's error line: one line, FILE:LINE: first in
 * a script, "error:" in red on a terminal. */
#include "state.h"

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
}
