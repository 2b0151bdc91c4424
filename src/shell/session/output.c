/* output.c - the one writer all output goes through: to stdout, or to a
 * capture (--check, tests), with a copy to the recording (the tee), and
 * colour for the screen only, since a recording is plain text whatever
 * the terminal. Its state is the shell's (struct output in struct shell);
 * the out_* functions write through the one in use, so that code anywhere
 * prints without a shell at hand, as printf would. */
#include "output.h"

#include <stdarg.h>

/* Before a shell exists (and in tests without one): plain stdout. */
static struct output plain;
static struct output *cur = &plain;

void out_push(struct output *o)
{
	o->outer = cur;
	cur = o;
}

void out_pop(struct output *o)
{
	if (cur == o)
		cur = o->outer ? o->outer : &plain;
}

void out_capture(struct strbuf *b)
{
	cur->capture = b;
}

/* Everything written also goes to B (the recording) until NULL. */
void out_tee(struct strbuf *b)
{
	cur->tee = b;
}

void out_write(const char *p, size_t n)
{
	struct output *o = cur;
	if (o->tee)
		sb_add(o->tee, p, n);
	if (o->capture) {
		sb_add(o->capture, p, n);
		return;
	}
	fwrite(p, 1, n, o->to ? o->to : stdout);
	o->unflushed = true;
}

/* SCREEN to the terminal, PLAIN (the same text without its colour) to
 * the recording: a recording is plain text whatever the terminal. */
static void out_write_as(const struct strbuf *screen, const char *text,
                         size_t len)
{
	out_write_screen(screen->p, screen->len);
	if (cur->tee)
		sb_add(cur->tee, text, len);
}

void out_write_screen(const char *p, size_t n)
{
	struct strbuf *t = cur->tee;
	cur->tee = NULL;
	out_write(p, n);
	cur->tee = t;
}

/* Called after every statement and before every call that may block:
 * a statement that printed nothing costs no fflush. */
void out_flush(void)
{
	struct output *o = cur;
	if (!o->capture && o->unflushed) {
		fflush(o->to ? o->to : stdout);
		o->unflushed = false;
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

void out_error_line(const char *line, size_t len, size_t at)
{
	static const char word[] = "error:";
	if (!cur->color) {
		out_write(line, len);
		return;
	}
	struct strbuf screen = {0};
	sb_add(&screen, line, at);
	sb_printf(&screen, "\033[1;31m%s\033[0m", word);
	sb_add(&screen, line + at + sizeof word - 1, len - at - (sizeof word - 1));
	out_write_as(&screen, line, len);
	sb_free(&screen);
}
