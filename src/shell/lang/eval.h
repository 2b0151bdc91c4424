/* eval.h - evaluating syntax trees against the shell's state. */
#ifndef SOCKSHELL_EVAL_H
#define SOCKSHELL_EVAL_H

#include <stdbool.h>
#include "parser.h"
#include "../session/state.h"

/* The value of N, or NULL with sh->err set. ARGPOS: N stands as an
 * argument, where an unknown bare name is a word rather than an error. */
struct value *eval_node(struct shell *sh, struct node *n, bool argpos);
/* Run S, printing its value. Returns 0 or 1 (error printed). */
int eval_stmt(struct shell *sh, struct stmt *s, const char *src);
/* Set the pending error, "NAME: cause". */
#define eval_fail(sh, ...) sb_set(&(sh)->err, __VA_ARGS__)
/* The value a constant name evaluates to. */
struct value *const_value(const struct sk_const *c);
/* Can NAME be assigned? NULL when yes, else why not (static text). */
const char *eval_reserved(const char *name);

#endif
