/* lexer.h - tokens of a sockshell line. Every token keeps its offset and
 * whether it was quoted, so errors can point at it. */
#ifndef SOCKSHELL_LEXER_H
#define SOCKSHELL_LEXER_H

#include <stdbool.h>
#include <stddef.h>

enum tok {
	TK_EOF,   /* end of line, ';' is an op, '#' starts a comment */
	TK_NAME,
	TK_INT,
	TK_FLOAT,
	TK_STR,
	TK_BYTES,
	TK_OP,    /* one of ( ) [ ] , = + * | : ; . */
	TK_ERROR  /* err says why */
};

struct token {
	enum tok kind;
	size_t pos, len;   /* where in the line */
	bool space_before; /* whitespace (or line start) came before it */
	char op;
	long long ival;
	double fval;
	char *sval; /* TK_NAME, TK_STR, TK_BYTES: decoded, malloc'd */
	size_t slen;
	const char *err; /* TK_ERROR: a static message */
};

struct lexer {
	const char *src;
	size_t len;
	size_t pos;
};

void lex_init(struct lexer *lx, const char *src, size_t len);
/* The next token; frees nothing, the caller owns t->sval. */
void lex_next(struct lexer *lx, struct token *t);
void tok_free(struct token *t);
/* The offset of the first NUL byte in SRC, or of the pair C0 80 that the
 * transcript reader puts in a NUL's place; LEN when there is none. */
size_t lex_nul_at(const char *src, size_t len);

#endif
