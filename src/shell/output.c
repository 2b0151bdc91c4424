/* output.c - the one writer all output goes through: to stdout, or to a
 * capture (--check, tests), with a copy to the recording (the tee), and
 * colour for the screen only, since a recording is plain text whatever
 * the terminal. */
#include "output.h"

#include <stdarg.h>
#include <stdio.h>

#include "shell.h"

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

/* Something was written to stdout since the last out_flush. */
static bool unflushed;

void out_write(const char *p, size_t n)
{
	if (tee)
		sb_add(tee, p, n);
	if (capture) {
		sb_add(capture, p, n);
		return;
	}
	fwrite(p, 1, n, stdout);
	unflushed = true;
}

/* SCREEN to the terminal, PLAIN (the same text without its colour) to
 * the recording: a recording is plain text whatever the terminal. */
static void out_write_as(const struct strbuf *screen, const struct strbuf *plain)
{
	struct strbuf *t = tee;
	tee = NULL;
	out_write(screen->p, screen->len);
	tee = t;
	if (tee)
		sb_add(tee, plain->p, plain->len);
}

/* Called after every statement and before every call that may block:
 * a statement that printed nothing costs no fflush. */
void out_flush(void)
{
	if (!capture && unflushed) {
		fflush(stdout);
		unflushed = false;
	}
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

/* The error line B with its "error:" (at AT) in bold red on the screen. */
static void write_red_error(const struct strbuf *b, size_t at)
{
	static const char word[] = "error:";
	struct strbuf screen = {0};
	sb_add(&screen, b->p, at);
	sb_printf(&screen, "\033[1;31m%s\033[0m", word);
	at += sizeof word - 1;
	sb_add(&screen, b->p + at, b->len - at);
	out_write_as(&screen, b);
	sb_free(&screen);
}

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
	if (sh->color)
		write_red_error(&b, at);
	else
		out_write(b.p, b.len);
	sb_free(&b);
}

