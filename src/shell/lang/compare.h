/* compare.h - Python's comparisons of values: == != < > <= >= in, not in,
 * with Python's results across types and its TypeErrors. */
#ifndef SOCKSHELL_COMPARE_H
#define SOCKSHELL_COMPARE_H

#include "value.h"

/* OP as N_COMPARE keeps it (E N L G for == != <= >=, '<', '>', 'i' in,
 * 'n' not in) as the operator's text: "==", "not in". */
const char *compare_op_text(char op);

/* A OP B: 1 (True), 0 (False), or -1 with *ERR set to Python's message
 * (malloc'd). */
int v_compare(char op, const struct value *a, const struct value *b,
              char **err);

#endif
