/* parsecache.c - see parsecache.h. Reusing a tree is sound because parsing
 * is a function of the text alone: the parser's hooks read only the static
 * command and constant tables, never variables, and evaluation only reads
 * the tree (`repeat` already runs one tree many times). */
#include <stdlib.h>
#include <string.h>

#include "parsecache.h"
#include "../../core/hash.h"
#include "../strbuf.h"

/* Longer lines are parsed each time: keeping a 1 MiB line to save its
 * parse would cost more memory than the parse costs time. */
#define PARSECACHE_MAX_LINE 512

void parsed_put(struct parsed *p)
{
	if (!p || --p->refs)
		return;
	stmts_free(p->stmts, p->n);
	free(p->text);
	free(p);
}

static struct parsed *parse_new(const char *line, size_t len,
                                struct parse_error *err)
{
	struct stmt **stmts;
	size_t n;
	if (parse_line(line, len, &stmts, &n, err))
		return NULL;
	struct parsed *p = xcalloc(1, sizeof *p);
	p->stmts = stmts;
	p->n = n;
	p->refs = 1;
	return p;
}

struct parsed *parsed_get(struct parsecache *c, const char *line, size_t len,
                          struct parse_error *err)
{
	if (len > PARSECACHE_MAX_LINE)
		return parse_new(line, len, err);
	struct parsed **s = &c->slot[fnv1a_add(FNV1A_BASIS, line, len) % PARSECACHE_SLOTS];
	if (*s && (*s)->len == len && !memcmp((*s)->text, line, len)) {
		(*s)->refs++;
		return *s;
	}
	struct parsed *p = parse_new(line, len, err);
	if (!p)
		return NULL;
	p->text = xstrndup(line, len);
	p->len = len;
	parsed_put(*s);
	*s = p;
	p->refs++; /* the cache's and the caller's */
	return p;
}

void parsecache_clear(struct parsecache *c)
{
	for (size_t i = 0; i < PARSECACHE_SLOTS; i++) {
		parsed_put(c->slot[i]);
		c->slot[i] = NULL;
	}
}
