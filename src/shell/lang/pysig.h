/* pysig.h - Python's own argument checks, for calls written in the Python
 * form: how many arguments each function takes and of which types, with
 * CPython 3.11's message text. The rules come from the command rows (the
 * row's py class, each parameter's type); the shell form never uses them. */
#ifndef SOCKSHELL_PYSIG_H
#define SOCKSHELL_PYSIG_H

#include <stddef.h>
#include "../commands/cmd.h"
#include "value.h"

/* NPOS positional arguments (self not counted) and NKW keywords, named
 * in KW, against row E. Returns NULL when Python accepts the call, else
 * Python's TypeError text (malloc'd). */
char *pysig_arity(const struct cmd_entry *e, size_t npos,
                  const char *const *kw, size_t nkw);

/* V given for parameter K of row E: NULL when Python takes it there,
 * else Python's TypeError text (malloc'd). */
char *pysig_type(const struct cmd_entry *e, size_t k, const struct value *v);

#endif
