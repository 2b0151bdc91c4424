/* format.h - Python's repr and str for values, and constant names. */
#ifndef SOCKSHELL_FORMAT_H
#define SOCKSHELL_FORMAT_H

#include "errtext.h" /* fmt_errno, fmt_gai: formerly here */
#include "../strbuf.h"
#include "value.h"

void fmt_repr(struct strbuf *b, const struct value *v);
/* Python's repr of a float: the shortest text that reads back the same. */
void fmt_float(struct strbuf *b, double f);
void fmt_str_repr(struct strbuf *b, const char *p, size_t len);
void fmt_bytes_repr(struct strbuf *b, const unsigned char *p, size_t len);
/* The name of VALUE in KIND ("SOCK_STREAM|SOCK_NONBLOCK"), or its number. */
void fmt_const(struct strbuf *b, enum const_kind kind, long long value);

#endif
