/* args.h - binding a call's evaluated arguments to its command's
 * parameters, with every check made before a handler runs: the lenient
 * shell form's, Python's for the Python form (pysig.c), and the kind of
 * constant each parameter takes. The table of parameter types here also
 * tells completion what to offer, so the two cannot drift apart. */
#ifndef SOCKSHELL_ARGS_H
#define SOCKSHELL_ARGS_H

#include <stdbool.h>
#include <stddef.h>
#include "../commands/cmd.h"
#include "../session/vars.h"
#include "parser.h"

/* What completion offers for a parameter. */
enum offer {
	OFFER_VARS,        /* variables */
	OFFER_VARS_CONSTS, /* variables, and any constant once typing starts */
	OFFER_KIND,        /* the constants of the type's one kind */
	OFFER_LEVELS,      /* option levels */
	OFFER_OPTIONS,     /* the options of the level given before */
	OFFER_SOCKETS,     /* variables holding sockets */
	OFFER_BOOL,        /* True, False, variables */
	OFFER_TIMEOUT,     /* None, variables */
	OFFER_ADDRESS,     /* paths for an AF_UNIX socket, else variables */
	OFFER_TOPICS,      /* commands and constants (help) */
	OFFER_ONOFF,       /* on, off */
	OFFER_CONSTS,      /* every constant (consts PREFIX) */
	OFFER_MODULES,     /* socket (import) */
	OFFER_FILES,       /* file names */
	OFFER_RECORD,      /* off, or file names */
	OFFER_WIRE,        /* wire's words, then what the first one takes */
	OFFER_NOTHING
};

struct ptype_info {
	enum ptype type;
	bool raw;               /* takes the argument's text, unevaluated */
	unsigned kinds;         /* constants that fit: bits 1 << CK_* */
	const char *prefixes[6]; /* where a did-you-mean looks; "" for all */
	enum offer offer;
};

const struct ptype_info *ptype_info(enum ptype t);
/* The one kind of constant a parameter of type T takes (OFFER_KIND). */
enum const_kind ptype_kind(enum ptype t);

/* The arguments of one call, evaluated by the caller. Calls are the hot
 * path: the usual few arguments live on the stack. */
struct call_args {
	struct value **vals;   /* positional, self first for NAME.METHOD */
	struct value **kwvals; /* by the index of the call's argument */
	char **words;          /* the unquoted text of each, or NULL */
	struct node **argn;    /* the node of each (NULL for self) */
	const struct sk_const **named; /* the constant written, or NULL */
	struct node *bad;      /* after a failed bind: the argument at fault */
	size_t nvals, nargs;
	struct value *vals_buf[CMD_MAXARGS + 2], *kw_buf[CMD_MAXARGS + 1];
	char *words_buf[CMD_MAXARGS + 2];
	struct node *argn_buf[CMD_MAXARGS + 2];
	const struct sk_const *named_buf[CMD_MAXARGS + 2];
};

/* The constant argument A stands for: written by name, or a family or a
 * socket type held in a variable (t = SOCK_STREAM; s.family); NULL for
 * a plain number. V is its value. */
const struct sk_const *args_const_of(const struct node *a,
                                     const struct value *v);

/* CPython's OverflowError for I as a C int, or NULL when it fits: with
 * AS_INT, _PyLong_AsInt's words, else those of PyArg_ParseTuple's 'i'. */
const char *c_int_overflow(long long i, bool as_int);

void args_init(struct call_args *a, size_t nargs);
/* Releases the arguments and what binding put in C. */
void args_free(struct call_args *a, struct cmd_call *c);

/* Bind A to C->cmd's parameters into C. N is the call (NULL for an
 * attribute); METHOD: the first value is self from NAME.METHOD. Returns 0,
 * or -1 with *ERR set to the error line after "error: ". */
int args_bind(struct call_args *a, struct cmd_call *c, struct node *n,
              bool method, const struct vartab *vars, char **err);

#endif
