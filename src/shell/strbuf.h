/* strbuf.h - a growable byte buffer; allocation failure aborts. */
#ifndef SOCKSHELL_STRBUF_H
#define SOCKSHELL_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char *p;
	size_t len, cap;
};

void sb_add(struct strbuf *b, const void *p, size_t n);
void sb_adds(struct strbuf *b, const char *s);
void sb_addc(struct strbuf *b, char c);
void sb_printf(struct strbuf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sb_vprintf(struct strbuf *b, const char *fmt, va_list ap);
/* The NUL-terminated contents, handed over to the caller. */
char *sb_take(struct strbuf *b);
void sb_free(struct strbuf *b);

/* A growing list of malloc'd strings (lines of a history, of a diff). */
struct lines {
	char **v;
	size_t n;
};

/* Append a copy of S; free every line and the list. */
void lines_add(struct lines *l, const char *s);
void lines_free(struct lines *l);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t m);
void *xrealloc(void *p, size_t n);
/* Room for element N of an array of SIZE-byte elements that grows one at a
 * time: the capacity (implied by N) doubles at each power of two. */
void *xgrow(void *p, size_t n, size_t size);
/* The capacity xgrow gives an array of N elements: a fresh array that
 * xgrow will extend must be allocated with at least this many. */
size_t xgrow_cap(size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Replace the malloc'd string *DST (may be NULL) by the formatted text:
 * the one way a pending error is set (cmd_fail, eval_fail, the binder's). */
void sb_set(char **dst, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sb_vset(char **dst, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

#endif
