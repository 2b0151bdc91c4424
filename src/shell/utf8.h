/* utf8.h - the one UTF-8 decoder, strict as Python's 'utf-8' codec, and
 * the conversions between bytes and the str values made of it.
 *
 * A str value holds its code points as UTF-8. A lone surrogate (Python's
 * '\udcff', which surrogateescape makes of an undecodable byte 0xff) has
 * no UTF-8 form: a str holds the 3 bytes of its code point as WTF-8 does
 * (ED B3 BF), which the codec itself refuses. */
#ifndef SOCKSHELL_UTF8_H
#define SOCKSHELL_UTF8_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

enum utf8_fault {
	UTF8_OK,
	UTF8_INVALID_START,
	UTF8_INVALID_CONTINUATION,
	UTF8_END_OF_DATA, /* the bytes so far begin a character */
};

struct utf8_step {
	unsigned long cp;     /* the code point, when fault is UTF8_OK */
	size_t len;           /* its bytes; on a fault, the bytes Python's
	                       * UnicodeDecodeError covers */
	enum utf8_fault fault;
};

/* The character at P (AVAIL > 0 bytes there), as Python's decoder reads
 * it; with SURROGATES a lone surrogate passes too (a str's own bytes). */
struct utf8_step utf8_step(const unsigned char *p, size_t avail,
                           bool surrogates);

/* The length of the valid UTF-8 sequence at P (AVAIL bytes there), or 0
 * when it is not one (truncated, overlong, a surrogate, past U+10FFFF). */
size_t utf8_seq_len(const unsigned char *p, size_t avail);

/* The offset of the first sequence of P (N bytes) that the 'utf-8' codec
 * refuses, with *BAD saying what is wrong there; N when all of it decodes. */
size_t utf8_first_fault(const unsigned char *p, size_t n,
                        struct utf8_step *bad);
/* Python's reason for fault F, untranslated ("invalid start byte"). */
const char *utf8_fault_reason(enum utf8_fault f);
/* Python's UnicodeDecodeError text for the fault BAD at offset AT of P,
 * malloc'd: "'utf-8' codec can't decode byte 0xff in position 0: invalid
 * start byte". */
char *utf8_fault_text(const unsigned char *p, size_t at, struct utf8_step bad);

/* Append code point CP to B as UTF-8 (a lone surrogate as its 3 bytes). */
void put_utf8(struct strbuf *b, unsigned long cp);

/* Bytes as Python's os.fsdecode makes a str of them (utf-8,
 * surrogateescape): a byte that does not decode becomes U+DC00 + byte. */
void utf8_fsdecode(struct strbuf *b, const unsigned char *p, size_t n);

/* The str S (N bytes) as os.fsencode gives it back: U+DC80..U+DCFF become
 * their byte again. */
void utf8_fsencode(struct strbuf *b, const char *s, size_t n);

#endif
