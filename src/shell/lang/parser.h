/* parser.h - statements of a line into syntax trees. The parser knows the
 * grammar and the command names, but no variables: whether a bare word is a
 * variable or a string is the evaluator's call. */
#ifndef SOCKSHELL_PARSER_H
#define SOCKSHELL_PARSER_H

#include <stdbool.h>
#include <stddef.h>
#include "value.h"

enum nkind {
	N_LIT,   /* lit */
	N_NAME,  /* name; word is the raw text when it stood as a shell arg */
	N_WORD,  /* word: text that is no expression (127.0.0.1, /tmp/s) */
	N_ATTR,  /* obj.name; word as for N_NAME */
	N_CALL,  /* name(args) or obj.name(args) */
	N_TUPLE, /* args */
	N_LIST,  /* args */
	N_INDEX, /* obj[args[0]] */
	N_SLICE, /* obj[args[0]:args[1]:args[2]], each may be NULL */
	N_BINOP, /* args[0] op args[1] */
	N_COMPARE, /* args[0] name[0] args[1] name[1] ... (a < b == c) */
	N_STMT   /* a statement as an argument (repeat, time): stmt */
};

struct stmt;

struct node {
	enum nkind kind;
	size_t pos, end; /* span in the line */
	struct value *lit;
	char *name;
	char *word;
	struct node *obj;
	struct node **args;
	char **kwnames; /* N_CALL: the keyword of each arg, or NULL */
	size_t nargs;
	char op;
	bool shell_form; /* N_CALL: space-separated arguments */
	struct stmt *stmt;
};

struct stmt {
	char **targets;
	size_t ntargets;
	bool unpack; /* the targets had a comma (a, b = ... or x, = ...) */
	struct node *rhs;
	size_t pos, end;
};

struct parse_error {
	size_t pos;
	char *msg; /* malloc'd */
};

/* The commands the parser must know: a name is a command when this says
 * so, and a command whose argument is a statement (repeat, time) says
 * at which argument that statement starts. */
struct parser_hooks {
	bool (*is_command)(const char *name);
	int (*stmt_arg)(const char *name); /* -1 for none */
	bool (*is_constant)(const char *name);
};
void parser_set_hooks(const struct parser_hooks *h);

/* Parse one line into statements. Returns 0, or -1 with *ERR filled. */
int parse_line(const char *src, size_t len, struct stmt ***out, size_t *n,
               struct parse_error *err);
void stmt_free(struct stmt *s);
void stmts_free(struct stmt **s, size_t n);
void node_free(struct node *n);

/* Deepest nesting the parser accepts before calling a line too deep. */
#define PARSE_MAX_DEPTH 200

#endif
