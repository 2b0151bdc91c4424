/* parsecache.h - parsed lines kept by their text, so a line that comes
 * again (a script that repeats a statement, a block pasted twice, the
 * same command typed in a loop) is parsed once. */
#ifndef SOCKSHELL_PARSECACHE_H
#define SOCKSHELL_PARSECACHE_H

#include <stddef.h>

#include "parser.h"

/* One parsed line; shared between the cache and whoever runs it. */
struct parsed {
	char *text;
	size_t len;
	struct stmt **stmts;
	size_t n;
	unsigned refs;
};

#define PARSECACHE_SLOTS 64

struct parsecache {
	struct parsed *slot[PARSECACHE_SLOTS];
};

/* The statements of LINE, from the cache or parsed now; release them
 * with parsed_put. NULL on a syntax error, with ERR filled (its msg is
 * the caller's to free). */
struct parsed *parsed_get(struct parsecache *c, const char *line, size_t len,
                          struct parse_error *err);
void parsed_put(struct parsed *p);
/* Drop every cached line (trees still in use live until their put). */
void parsecache_clear(struct parsecache *c);

#endif
