/* pycodec.h - the str codecs of Python a socket lesson uses: utf-8,
 * ascii and latin-1, with the error handlers strict, replace and ignore,
 * and Python's UnicodeDecodeError/UnicodeEncodeError/LookupError texts.
 * A str value holds UTF-8; a byte in it that is not UTF-8 stands for the
 * code point of its value, as the shell prints it. Pure computation. */
#ifndef SOCKSHELL_PYCODEC_H
#define SOCKSHELL_PYCODEC_H

#include <stddef.h>
#include "../strbuf.h"

enum pyc_codec { PYC_UTF8, PYC_ASCII, PYC_LATIN1 };

/* The codec NAME stands for, spelled any way Python accepts ('UTF8',
 * 'latin_1', 'us-ascii'). Returns 0, or -1 with *ERR set (malloc'd). */
int pyc_lookup(const char *name, enum pyc_codec *out, char **err);
/* Python's own name of C, as its messages give it. */
const char *pyc_name(enum pyc_codec c);

/* bytes.decode: the N bytes at P as UTF-8 text appended to OUT. ERRORS
 * is Python's errors argument, looked up only when an error occurs.
 * Returns 0, or -1 with *ERR set (malloc'd). */
int pyc_decode(enum pyc_codec c, const char *errors, const unsigned char *p,
               size_t n, struct strbuf *out, char **err);
/* str.encode: the str of N bytes at P, encoded, appended to OUT. */
int pyc_encode(enum pyc_codec c, const char *errors, const char *p, size_t n,
               struct strbuf *out, char **err);

#endif
